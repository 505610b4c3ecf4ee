/**
 * Where a sheet's tables end. A long run of empty rows ends the data: whatever lies further
 * down (a stray value typed into A1000000) is not read as table data but reported once per
 * sheet (D010), and nothing after the table is ever materialised (rows, result blocks).
 * Hooked in once before reading (engine analyse), for the list and the form reader alike.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { toA1 } from "../core/address";
import type { Anomaly } from "../model/model";
import { cellText } from "./grid";

/** This many empty rows in a row end a table. */
export const TABLE_GAP_ROWS = 100;
/** This many empty columns side by side end a table to the right (a cell in XFD3 is not a column of it). */
export const TABLE_GAP_COLS = 50;

function empty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function rowEmpty(line: CellValue[] | undefined): boolean {
  if (!line) return true;
  for (let c = 0; c < line.length; c++) if (!empty(line[c])) return false;
  return true;
}

/** The last row (0-based) of the sheet's data before the first long run of empty rows, or null when there is none. */
export function tableEnd(sheet: SheetSnapshot, gap = TABLE_GAP_ROWS): number | null {
  let last = -1;
  for (let r = 0; r < sheet.values.length; r++) {
    if (rowEmpty(sheet.values[r])) continue;
    if (last >= 0 && r - last - 1 >= gap) return last;
    last = r;
  }
  return null;
}

function shown(v: CellValue): string {
  if (typeof v === "object" && v !== null) return v.error;
  return cellText(v);
}

/** The last used column (0-based) before the first run of `gap` empty columns, or null when there is none. */
export function columnEnd(values: CellValue[][], gap = TABLE_GAP_COLS): number | null {
  let width = 0;
  for (let r = 0; r < values.length; r++) if (values[r] && values[r].length > width) width = values[r].length;
  // Which columns hold anything, as flags (as wide as the widest row: bounded by the data).
  const used = new Uint8Array(width);
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    if (line) for (let c = 0; c < line.length; c++) if (used[c] === 0 && !empty(line[c])) used[c] = 1;
  }
  let prev = -1;
  for (let c = 0; c < width; c++) {
    if (used[c] === 0) continue;
    if (prev >= 0 && c - prev - 1 >= gap) return prev;
    prev = c;
  }
  return null;
}

/** The sheet cut at its table's end (below and to the right), and the first cell found beyond it. */
export function cutSheet(sheet: SheetSnapshot, gap = TABLE_GAP_ROWS, colGap = TABLE_GAP_COLS): { sheet: SheetSnapshot; stray: Anomaly | null } {
  const end = tableEnd(sheet, gap);
  let values = end === null ? sheet.values : sheet.values.slice(0, end + 1);
  let first: { row: number; col: number; v: CellValue } | null = null;
  let count = 0;
  const seen = (r: number, c: number, v: CellValue) => {
    count++;
    if (!first || r < first.row || (r === first.row && c < first.col)) first = { row: r, col: c, v };
  };
  if (end !== null) {
    for (let r = end + 1; r < sheet.values.length; r++) {
      const line = sheet.values[r];
      if (line) for (let c = 0; c < line.length; c++) if (!empty(line[c])) seen(r, c, line[c]);
    }
  }
  const right = columnEnd(values, colGap);
  if (right !== null) {
    values = values.map((line, r) => {
      if (!line || line.length <= right + 1) return line;
      for (let c = right + 1; c < line.length; c++) if (!empty(line[c])) seen(r, c, line[c]);
      return line.slice(0, right + 1);
    });
  }
  if (values === sheet.values) return { sheet, stray: null };
  const cut: SheetSnapshot = { ...sheet, values };
  const f = first as { row: number; col: number; v: CellValue } | null;
  if (!f) return { sheet: cut, stray: null };
  const below = end !== null && f.row > end;
  return {
    sheet: cut,
    stray: { kind: "stray", sheet: sheet.name, cell: toA1(f.row, f.col), row: f.row + 1, raw: shown(f.v), end: below ? end + 1 : values.length, more: count - 1, ...(below ? {} : { endCol: toA1(0, right ?? 0).replace(/\d+$/, "") }) },
  };
}

/** Every sheet cut at its table's end; the strays found, one per sheet. */
export function withinTables(book: WorkbookSnapshot, gap = TABLE_GAP_ROWS): { book: WorkbookSnapshot; strays: Anomaly[] } {
  const strays: Anomaly[] = [];
  let changed = false;
  const sheets = book.sheets.map((s) => {
    const { sheet, stray } = cutSheet(s, gap);
    if (sheet !== s) changed = true;
    if (stray) strays.push(stray);
    return sheet;
  });
  return { book: changed ? { ...book, sheets } : book, strays };
}
