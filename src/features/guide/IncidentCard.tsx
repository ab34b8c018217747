import { Check, Copy, Printer } from 'lucide-react';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { IncidentStep } from '../../domain/events';
import { reportFacts } from '../../domain/incident-report';
import { INCIDENT_STEPS, type Incident } from '../../domain/incidents';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { copyText } from './copy-text';
import { reportLines } from './report-text';

/** One incident: its steps (each once, with its time) and the report, copyable and printable. */
export function IncidentCard({
  incident,
  visit,
  onStep,
}: {
  incident: Incident;
  visit: Visit | undefined;
  onStep: (incident: string, step: IncidentStep) => void;
}) {
  const { t } = useTranslation();
  const { settings } = useServices();
  const [printing, setPrinting] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  const facts = reportFacts(incident, visit);
  const text = reportLines(t, facts, {
    hall: settings.hallName || settings.siteName || t('app.title'),
    device: settings.deviceName,
  }).join('\n');

  const print = () => {
    // Only this report is visible to the printer (print stylesheet: [data-print]).
    flushSync(() => setPrinting(true));
    window.print();
    setPrinting(false);
  };

  return (
    <article
      className={`incident incident-${incident.kind}`}
      data-print={printing ? 'true' : undefined}
      data-testid="incident"
      aria-label={t(`guide.incidents.kinds.${incident.kind}`)}
    >
      <header>
        <h3>{t(`guide.incidents.kinds.${incident.kind}`)}</h3>
        <span>{clockTime(incident.reportedAt)}</span>
      </header>
      <div className="incident-steps">
        {INCIDENT_STEPS[incident.kind].map((step) => {
          const at = incident.steps[step];
          const label = t(`guide.incidents.steps.${step}`);
          // Only the lead acknowledges, with the lead PIN, from the alert (app/IncidentAlert).
          if (at === undefined && step === 'lead-acknowledged')
            return (
              <span key={step} className="step-waiting">
                {t('guide.incidents.awaitingLead')}
              </span>
            );
          return at === undefined ? (
            <Button key={step} tone="danger" onClick={() => onStep(incident.incident, step)}>
              {label}
            </Button>
          ) : (
            <span key={step} className="step-done">
              <Check aria-hidden /> {label} {clockTime(at)}
            </span>
          );
        })}
      </div>
      <pre className="incident-text" data-testid="incident-report">
        {text}
      </pre>
      <div className="incident-actions">
        <Button
          onClick={() => copyText(text).then((ok) => setCopied(ok ? 'copied' : 'copyFailed'))}
        >
          <Copy aria-hidden /> {t('guide.incidents.copy')}
        </Button>
        <Button onClick={print}>
          <Printer aria-hidden /> {t('guide.incidents.print')}
        </Button>
        {copied && (
          <span role="status" className={copied === 'copied' ? 'copy-ok' : 'copy-failed'}>
            {t(`guide.incidents.${copied}`)}
          </span>
        )}
      </div>
    </article>
  );
}
