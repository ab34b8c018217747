import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visitsOfDays } from '../../db/queries';
import { ledgerCsv, personOf } from '../../domain/ledger';
import { maskName, maskPhone } from '../../domain/privacy';
import { clockTime, dayKey } from '../../domain/time';
import {
  anonymousReason,
  leftOut,
  type Stay,
  type StayPlace,
  stayOf,
  traceContacts,
} from '../../domain/tracing';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { download } from './download';
import { useLeadAudit } from './use-lead-audit';

const DAY = 86_400_000;

/** Whose contacts: a visit from the ledger, or a staff member present over a time window. */
export type TraceSubject =
  | { kind: 'visit'; visit: Visit }
  | { kind: 'staff'; name: string; start: number; end: number };

/**
 * Everyone whose stay overlapped the subject's, with the assumption used if any. Opening
 * a tracing is recorded (who was traced, the window, how many contacts), and so is the
 * export of the list.
 */
export function TracePanel({ subject, revealed }: { subject: TraceSubject; revealed: boolean }) {
  const { t } = useTranslation();
  const { db, policy, policyFor } = useServices();
  const audit = useLeadAudit();
  const [margin, setMargin] = useState(10);
  const [error, setError] = useState<string | null>(null);
  const rule =
    subject.kind === 'visit' ? policyFor(subject.visit.policyVersion).ledger : policy.ledger;
  const indexStay: Stay =
    subject.kind === 'visit'
      ? stayOf(subject.visit, rule)
      : {
          visit: `staff:${subject.name}`,
          start: subject.start,
          end: subject.end,
          assumedEnd: false,
        };
  const from = dayKey(indexStay.start - DAY);
  const to = dayKey(indexStay.end + DAY);
  const visits = useLiveQuery(() => visitsOfDays(db, from, to), [db, from, to]);

  const stays = (visits ?? []).map((v) => stayOf(v, rule));
  const contacts = traceContacts(indexStay, stays, margin);
  const touching = leftOut(indexStay, stays, margin);
  const recorded = useRef(false);
  useEffect(() => {
    if (!visits || recorded.current) return;
    recorded.current = true;
    void audit({
      type: 'lead.traced',
      data: {
        visit: subject.kind === 'visit' ? subject.visit.id : null,
        person: subject.kind === 'staff' ? subject.name : null,
        from: indexStay.start,
        to: indexStay.end,
        marginMinutes: margin,
        contacts: contacts.length,
      },
    }).catch(() => setError(t('storage.unknown')));
  });
  if (!visits) return null;

  const byId = new Map(visits.map((v) => [v.id, v]));
  const rows = contacts.map((c) => {
    const visit = byId.get(c.stay.visit);
    const who = visit && !visit.purgedAt ? personOf(visit) : null;
    return { c, who, anonymous: who ? null : anonymousReason(visit) };
  });
  const places: StayPlace[] = ['inside', 'door'];
  const nobody = (reason: ReturnType<typeof anonymousReason> | null) =>
    reason ? t(`lead.trace.anonymous.${reason}`) : '';

  const exportList = async () => {
    const headers = [
      t('lead.trace.name'),
      t('lead.trace.idNumber'),
      t('lead.trace.phone'),
      t('lead.trace.place'),
      t('lead.trace.from'),
      t('lead.trace.to'),
      t('lead.trace.minutes'),
    ];
    const cells = rows.map(({ c, who, anonymous }) => [
      who?.name ?? nobody(anonymous),
      who?.idNumber ?? '',
      who?.phone ?? '',
      t(`lead.trace.places.${c.stay.place ?? 'door'}`),
      clockTime(c.stay.start),
      clockTime(c.stay.end),
      String(c.overlapMinutes),
    ]);
    const day = dayKey(indexStay.start);
    try {
      // Recorded before the file leaves: an export nobody can account for never happens.
      await audit({
        type: 'lead.exported',
        data: { what: 'contacts', format: 'csv', day, rows: cells.length },
      });
    } catch {
      setError(t('storage.unknown'));
      return;
    }
    download(
      `${t('lead.trace.file')}-${day}-${clockTime(indexStay.start).replace(':', '')}.csv`,
      ledgerCsv(cells, headers),
      'text/csv;charset=utf-8',
    );
  };

  return (
    <section className="trace" aria-labelledby="trace-title">
      <h3 id="trace-title">{t('lead.trace.title', { count: contacts.length })}</h3>
      <p className="hint">
        {t('lead.trace.window', { from: clockTime(indexStay.start), to: clockTime(indexStay.end) })}
        {indexStay.assumedEnd &&
          ` ${t('lead.trace.assumed', { minutes: rule.maxStayMinutes, closing: rule.closing })}`}
      </p>
      {touching > 0 && (
        <p className="hint" data-testid="trace-left-out">
          {t('lead.trace.leftOut', { count: touching })}
        </p>
      )}
      <label className="field field-inline">
        <span>{t('lead.trace.margin')}</span>
        <input
          type="number"
          min={0}
          max={120}
          value={margin}
          onChange={(e) => setMargin(Math.min(120, Math.max(0, Number(e.target.value) || 0)))}
        />
      </label>
      <div data-testid="contacts">
        {places.map((place) => {
          const here = rows.filter((row) => (row.c.stay.place ?? 'door') === place);
          if (here.length === 0) return null;
          return (
            <div key={place} className="contacts-group">
              <h4>{t(`lead.trace.groups.${place}`, { count: here.length })}</h4>
              <ul className="contacts" data-testid={`contacts-${place}`}>
                {here.map(({ c, who, anonymous }) => (
                  <li key={c.stay.visit}>
                    <span>
                      {who ? (revealed ? who.name : maskName(who.name)) : nobody(anonymous)}
                    </span>
                    <span>{who ? (revealed ? who.phone : maskPhone(who.phone)) : ''}</span>
                    <span>
                      {clockTime(c.stay.start)}–{clockTime(c.stay.end)}
                    </span>
                    <strong>{t('lead.trace.overlap', { minutes: c.overlapMinutes })}</strong>
                    {c.sameWindow && <span className="tag">{t('lead.trace.sameWindow')}</span>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <Button tone="primary" disabled={rows.length === 0} onClick={() => exportList()}>
        {t('lead.trace.export')}
      </Button>
    </section>
  );
}
