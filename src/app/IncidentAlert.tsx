import { Siren } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { StorageError } from '../db/storage-error';
import { reportFacts } from '../domain/incident-report';
import {
  alertOrder,
  awaitingLead,
  foldIncidents,
  type Incident,
  planIncidentStep,
} from '../domain/incidents';
import { maskName } from '../domain/privacy';
import { clockTime } from '../domain/time';
import { useKioskStore } from '../features/kiosk/kiosk-store';
import { LeadGate } from '../features/kiosk/LeadGate';
import { useServices } from '../services/services';
import { useStatusStore } from '../services/status-store';
import { useToday } from '../services/use-today';
import { Button } from '../ui/Button';

/**
 * The duty lead is told at once (shared/domain.md): every incident not yet acknowledged
 * shows on every staff screen, on every tablet once synced, until the lead acknowledges
 * it. Only the lead may: acknowledging asks for the lead PIN (one unlock covers the lead's
 * session until the lead locks or the tablet idles out); anyone can view.
 *
 * The alert is one line whatever the count (issue 24): the most urgent incident (a
 * suspected case, else the newest), with its own heading and action, and how many there
 * are. A tap on the count opens them all over the screen. Incidents stay until the lead
 * is back, so a banner growing a row each would push the door's keypad off the kiosk.
 */
export function IncidentAlert() {
  const { t } = useTranslation();
  const { log, now, clock } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  // The PIN given once (here or on the lead's screens) holds until the lead locks or the
  // tablet idles out, even after the lead's screens were left (they lock then).
  const leadPresent = useKioskStore((s) => s.leadPresent);
  const [asking, setAsking] = useState<string | null>(null);
  const [listing, setListing] = useState(false);
  const today = useToday();
  if (!today) return null;
  const open = alertOrder(awaitingLead(foldIncidents(today.records)));
  const [first] = open;
  if (!first) return null;

  const acknowledge = async (incident: string) => {
    const at = now();
    try {
      await log.command(clock.today(), (state) => {
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

  const line = (i: Incident, underTitle = false) => {
    const facts = reportFacts(
      i,
      today.visits.find((v) => v.id === i.visit),
    );
    // The report names a staff member (the lead's own record); a banner on every screen
    // masks everyone, as it does visitors.
    const who = facts.who && i.kind === 'staff-abnormal' ? maskName(facts.who) : facts.who;
    // Under its own title a suspected case's line is who and when: the title says what it
    // is, and the line is what gives way when the row is full ("Susp…" said nothing).
    const short = underTitle && i.kind === 'suspected-case';
    return t(short ? 'alert.lineOfSuspected' : 'alert.line', {
      kind: t(`guide.incidents.kinds.${i.kind}`),
      time: clockTime(i.reportedAt),
      who: who ?? facts.ticket ?? t('guide.incidents.report.unknown'),
    });
  };
  const actions = (i: Incident, onLeave?: () => void) => {
    const suspected = i.kind === 'suspected-case';
    return (
      <>
        <Button
          tone="neutral"
          onClick={() => (leadPresent ? void acknowledge(i.incident) : setAsking(i.incident))}
        >
          {t('alert.acknowledge')}
        </Button>
        <Link
          href={suspected ? '/guide/isolation' : '/guide/incidents'}
          className="btn btn-neutral btn-link"
          onClick={onLeave}
        >
          {t(suspected ? 'alert.openIsolation' : 'alert.open')}
        </Link>
      </>
    );
  };
  const suspected = first.kind === 'suspected-case';
  const asked = open.find((i) => i.incident === asking);

  return (
    <div
      className={`banner banner-danger lead-alert ${suspected ? 'lead-alert-suspected' : ''}`}
      role="alert"
      data-testid="lead-alert"
    >
      <Siren aria-hidden />
      <strong>{t(suspected ? 'alert.suspectedTitle' : 'alert.title')}</strong>
      <span className="lead-alert-line" data-kind={first.kind}>
        {line(first, true)}
      </span>
      {open.length > 1 && (
        <Button tone="neutral" className="lead-alert-count" onClick={() => setListing(true)}>
          {t('alert.count', { count: open.length })}
        </Button>
      )}
      {actions(first)}
      {listing && open.length > 1 && (
        <div
          className="alert-gate"
          role="dialog"
          aria-modal="true"
          aria-label={t('alert.listTitle', { count: open.length })}
        >
          <div className="alert-gate-box alert-list">
            <h2>{t('alert.listTitle', { count: open.length })}</h2>
            <ul>
              {open.map((i) => (
                <li key={i.incident} data-kind={i.kind}>
                  <span>{line(i)}</span>
                  {actions(i, () => setListing(false))}
                </li>
              ))}
            </ul>
            <Button tone="neutral" onClick={() => setListing(false)}>
              {t('alert.close')}
            </Button>
          </div>
        </div>
      )}
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
              <Button tone="danger" onClick={() => acknowledge(asked.incident)}>
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
