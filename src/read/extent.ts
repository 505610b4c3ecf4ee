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

function empty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function rowEmpty(line: CellValue[] | undefined): boolean {
  if (!line) return true;
  for (const v of line) if (!empty(v)) return false;
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

/** The sheet cut at its table's end, and the cells found beyond it. */
export function cutSheet(sheet: SheetSnapshot, gap = TABLE_GAP_ROWS): { sheet: SheetSnapshot; stray: Anomaly | null } {
  const end = tableEnd(sheet, gap);
  if (end === null) return { sheet, stray: null };
  let first: { row: number; col: number; v: CellValue } | null = null;
  let count = 0;
  for (let r = end + 1; r < sheet.values.length; r++) {
    const line = sheet.values[r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) {
      if (empty(line[c])) continue;
      count++;
      if (!first) first = { row: r, col: c, v: line[c] };
    }
  }
  const cut: SheetSnapshot = { ...sheet, values: sheet.values.slice(0, end + 1) };
  if (!first) return { sheet: cut, stray: null };
  return {
    sheet: cut,
    stray: { kind: "stray", sheet: sheet.name, cell: toA1(first.row, first.col), row: first.row + 1, raw: shown(first.v), end: end + 1, more: count - 1 },
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
