import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dayChainHeads } from '../../db/queries';
import { useServices } from '../../services/services';
import { chainSheet } from './chain-heads';
import { useLedgerCells } from './use-ledger-cells';

/**
 * The day's chain heads on the printed report: per device, its records and the hash of
 * the last, so a signed paper copy can be checked against the server's records later
 * (`npm run admin -- verify <hall> <day>` prints the same).
 */
export function ReportChain({ day }: { day: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const { deviceName } = useLedgerCells();
  const heads = useLiveQuery(() => dayChainHeads(db, day), [db, day]);
  if (!heads || heads.length === 0) return null;
  const { headers, rows } = chainSheet(heads, t);
  return (
    <section className="report-chain" aria-labelledby="report-chain-title">
      <h3 id="report-chain-title">{t('lead.report.chain.title')}</h3>
      <table className="report-table report-chain-table" data-testid="report-chain">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([device = '', ...cells]) => (
            <tr key={device}>
              {/* Its name as staff know it; the id (what verify prints) on a second line. */}
              <td>
                {deviceName(device)}
                <small className="report-device-id">{device}</small>
              </td>
              {cells.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('lead.report.chain.hint')}</p>
    </section>
  );
}
