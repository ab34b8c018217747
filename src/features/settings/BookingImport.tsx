import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importBookings } from '../../db/queries';
import { parseBookingsFile } from '../../domain/bookings-csv';
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
