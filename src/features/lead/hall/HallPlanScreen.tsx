import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useToday } from '../../../services/use-today';
import { ClosurePanel } from './ClosurePanel';
import { StaffListPanel } from './StaffListPanel';
import { SuppliesPanel } from './SuppliesPanel';
import './hall-plan.css';

/** The lead's side of the hall's plan: the staff list, supplies, on-site service. */
export function HallPlanScreen() {
  const { t } = useTranslation();
  const today = useToday();
  return (
    <section className="hall-plan" aria-labelledby="hall-plan-title">
      <div className="lead-head">
        <h2 id="hall-plan-title">{t('hall.lead.title')}</h2>
        {/* Nested under /lead: "/" is the ledger. */}
        <Link href="/" className="btn btn-neutral btn-large">
          {t('hall.lead.back')}
        </Link>
      </div>
      {today && (
        <div className="hall-plan-body">
          <ClosurePanel today={today} />
          <StaffListPanel today={today} />
          <SuppliesPanel />
        </div>
      )}
    </section>
  );
}
