/**
 * The workbook snapshot: plain data, as Excel gives it, that the pure domain reads.
 * Both adapters (Office.js and ExcelJS) produce exactly this shape.
 */

/** An Excel error value such as #N/A, #REF!, #VALUE!, #DIV/0!. */
export interface CellError {
  error: string;
}

/**
 * One cell's value as Excel gives it. Dates are Excel serial numbers (the cell's number
 * format, in `SheetSnapshot.formats`, says it is a date). A formula cell holds its result.
 */
export type CellValue = string | number | boolean | null | CellError;

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export interface SheetSnapshot {
  name: string;
  /** Rows × columns starting at A1, up to the used range (ragged rows allowed; missing = null). */
  values: CellValue[][];
  /** Merged areas as A1 ranges, e.g. "A3:A7". */
  merges: string[];
  /** Non-General number formats, keyed by A1 address ("0%", "yyyy-mm-dd", "@"). */
  formats: Record<string, string>;
  visibility?: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookSnapshot {
  /** File name or workbook title, for the report. */
  name: string;
  sheets: SheetSnapshot[];
}

export function getSheet(book: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return book.sheets.find((s) => s.name === name);
}

/** Value at 0-based row/column, null outside the grid. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function sheetSize(sheet: SheetSnapshot): { rows: number; cols: number } {
  let cols = 0;
  const rows = sheet.values;
  // Indexed, not for…of: this runs over every row before the code is optimised, and an
  // unoptimised for…of makes an iterator result per row.
  for (let i = 0; i < rows.length; i++) if (rows[i].length > cols) cols = rows[i].length;
  return { rows: sheet.values.length, cols };
}
