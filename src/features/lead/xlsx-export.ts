/**
 * The ledger as an Excel workbook. exceljs is large, so it is loaded only when a lead
 * asks for the export (a separate chunk, never in the door's start-up).
 */
export async function ledgerXlsx(
  rows: readonly string[][],
  headers: readonly string[],
  sheetName: string,
  more: readonly Sheet[] = [],
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const s of [{ name: sheetName, headers, rows }, ...more]) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow([...s.headers]).font = { bold: true };
    // Plain strings are stored as text (shared strings), never as formulas, whatever a
    // cell starts with: exceljs writes a formula only when given { formula }.
    for (const row of s.rows) sheet.addRow([...row]);
    sheet.columns.forEach((column) => {
      column.width = 14;
    });
  }
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

export interface Sheet {
  name: string;
  headers: readonly string[];
  rows: readonly string[][];
}

/** The day's staff temperatures (issue 15): one row per reading, with the person's post. */
export function staffSheet(
  readings: readonly { name: string; post: string; slot: string; time: string; celsius: string }[],
  day: string,
  words: { name: string; headers: readonly string[] },
): Sheet {
  return {
    name: words.name,
    headers: words.headers,
    rows: readings.map((r) => [day, r.name, r.post, r.slot, r.time, r.celsius]),
  };
}
