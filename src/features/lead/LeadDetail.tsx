import { UserSearch } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../domain/visit';
import { Button } from '../../ui/Button';
import { PrivacyLog } from './PrivacyLog';
import { StaffTraceForm } from './StaffTraceForm';
import { TracePanel, type TraceSubject } from './TracePanel';
import { VisitTimeline } from './VisitTimeline';

/** A staff member's tracing: the form, then the contacts. */
type StaffTrace = { step: 'form' } | { step: 'traced'; subject: TraceSubject };

/**
 * The ledger's side panel: the chosen visit's trail and its tracing; with no visit
 * chosen, a staff member's tracing and the day's record of personal data. Keyed by the
 * chosen visit, so choosing another starts afresh.
 */
export function LeadDetail({
  day,
  visit,
  revealed,
  onClose,
}: {
  day: string;
  visit: Visit | null;
  revealed: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [tracing, setTracing] = useState(false);
  const [staff, setStaff] = useState<StaffTrace | null>(null);

  const back = (onClick: () => void) => (
    <Button tone="neutral" className="lead-close" onClick={onClick}>
      {t('lead.close')}
    </Button>
  );

  if (visit) {
    return (
      <>
        {back(onClose)}
        <VisitTimeline visit={visit.id} revealed={revealed} />
        {tracing ? (
          <TracePanel subject={{ kind: 'visit', visit }} revealed={revealed} />
        ) : (
          <Button tone="danger" onClick={() => setTracing(true)}>
            {t('lead.trace.start')}
          </Button>
        )}
      </>
    );
  }
  if (staff?.step === 'traced') {
    return (
      <>
        <TracePanel subject={staff.subject} revealed={revealed} />
        {back(() => setStaff(null))}
      </>
    );
  }
  if (staff?.step === 'form') {
    return (
      <StaffTraceForm
        day={day}
        onTrace={(subject) => setStaff({ step: 'traced', subject })}
        onCancel={() => setStaff(null)}
      />
    );
  }
  return (
    <>
      <p className="hint">{t('lead.pick')}</p>
      <Button tone="neutral" onClick={() => setStaff({ step: 'form' })}>
        <UserSearch aria-hidden /> {t('lead.staffTrace.open')}
      </Button>
      <PrivacyLog day={day} />
    </>
  );
}
