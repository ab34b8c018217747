/**
 * The ledger as an Excel workbook. exceljs is large, so it is loaded only when a lead
 * asks for the export (a separate chunk, never in the door's start-up).
 */
export async function ledgerXlsx(
  rows: readonly string[][],
  headers: readonly string[],
  sheetName: string,
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...headers]).font = { bold: true };
  // Plain strings are stored as text (shared strings), never as formulas, whatever a
  // cell starts with: exceljs writes a formula only when given { formula }.
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => {
    column.width = 14;
  });
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
