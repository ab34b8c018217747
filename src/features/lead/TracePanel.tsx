import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { visitsOfDays } from '../../db/queries';
import { ledgerCsv, personOf } from '../../domain/ledger';
import { maskName, maskPhone } from '../../domain/privacy';
import { clockTime, dayKey } from '../../domain/time';
import { stayOf, traceContacts } from '../../domain/tracing';
import type { Visit } from '../../domain/visit';
import { download } from './download';

const DAY = 86_400_000;

/** Everyone whose stay overlapped the chosen visit's, with the assumption used if any. */
export function TracePanel({ index, revealed }: { index: Visit; revealed: boolean }) {
  const { t } = useTranslation();
  const { db, policyFor } = useServices();
  const [margin, setMargin] = useState(10);
  const rule = policyFor(index.policyVersion).ledger;
  const days = [dayKey(index.openedAt - DAY), dayKey(index.openedAt), dayKey(index.openedAt + DAY)];
  const [from, , to] = days;
  const visits = useLiveQuery(() => visitsOfDays(db, from ?? '', to ?? ''), [db, from, to]);
  if (!visits) return null;

  const indexStay = stayOf(index, rule);
  const contacts = traceContacts(
    indexStay,
    visits.map((v) => stayOf(v, rule)),
    margin,
  );
  const byId = new Map(visits.map((v) => [v.id, v]));
  const rows = contacts.map((c) => {
    const person = byId.get(c.stay.visit);
    const who = person ? personOf(person) : null;
    return { c, who };
  });

  const exportList = () => {
    const headers = [
      t('lead.trace.name'),
      t('lead.trace.phone'),
      t('lead.trace.from'),
      t('lead.trace.to'),
      t('lead.trace.minutes'),
    ];
    const cells = rows.map(({ c, who }) => [
      who?.name ?? '',
      who?.phone ?? '',
      clockTime(c.stay.start),
      clockTime(c.stay.end),
      String(c.overlapMinutes),
    ]);
    download(
      `${t('lead.trace.file')}-${dayKey(index.openedAt)}-${clockTime(index.openedAt).replace(':', '')}.csv`,
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
      <label className="field field-inline">
        <span>{t('lead.trace.margin')}</span>
        <input
          type="number"
          min={0}
          max={120}
          value={margin}
          onChange={(e) => setMargin(Math.max(0, Number(e.target.value) || 0))}
        />
      </label>
      <ul className="contacts" data-testid="contacts">
        {rows.map(({ c, who }) => (
          <li key={c.stay.visit}>
            <span>{who ? (revealed ? who.name : maskName(who.name)) : '—'}</span>
            <span>{who ? (revealed ? who.phone : maskPhone(who.phone)) : ''}</span>
            <span>
              {clockTime(c.stay.start)}–{clockTime(c.stay.end)}
            </span>
            <strong>{t('lead.trace.overlap', { minutes: c.overlapMinutes })}</strong>
            {c.sameWindow && <span className="tag">{t('lead.trace.sameWindow')}</span>}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-primary btn-large"
        disabled={rows.length === 0}
        onClick={exportList}
      >
        {t('lead.trace.export')}
      </button>
    </section>
  );
}
