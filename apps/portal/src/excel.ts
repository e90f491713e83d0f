// A list exported as an Excel workbook (.xlsx) with exceljs, loaded only when someone exports.

/** One sheet: the header row as the reader reads it, then the rows, each cell a text or a number. */
export interface Sheet {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/** The workbook's bytes: a frozen, bold header row and columns wide enough for their text. */
export async function workbookOf(sheet: Sheet): Promise<ArrayBuffer> {
  const excel = await import('exceljs');
  // the browser build is a UMD bundle: its exports arrive as the module's default
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  const book = new Workbook();
  const ws = book.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  ws.columns.forEach((column, i) => {
    const longest = Math.max(...[sheet.header[i], ...sheet.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands the browser a file to save, named `<name>.xlsx`. */
export async function downloadWorkbook(sheet: Sheet, fileName: string): Promise<void> {
  const blob = new Blob([await workbookOf(sheet)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `${fileName}.xlsx` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
