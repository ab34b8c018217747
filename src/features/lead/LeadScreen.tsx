import { useLiveQuery } from 'dexie-react-hooks';
import { Download, FileSpreadsheet, Printer } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useServices } from '../../app/services';
import { visitsOfDay } from '../../db/queries';
import { summariseDay } from '../../domain/day-summary';
import { type LedgerFilter, ledgerCsv, ledgerRow, matchesFilter } from '../../domain/ledger';
import { dayKey } from '../../domain/time';
import { useNow } from '../../ui/use-now';
import { download } from './download';
import { LedgerList } from './LedgerList';
import { useLeadSession } from './lead-session';
import { SummaryCards } from './SummaryCards';
import { TracePanel } from './TracePanel';
import { useLedgerCells } from './use-ledger-cells';
import { VisitTimeline } from './VisitTimeline';

const STATUSES = ['all', 'admitted', 'refused', 'isolated', 'abandoned', 'open'] as const;

/** The shift lead's ledger: a day's visits, filtered, exported, traced. */
export function LeadScreen() {
  const { t } = useTranslation();
  const { db, now, policy } = useServices();
  const [day, setDay] = useState(() => dayKey(now()));
  const [filter, setFilter] = useState<LedgerFilter>({ status: 'all' });
  const [selected, setSelected] = useState<string | null>(null);
  const [tracing, setTracing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const unlockedUntil = useLeadSession((s) => s.unlockedUntil);
  const revealed = useNow(now, 5_000) < unlockedUntil;
  const { headers, cells } = useLedgerCells();

  const visits = useLiveQuery(() => visitsOfDay(db, day), [db, day]);
  const shown = useMemo(
    () => (visits ?? []).filter((v) => matchesFilter(v, filter, policy)),
    [visits, filter, policy],
  );
  const summary = useMemo(() => summariseDay(visits ?? [], policy), [visits, policy]);
  const chosen = shown.find((v) => v.id === selected) ?? null;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (shown.length === 0) {
      setNotice(t('lead.export.empty'));
      return;
    }
    const rows = shown.map((v) => cells(ledgerRow(v)));
    const name = `${t('lead.export.file')}-${day}`;
    if (format === 'csv') {
      download(`${name}.csv`, ledgerCsv(rows, headers), 'text/csv;charset=utf-8');
    } else {
      const { ledgerXlsx } = await import('./xlsx-export');
      const data = await ledgerXlsx(rows, headers, `${t('lead.export.file')} ${day}`);
      download(
        `${name}.xlsx`,
        data,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    }
    setNotice(t('lead.export.done', { count: rows.length }));
  };

  const patch = (p: Partial<LedgerFilter>) => setFilter((f) => ({ ...f, ...p }));

  return (
    <section className="lead" aria-labelledby="lead-title">
      <div className="lead-head">
        <h2 id="lead-title">{t('lead.title')}</h2>
        <input
          type="date"
          aria-label={t('lead.day')}
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
          className="day-input"
        />
        <button
          type="button"
          className="btn btn-neutral btn-large"
          onClick={() => void exportAs('csv')}
        >
          <Download aria-hidden /> CSV
        </button>
        <button
          type="button"
          className="btn btn-neutral btn-large"
          onClick={() => void exportAs('xlsx')}
        >
          <FileSpreadsheet aria-hidden /> Excel
        </button>
        <Link href={`/report/${day}`} className="btn btn-neutral btn-large">
          <Printer aria-hidden /> {t('lead.report.open')}
        </Link>
      </div>
      {notice && (
        <p role="status" className="notice notice-warn">
          {notice}
        </p>
      )}
      <SummaryCards summary={summary} />
      <div className="filters">
        <select
          aria-label={t('lead.filter.status')}
          value={filter.status}
          onChange={(e) => patch({ status: e.target.value as LedgerFilter['status'] })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`log.counts.${s}`)}
            </option>
          ))}
        </select>
        <input
          type="time"
          aria-label={t('lead.filter.from')}
          value={filter.from ?? ''}
          onChange={(e) => patch({ from: e.target.value })}
        />
        <input
          type="time"
          aria-label={t('lead.filter.to')}
          value={filter.to ?? ''}
          onChange={(e) => patch({ to: e.target.value })}
        />
        <button
          type="button"
          className="toggle"
          aria-pressed={!!filter.abnormalTemperature}
          onClick={() => patch({ abnormalTemperature: !filter.abnormalTemperature })}
        >
          {t('lead.filter.abnormal')}
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={!!filter.maskGiven}
          onClick={() => patch({ maskGiven: !filter.maskGiven })}
        >
          {t('lead.filter.maskGiven')}
        </button>
        <input
          type="search"
          className="search"
          aria-label={t('lead.filter.search')}
          placeholder={t('lead.filter.search')}
          value={filter.search ?? ''}
          onChange={(e) => patch({ search: e.target.value })}
        />
      </div>
      <div className="lead-body">
        {visits && shown.length === 0 ? (
          <p className="hint">{t('lead.none')}</p>
        ) : (
          <LedgerList
            visits={shown}
            revealed={revealed}
            selected={selected}
            onSelect={(id) => {
              setSelected(id);
              setTracing(false);
            }}
          />
        )}
        <aside className="lead-detail" aria-label={t('lead.detail')}>
          {chosen ? (
            <>
              <VisitTimeline visit={chosen.id} />
              {tracing ? (
                <TracePanel index={chosen} revealed={revealed} />
              ) : (
                <button
                  type="button"
                  className="btn btn-danger btn-large"
                  onClick={() => setTracing(true)}
                >
                  {t('lead.trace.start')}
                </button>
              )}
            </>
          ) : (
            <p className="hint">{t('lead.pick')}</p>
          )}
        </aside>
      </div>
    </section>
  );
}
