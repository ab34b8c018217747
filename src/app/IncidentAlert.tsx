import { Siren } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { StorageError } from '../db/storage-error';
import { reportFacts } from '../domain/incident-report';
import { awaitingLead, foldIncidents, type Incident, planIncidentStep } from '../domain/incidents';
import { maskName } from '../domain/privacy';
import { clockTime, dayKey } from '../domain/time';
import { useKioskStore } from '../features/kiosk/kiosk-store';
import { LeadGate } from '../features/kiosk/LeadGate';
import { useServices } from '../services/services';
import { useStatusStore } from '../services/status-store';
import { useToday } from '../services/use-today';
import { Button } from '../ui/Button';

/**
 * The duty lead is told at once (shared/domain.md): every incident not yet acknowledged
 * (a suspected case first) shows on every staff screen, on every tablet once synced,
 * until the lead acknowledges it. Only the lead may: acknowledging asks for the lead PIN
 * (one unlock covers the lead's session, as for the lead's screens); anyone can view.
 */
export function IncidentAlert() {
  const { t } = useTranslation();
  const { log, now } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  const leadUnlocked = useKioskStore((s) => s.leadUnlocked);
  const [asking, setAsking] = useState<string | null>(null);
  const today = useToday();
  if (!today) return null;
  // Suspected cases first: they are the most urgent.
  const open = awaitingLead(foldIncidents(today.records)).sort(
    (a, b) => Number(b.kind === 'suspected-case') - Number(a.kind === 'suspected-case'),
  );
  if (open.length === 0) return null;
  const suspected = open.some((i) => i.kind === 'suspected-case');

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
      setAsking(null);
    } catch (e) {
      setStorageError(e instanceof StorageError ? e.code : 'unknown');
    }
  };

  const line = (i: Incident) => {
    const facts = reportFacts(
      i,
      today.visits.find((v) => v.id === i.visit),
    );
    // The report names a staff member (the lead's own record); a banner on every screen
    // masks everyone, as it does visitors.
    const who = facts.who && i.kind === 'staff-abnormal' ? maskName(facts.who) : facts.who;
    return t('alert.line', {
      kind: t(`guide.incidents.kinds.${i.kind}`),
      time: clockTime(i.reportedAt),
      who: who ?? facts.ticket ?? t('guide.incidents.report.unknown'),
    });
  };
  const asked = open.find((i) => i.incident === asking);

  return (
    <div
      className={`banner banner-danger lead-alert ${suspected ? 'lead-alert-suspected' : ''}`}
      role="alert"
      data-testid="lead-alert"
    >
      <Siren aria-hidden />
      <strong>{t(suspected ? 'alert.suspectedTitle' : 'alert.title')}</strong>
      <ul>
        {open.map((i) => (
          <li key={i.incident} data-kind={i.kind}>
            <span>{line(i)}</span>
            <Button
              tone="neutral"
              onClick={() => (leadUnlocked ? void acknowledge(i.incident) : setAsking(i.incident))}
            >
              {t('alert.acknowledge')}
            </Button>
          </li>
        ))}
      </ul>
      <Link
        href={suspected ? '/guide/isolation' : '/guide/incidents'}
        className="btn btn-neutral btn-large btn-link"
      >
        {t(suspected ? 'alert.openIsolation' : 'alert.open')}
      </Link>
      {asked && (
        <div
          className="alert-gate"
          role="dialog"
          aria-modal="true"
          aria-label={t('alert.leadOnly')}
        >
          <div className="alert-gate-box">
            <p>{t('alert.leadOnly')}</p>
            <p className="alert-gate-line">{line(asked)}</p>
            <LeadGate>
              <Button tone="danger" onClick={() => void acknowledge(asked.incident)}>
                {t('alert.confirm')}
              </Button>
            </LeadGate>
            <Button tone="neutral" onClick={() => setAsking(null)}>
              {t('alert.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
