import { Siren } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { StorageError } from '../db/storage-error';
import { reportFacts } from '../domain/incident-report';
import { awaitingLead, foldIncidents, planIncidentStep } from '../domain/incidents';
import { clockTime, dayKey } from '../domain/time';
import { useServices } from '../services/services';
import { useStatusStore } from '../services/status-store';
import { useToday } from '../services/use-today';
import { Button } from '../ui/Button';

/**
 * The duty lead is told at once (shared/domain.md): every incident not yet acknowledged
 * shows on every screen but the board, on every tablet once synced, until acknowledged.
 */
export function IncidentAlert() {
  const { t } = useTranslation();
  const { log, now } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  const today = useToday();
  if (!today) return null;
  const open = awaitingLead(foldIncidents(today.records));
  if (open.length === 0) return null;

  const acknowledge = async (incident: string) => {
    const at = now();
    try {
      await log.command(dayKey(at), (state) => {
        const { drafts, answer } = planIncidentStep(
          foldIncidents(state.records),
          incident,
          'lead-acknowledged',
          at,
        );
        return { drafts, result: answer };
      });
      setStorageError(null);
    } catch (e) {
      setStorageError(e instanceof StorageError ? e.code : 'unknown');
    }
  };

  return (
    <div className="banner banner-danger lead-alert" role="alert" data-testid="lead-alert">
      <Siren aria-hidden />
      <strong>{t('alert.title')}</strong>
      <ul>
        {open.map((i) => {
          const facts = reportFacts(
            i,
            today.visits.find((v) => v.id === i.visit),
          );
          return (
            <li key={i.incident}>
              <span>
                {t('alert.line', {
                  kind: t(`guide.incidents.kinds.${i.kind}`),
                  time: clockTime(i.reportedAt),
                  who: facts.who ?? facts.ticket ?? t('guide.incidents.report.unknown'),
                })}
              </span>
              <Button tone="neutral" onClick={() => void acknowledge(i.incident)}>
                {t('alert.acknowledge')}
              </Button>
            </li>
          );
        })}
      </ul>
      <Link href="/guide/incidents" className="btn btn-neutral btn-large btn-link">
        {t('alert.open')}
      </Link>
    </div>
  );
}
