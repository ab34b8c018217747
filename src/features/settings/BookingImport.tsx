import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importBookings } from '../../db/queries';
import { parseBookingsCsv } from '../../domain/bookings-csv';
import { useServices } from '../../services/services';

type Report = { imported: number; rejected: { line: number; problems: string[] }[] };

/** Imports the day's bookings from a CSV file; bad rows are listed, good ones kept. */
export function BookingImport() {
  const { t } = useTranslation();
  const { db, now } = useServices();
  const [report, setReport] = useState<Report | null>(null);

  const onFile = async (file: File) => {
    const { bookings, rejected } = parseBookingsCsv(await file.text(), now());
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
      {report && (
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
