/** Shared by the hostile-workbook tests: both ports over the same book, state tampering, user-cell views. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { OfficeJsPort } from "../../src/adapters/officejs/port";
import { asExcelContext, FakeRequestContext } from "../../src/adapters/officejs/fake/excel";
import { makeBook, type FakeBookData, type SheetSpec } from "../../src/adapters/officejs/fake/book";
import type { WorkbookPort } from "../../src/core/port";
import type { CellValue, WorkbookSnapshot } from "../../src/core/grid";
import { encodeState, STATE_SHEET, type StateDocs } from "../../src/core/state";
import { indicatorRows, projectRows, USER_FILL, USER_NOTE, type Row } from "../scripts/make-hostile-fixtures";

export const NOW = new Date("2025-01-05T00:00:00Z");

export interface Ports {
  name: string;
  open(projects?: Row[], indicators?: Row[], extra?: SheetSpec[]): Promise<{ port: WorkbookPort; fake?: FakeBookData; wb?: ExcelJS.Workbook }>;
}

function specs(projects: Row[], indicators: Row[], extra: SheetSpec[]): SheetSpec[] {
  return [
    { name: "项目表", rows: projects, notes: { B5: USER_NOTE }, fills: { B6: `#${USER_FILL.slice(2)}` } },
    { name: "指标表", rows: indicators },
    ...extra,
  ];
}

export const EXCELJS: Ports = {
  name: "headless (ExcelJS)",
  async open(projects = projectRows(), indicators = indicatorRows(), extra = []) {
    const wb = new ExcelJS.Workbook();
    for (const s of specs(projects, indicators, extra)) {
      const ws = wb.addWorksheet(s.name);
      if (s.visibility === "VeryHidden") ws.state = "veryHidden";
      (s.rows ?? []).forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
      for (const [a1, n] of Object.entries(s.notes ?? {})) ws.getCell(a1).note = n;
      for (const [a1, f] of Object.entries(s.fills ?? {})) ws.getCell(a1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${(typeof f === "string" ? f : f.color).slice(1)}` } };
    }
    const port = await ExcelJSPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "county.xlsx");
    return { port, wb: port.workbook };
  },
};

export const OFFICEJS: Ports = {
  name: "Office.js fake",
  async open(projects = projectRows(), indicators = indicatorRows(), extra = []) {
    const fake = makeBook("county.xlsx", specs(projects, indicators, extra));
    const ctx = new FakeRequestContext(fake);
    return { port: new OfficeJsPort(asExcelContext(ctx), { supports: (s, v) => ctx.supports(s, v) }), fake };
  },
};

/** The raw state documents (JSON-parsed, not validated). */
export function rawState(snap: WorkbookSnapshot): Record<string, unknown> {
  const s = snap.sheets.find((x) => x.name === STATE_SHEET);
  const out: Record<string, unknown> = {};
  for (const row of s?.values ?? []) if (typeof row[0] === "string") out[row[0]] = JSON.parse(row.slice(1).map((c) => (typeof c === "string" ? c : "")).join(""));
  return out;
}

/** Rewrite the state sheet with hand-edited documents (what a tampering user or a stale copy leaves). */
export async function writeState(port: WorkbookPort, docs: Record<string, unknown>, rows?: CellValue[][]): Promise<void> {
  const snap = await port.readSnapshot();
  const has = snap.sheets.some((s) => s.name === STATE_SHEET);
  await port.applyPlan({
    actions: [
      has ? { kind: "clearRange", sheet: STATE_SHEET, range: "A1:J20" } : { kind: "addSheet", sheet: STATE_SHEET, visibility: "veryHidden" },
      { kind: "setValues", sheet: STATE_SHEET, topLeft: "A1", values: (rows as (string | null)[][] | undefined) ?? encodeState(docs as StateDocs) },
    ],
  });
}

export async function tamper(port: WorkbookPort, edit: (run: Record<string, unknown>, docs: Record<string, unknown>) => void): Promise<void> {
  const docs = rawState(await port.readSnapshot());
  edit(docs.run as Record<string, unknown>, docs);
  await writeState(port, docs);
}

/** The user's cells: 项目表 A1:E{n} and 指标表 A1:F{m} as values. */
export function userCells(snap: WorkbookSnapshot): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const [name, width] of [["项目表", 5], ["指标表", 6]] as const) {
    const s = snap.sheets.find((x) => x.name === name);
    out[name] = (s?.values ?? []).map((r) => Array.from({ length: width }, (_, j) => (r[j] === "" || r[j] === undefined ? null : r[j])));
  }
  return out;
}

/** Notes on the user's column B of 项目表 (B3:B24), by adapter. */
export function notesOnB(target: { fake?: FakeBookData; wb?: ExcelJS.Workbook }): Record<string, string> {
  const out: Record<string, string> = {};
  for (let r = 3; r <= 26; r++) {
    const a1 = `B${r}`;
    if (target.fake) {
      const n = target.fake.sheets.find((s) => s.name === "项目表")?.notes.get(a1);
      if (n) out[a1] = n;
    } else {
      const note = target.wb!.getWorksheet("项目表")!.getCell(a1).note;
      if (note) out[a1] = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
    }
  }
  return out;
}

/** Fill colours on 项目表 B3:B26 ("" none), by adapter. */
export function fillsOnB(target: { fake?: FakeBookData; wb?: ExcelJS.Workbook }): Record<string, string> {
  const out: Record<string, string> = {};
  for (let r = 3; r <= 26; r++) {
    const a1 = `B${r}`;
    if (target.fake) {
      const s = target.fake.sheets.find((x) => x.name === "项目表")!;
      const c = s.cells.get(`${r - 1},1`);
      if (c?.fill) out[a1] = c.fill.toUpperCase();
    } else {
      const f = target.wb!.getWorksheet("项目表")!.getCell(a1).fill as ExcelJS.FillPattern | undefined;
      const argb = f?.fgColor?.argb;
      if (argb) out[a1] = `#${argb.slice(2)}`.toUpperCase();
    }
  }
  return out;
}

export function sheetNames(snap: WorkbookSnapshot): string[] {
  return snap.sheets.map((s) => s.name);
}
