import type { TFunction } from 'i18next';
import type { CheckpointDb } from '../../../db/database';
import { dayRecords } from '../../../db/queries';
import { foldStaff } from '../../../domain/staff-health';
import { formatCelsius } from '../../../domain/temperature';
import { clockTime, dayKey } from '../../../domain/time';

export interface StaffSheetData {
  readings: { name: string; post: string; slot: string; time: string; celsius: string }[];
  words: { name: string; headers: string[] };
  audit: {
    type: 'lead.exported';
    data: { what: 'staff'; format: 'xlsx'; day: string; rows: number };
  };
}

/**
 * The staff sheet of the day's workbook, and the record of exporting it (it names staff:
 * the lead's record of personal data shows it). Null when nobody was measured that day.
 */
export async function staffSheetOf(
  db: CheckpointDb,
  day: string,
  t: TFunction,
): Promise<StaffSheetData | null> {
  const records = await dayRecords(db, day);
  const posts = new Map(foldStaff(records).map((m) => [m.staff, m.post ?? '']));
  const readings = records
    .flatMap((e) => (e.type === 'staff.measured' && dayKey(e.at) === day ? [e] : []))
    .sort((a, b) => a.at - b.at)
    .map((e) => ({
      name: e.data.name,
      post: posts.get(e.data.staff) ?? '',
      slot: e.data.slot,
      time: clockTime(e.at),
      celsius: formatCelsius(e.data.celsius),
    }));
  if (readings.length === 0) return null;
  const w = (k: 'day' | 'person' | 'post' | 'slot' | 'time' | 'celsius') => t(`hall.sheet.${k}`);
  return {
    readings,
    words: {
      name: t('hall.sheet.name'),
      headers: [w('day'), w('person'), w('post'), w('slot'), w('time'), w('celsius')],
    },
    audit: {
      type: 'lead.exported',
      data: { what: 'staff', format: 'xlsx', day, rows: readings.length },
    },
  };
}
