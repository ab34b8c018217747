import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookingCounts, importBookings } from '../../db/queries';
import { parseBookingsFile } from '../../domain/bookings-csv';
import { bookingWindow } from '../../protocol/api';
import { useServices } from '../../services/services';

type Report =
  | { imported: number; rejected: { line: number; problems: string[] }[] }
  | { encoding: string };

/** Imports the day's bookings from a CSV file; bad rows are listed, good ones kept. */
export function BookingImport() {
  const { t } = useTranslation();
  const { db, now } = useServices();
  const [report, setReport] = useState<Report | null>(null);

  const onFile = async (file: File) => {
    // Bytes: Chinese Excel and WPS save GBK or UTF-16 (domain/text-encoding.ts).
    const parsed = parseBookingsFile(new Uint8Array(await file.arrayBuffer()), now());
    if (!parsed.ok) return setReport({ encoding: parsed.encoding });
    const { bookings, rejected } = parsed;
    await importBookings(db, bookings);
    setReport({
      imported: bookings.length,
      rejected: rejected.map((r) => ({
        line: r.line,
        problems: r.problems.map((p) => t(`settings.problems.${p}`)),
      })),
    });
  };

  return (
    <div className="booking-import">
      <label className="field">
        <span>{t('settings.bookings')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onFile(file);
          }}
        />
      </label>
      <p className="hint">{t('settings.bookingsHelp')}</p>
      <HeldBookings />
      {report && 'encoding' in report && (
        <p className="field-error" role="alert">
          {t('settings.encodingRefused', { encoding: report.encoding })}
        </p>
      )}
      {report && 'imported' in report && (
        <div role="status">
          <p>{t('settings.imported', { count: report.imported })}</p>
          <ul>
            {report.rejected.map((r) => (
              <li key={r.line} className="field-error">
                {t('settings.rejected', { line: r.line, problems: r.problems.join('、') })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * The bookings this tablet holds for today and the week ahead (what it can work with
 * offline): the lead sees at a glance that tomorrow's list arrived.
 */
function HeldBookings() {
  const { t } = useTranslation();
  const { db, now } = useServices();
  // Today onwards: the window's first day (yesterday) is only a margin for clocks.
  const days = bookingWindow(now()).slice(1);
  const counts = useLiveQuery(() => bookingCounts(db, days), [db, days.join()]);
  if (!counts) return null;
  return (
    <div className="held-bookings" data-testid="held-bookings">
      <span>{t('settings.held.title')}</span>
      <ul>
        {counts.map(({ day, count }, i) => (
          <li key={day} className={count === 0 ? 'none' : undefined}>
            <span>{i === 0 ? t('settings.held.today') : day.slice(5).replace('-', '/')}</span>
            <strong>{count}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
