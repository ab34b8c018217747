import { useTranslation } from 'react-i18next';
import { checkTallies } from '../../domain/check-columns';
import type { Visit } from '../../domain/visit';
import { useCheckCells } from './use-check-cells';

/** The policy's added checks of the day (issue 33): a column each, answered and refused. */
export function ReportChecks({ visits }: { visits: readonly Visit[] }) {
  const { t } = useTranslation();
  const { checks, headers } = useCheckCells(visits);
  if (checks.length === 0) return null;
  const tallies = checkTallies(visits, checks);
  return (
    <>
      <h3>{t('lead.report.checks')}</h3>
      <table className="report-table" data-testid="report-checks">
        <thead>
          <tr>
            <th />
            {headers.map((h, i) => (
              <th key={checks[i]?.key} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['answered', 'refused'] as const).map((row) => (
            <tr key={row}>
              <th scope="row">{t(`lead.report.check.${row}`)}</th>
              {tallies.map((c) => (
                <td key={c.check.key}>{c[row]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
