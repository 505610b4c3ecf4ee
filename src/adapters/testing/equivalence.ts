/**
 * Shared by the adapter equivalence tests: one workbook built for each adapter from the same
 * sheet specs, and the values they end with, compared sheet by sheet.
 */
import ExcelJS from "exceljs";
import { OfficeJsPort } from "../officejs/port";
import { asExcelContext, FakeRequestContext } from "../officejs/fake/excel";
import { makeBook, type SheetSpec } from "../officejs/fake/book";
import type { WorkbookSnapshot } from "../../core/grid";
import type { WritePlan } from "../../core/plan";
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

/** A small book and a plan touching text that looks like a formula, numbers as text, a link and a clear. */
export const PLAN_SPECS: SheetSpec[] = [{ name: "表", rows: [["a", 1], [null, "b"]] }];
export const SAMPLE_PLAN: WritePlan = {
  actions: [
    { kind: "setValues", sheet: "表", topLeft: "C1", values: [["=SUM(A1)", 2.5, "0012", true], [null, "+1", null, "x"]] },
    { kind: "addSheet", sheet: "结果" },
    { kind: "setValues", sheet: "结果", topLeft: "A1", values: [["序号", "单元格"], [1, null]] },
    { kind: "setLink", sheet: "结果", address: "B2", text: "表!A1", targetSheet: "表", targetAddress: "A1" },
    { kind: "clearRange", sheet: "表", range: "A2:B2" },
  ],
};
