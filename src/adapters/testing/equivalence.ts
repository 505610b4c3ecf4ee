/**
 * Shared by the adapter equivalence tests: one workbook built for each adapter from the same
 * sheet specs, and the values they end with, compared sheet by sheet.
 */
import ExcelJS from "exceljs";
import { OfficeJsPort } from "../officejs/port";
import { asExcelContext, FakeRequestContext } from "../officejs/fake/excel";
import { makeBook, type SheetSpec } from "../officejs/fake/book";
import type { WorkbookSnapshot } from "../../core/grid";
import { STATE_SHEET } from "../../core/state";

/** The specs as an ExcelJS workbook (values and merges). */
export function excelJsBook(specs: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of specs) {
    const ws = wb.addWorksheet(spec.name);
    (spec.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

/** The specs in the in-memory Excel, with the Office.js port over it. */
export function officePort(specs: SheetSpec[]): { fake: FakeRequestContext; port: OfficeJsPort } {
  const fake = new FakeRequestContext(makeBook("book.xlsx", specs));
  return { fake, port: new OfficeJsPort(asExcelContext(fake), { supports: (s, v) => fake.supports(s, v) }) };
}

/**
 * Values only, sheet by sheet, trailing empties trimmed; "" is an empty cell (Excel cannot hold
 * an empty string constant). The state sheet is left out: its saved looks are adapter-specific.
 */
export function valuesOf(snap: WorkbookSnapshot): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const s of snap.sheets) {
    if (s.name === STATE_SHEET) continue;
    const rows = s.values.map((r) => {
      const row = r.map((v) => (v === "" ? null : v));
      while (row.length && row[row.length - 1] === null) row.pop();
      return row;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    out[s.name] = rows;
  }
  return out;
}
