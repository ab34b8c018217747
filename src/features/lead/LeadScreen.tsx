import { useLiveQuery } from 'dexie-react-hooks';
import { Download, Eye, EyeOff, FileSpreadsheet, Printer } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { dayChainHeads, visitsOfDay } from '../../db/queries';
import { summariseDay } from '../../domain/day-summary';
import { type LedgerFilter, ledgerCsv, ledgerRow, matchesFilter } from '../../domain/ledger';
import { useServices } from '../../services/services';
import { chainSheet } from './chain-heads';
import { download } from './download';
import { staffSheetOf } from './hall/staff-sheet';
import { LeadDetail } from './LeadDetail';
import { LedgerList } from './LedgerList';
import { SummaryCards } from './SummaryCards';
import { useCheckCells } from './use-check-cells';
import { useLeadAudit } from './use-lead-audit';
import { useLedgerCells } from './use-ledger-cells';
import './lead.css';
import { Button } from '../../ui/Button';

const STATUSES = ['all', 'admitted', 'refused', 'isolated', 'abandoned', 'open'] as const;

/**
 * The shift lead's ledger: a day's visits, filtered, exported, traced. Personal data
 * stays masked until the lead asks to see it; that, every export and every tracing is
 * recorded (PrivacyLog shows the day's record).
 */
export function LeadScreen() {
  const { t } = useTranslation();
  const { db, policy, clock } = useServices();
  const audit = useLeadAudit();
  const [day, setDay] = useState(() => clock.today());
  const [filter, setFilter] = useState<LedgerFilter>({ status: 'all' });
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const { headers, cells } = useLedgerCells();

  /** Recorded first: if the record cannot be written, the personal data is not handed out. */
  const recorded = async (action: Parameters<typeof audit>[0]): Promise<boolean> => {
    try {
      await audit(action);
      return true;
    } catch {
      setNotice(t('storage.unknown'));
      return false;
    }
  };

  const toggleReveal = async () => {
    if (revealed) return setRevealed(false);
    if (await recorded({ type: 'lead.revealed', data: { day } })) setRevealed(true);
  };

  const visits = useLiveQuery(() => visitsOfDay(db, day), [db, day]);
  const shown = useMemo(
    () => (visits ?? []).filter((v) => matchesFilter(v, filter, policy)),
    [visits, filter, policy],
  );
  const summary = useMemo(() => summariseDay(visits ?? [], policy), [visits, policy]);
  const checkColumns = useCheckCells(visits ?? []);
  const chosen = shown.find((v) => v.id === selected) ?? null;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (shown.length === 0) {
      setNotice(t('lead.export.empty'));
      return;
    }
    // The policy's added checks after the paper ledger's columns, one per check of the day.
    const rows = shown.map((v) => [...cells(ledgerRow(v)), ...checkColumns.cells(v)]);
    const allHeaders = [...headers, ...checkColumns.headers];
    if (
      !(await recorded({
        type: 'lead.exported',
        data: { what: 'ledger', format, day, rows: rows.length },
      }))
    )
      return;
    const name = `${t('lead.export.file')}-${day}`;
    if (format === 'csv') {
      download(`${name}.csv`, ledgerCsv(rows, allHeaders), 'text/csv;charset=utf-8');
    } else {
      // The day's chain heads go with the ledger (its own sheet): a copy can be checked
      // against the server. The CSV stays one table; the printed report has them too.
      const chain = chainSheet(await dayChainHeads(db, day), t);
      const { ledgerXlsx, staffSheet } = await import('./xlsx-export');
      const staff = await staffSheetOf(db, day, t);
      if (staff && !(await recorded(staff.audit))) return;
      const data = await ledgerXlsx(rows, allHeaders, `${t('lead.export.file')} ${day}`, [
        ...(staff ? [staffSheet(staff.readings, day, staff.words)] : []),
        chain,
      ]);
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
          onChange={(e) => {
            if (!e.target.value) return;
            setDay(e.target.value);
            setRevealed(false); // a full view is asked for, and recorded, day by day
          }}
          className="day-input"
        />
        <Button tone="neutral" onClick={() => exportAs('csv')}>
          <Download aria-hidden /> CSV
        </Button>
        <Button tone="neutral" onClick={() => exportAs('xlsx')}>
          <FileSpreadsheet aria-hidden /> Excel
        </Button>
        <Link href={`/report/${day}`} className="btn btn-neutral btn-large">
          <Printer aria-hidden /> {t('lead.report.open')}
        </Link>
        <Link href="/hall" className="btn btn-neutral btn-large" data-testid="open-hall-plan">
          {t('hall.lead.open')}
        </Link>
        <Button
          tone={revealed ? 'warn' : 'neutral'}
          aria-pressed={revealed}
          onClick={() => toggleReveal()}
        >
          {revealed ? <EyeOff aria-hidden /> : <Eye aria-hidden />}{' '}
          {t(revealed ? 'lead.reveal.hide' : 'lead.reveal.show')}
        </Button>
      </div>
      {revealed && (
        <p role="status" className="notice notice-warn">
          {t('lead.reveal.shown')}
        </p>
      )}
      {notice && (
        <p role="status" className="notice notice-warn">
          {notice}
        </p>
      )}
      <SummaryCards summary={summary} day={day} />
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
        <Button
          bare
          className="toggle"
          aria-pressed={!!filter.abnormalTemperature}
          onClick={() => patch({ abnormalTemperature: !filter.abnormalTemperature })}
        >
          {t('lead.filter.abnormal')}
        </Button>
        <Button
          bare
          className="toggle"
          aria-pressed={!!filter.maskGiven}
          onClick={() => patch({ maskGiven: !filter.maskGiven })}
        >
          {t('lead.filter.maskGiven')}
        </Button>
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
            onSelect={setSelected}
          />
        )}
        <aside className="lead-detail" aria-label={t('lead.detail')}>
          <LeadDetail
            key={chosen?.id ?? 'none'}
            day={day}
            visit={chosen}
            revealed={revealed}
            onClose={() => setSelected(null)}
          />
        </aside>
      </div>
    </section>
  );
}
