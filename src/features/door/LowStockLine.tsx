import { PackageOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { lowStock } from '../../domain/supplies';
import { lowStockText } from '../../services/hall-labels';
import { useStock } from '../../services/use-stock';
import './hall-plan.css';

/** Supplies at or under their low line, before they run out ("口罩剩余 40 只"). */
export function LowStockLine() {
  const { t } = useTranslation();
  const stock = useStock();
  const low = stock ? lowStock(stock) : [];
  if (low.length === 0) return null;
  return (
    <p className="notice notice-warn low-stock" role="status" data-testid="low-stock">
      <PackageOpen aria-hidden />
      {low.map((s) => (
        <span key={s.item}>{lowStockText(t, s)}</span>
      ))}
    </p>
  );
}
