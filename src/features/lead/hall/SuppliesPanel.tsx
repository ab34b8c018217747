import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lowStock, planSupply } from '../../../domain/supplies';
import { itemLabel, itemUnit, lowStockText } from '../../../services/hall-labels';
import { useServices } from '../../../services/services';
import { useCommand } from '../../../services/use-command';
import { useStock } from '../../../services/use-stock';
import { Button } from '../../../ui/Button';

/** The stock (a fold of every tablet's events), deliveries and counts by the lead. */
export function SuppliesPanel() {
  const { t } = useTranslation();
  const { policy } = useServices();
  const run = useCommand();
  const stock = useStock();
  const [item, setItem] = useState(policy.supplies.items[0]?.item ?? '');
  const [quantity, setQuantity] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);

  const record = async (type: 'supplies.received' | 'supplies.counted') => {
    const c = await run((_, at) => {
      const p = planSupply(type, { item, quantity }, policy, at);
      return { drafts: p.drafts, result: p.answer };
    });
    if (!c) return;
    setAnswer(t(`hall.supplies.answers.${c.result.ok ? 'ok' : c.result.reason}`));
    if (c.result.ok) setQuantity('');
  };

  return (
    <section className="hall-panel" aria-labelledby="supplies-title">
      <h3 id="supplies-title">{t('hall.supplies.title')}</h3>
      {stock &&
        lowStock(stock).map((s) => (
          <p key={s.item} className="notice notice-warn" data-testid="lead-low-stock">
            {lowStockText(t, s)}
          </p>
        ))}
      <table className="stock-table">
        <tbody>
          {stock?.map((s) => (
            <tr key={s.item} className={s.isLow ? 'stock-low' : ''}>
              <th scope="row">{itemLabel(t, s.item)}</th>
              <td data-testid={`stock-${s.item}`}>
                {s.quantity} {itemUnit(t, s.item)}
              </td>
              <td className="hint">{t('hall.supplies.low', { low: s.low })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="supply-form">
        <label className="field">
          <span>{t('hall.supplies.item')}</span>
          <select name="supply-item" value={item} onChange={(e) => setItem(e.target.value)}>
            {policy.supplies.items.map((i) => (
              <option key={i.item} value={i.item}>
                {itemLabel(t, i.item)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('hall.supplies.quantity')}</span>
          <input
            name="supply-quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </label>
        <Button tone="primary" onClick={() => record('supplies.received')}>
          {t('hall.supplies.receive')}
        </Button>
        <Button onClick={() => record('supplies.counted')}>{t('hall.supplies.count')}</Button>
      </div>
      {answer && (
        <p role="status" className="hint">
          {answer}
        </p>
      )}
    </section>
  );
}
