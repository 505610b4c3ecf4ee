/**
 * The Excel host: every engine call runs inside Excel.run with the Office.js port.
 * Used by the task pane and the ribbon commands.
 */
import { OfficeJsPort } from "../adapters/officejs/port";
import { readState, STATE_SHEET, type StateDocs } from "../core/state";
import type { CellValue, WorkbookSnapshot } from "../core/grid";
import { acceptedStatePlan, readAccepted } from "../round";
import { checkWorkbook, clearWorkbook } from "../engine/pipeline";
import { readLastRun } from "../core/last-run";
import type { PaneHost } from "./host";

/** Select a cell (activating its sheet) so the user sees what a finding points at. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** The state documents (mapping corrections, stored rulebook) without reading the whole book. */
export async function loadStateDocs(): Promise<StateDocs> {
  return readState(await loadStateSheet());
}

/** The state sheet alone, as a snapshot (no sheet: none). */
export async function loadStateSheet(): Promise<WorkbookSnapshot> {
  return Excel.run(async (context) => {
    const none: WorkbookSnapshot = { name: "", sheets: [] };
    const ws = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    await context.sync();
    if (ws.isNullObject) return none;
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    if (used.isNullObject) return { name: "", sheets: [{ name: STATE_SHEET, values: [], merges: [], formats: {}, visibility: "veryHidden" }] };
    const values: CellValue[][] = [];
    used.values.forEach((row: unknown[], i: number) => {
      values[used.rowIndex + i] = [...new Array<CellValue>(used.columnIndex).fill(null), ...row.map((v) => (v === "" ? null : (v as CellValue)))];
    });
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    return { name: "", sheets: [{ name: STATE_SHEET, values, merges: [], formats: {}, visibility: "veryHidden" }] };
  });
}

export function excelHost(): PaneHost {
  return {
    kind: "excel",
    check: (options) => Excel.run((context) => checkWorkbook(new OfficeJsPort(context), options)),
    withPort: (fn) => Excel.run((context) => fn(new OfficeJsPort(context))),
    clear: () => Excel.run((context) => clearWorkbook(new OfficeJsPort(context))),
    select: selectCell,
    loadSettings: async () => {
      const docs = await loadStateDocs();
      return { mapping: docs.mapping, rulebook: docs.rulebook, lastRun: readLastRun(docs as Record<string, unknown>), accepted: readAccepted(docs) };
    },
    saveAccepted: async (list) => {
      const state = await loadStateSheet();
      await Excel.run((context) => new OfficeJsPort(context).applyPlan({ actions: acceptedStatePlan(state, list) }));
    },
    stateSheet: loadStateSheet,
    firstCells: (names) =>
      Excel.run(async (context) => {
        const sheets = names.map((n) => ({ n, ws: context.workbook.worksheets.getItemOrNullObject(n) }));
        await context.sync();
        const live = sheets.filter((c) => !c.ws.isNullObject).map((c) => ({ n: c.n, a1: c.ws.getRange("A1").load("values") }));
        await context.sync();
        const out: Record<string, unknown> = {};
        for (const c of live) out[c.n] = c.a1.values[0]?.[0] ?? null;
        return out;
      }),
    sheetNames: () =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return sheets.items.map((w) => w.name);
      }),
  };
}
