/**
 * What the task pane needs from its host, as plain functions (the components receive them as
 * props): the engine run over a workbook port, clearing, selecting a cell, and the settings
 * stored in the workbook. Two hosts: Excel (./excel.ts) and any WorkbookPort (the browser
 * test's in-memory Excel, injected as `window.__jixiaoTestPort`).
 */
import type { ApplyStats } from "../core/plan";
import type { WorkbookPort } from "../core/port";
import { readState, type MappingOverride } from "../core/state";
import type { RunOptions, RunOutcome } from "../engine/api";
import { checkWorkbook, clearWorkbook } from "../engine/pipeline";
import { readLastRun, type LastRun } from "../core/last-run";
import type { WithPort } from "./run";
import { acceptedStatePlan, readAccepted, type Acceptance } from "../round";
import { STATE_SHEET } from "../core/state";
import type { WorkbookSnapshot } from "../core/grid";

export interface StoredSettings {
  mapping?: MappingOverride;
  /** The rulebook document stored in the workbook (unparsed). */
  rulebook?: unknown;
  /** The last run's summary and findings, when the workbook holds them (reopening the pane). */
  lastRun?: LastRun | null;
  /** 审核确认: the acceptances stored in the workbook (src/round/accepted.ts). */
  accepted?: Acceptance[];
}

/** What the pane shows of a run (a host in a worker or a page need not send the rest). */
export type PaneOutcome = Pick<RunOutcome, "report" | "findings" | "stats" | "plan">;

export interface PaneHost {
  kind: "excel" | "port" | "standalone";
  /** The whole run in-line (the ribbon commands). The pane uses `withPort` and the engine worker. */
  check(options: RunOptions): Promise<PaneOutcome>;
  /** Run `fn` with a port onto the workbook. */
  withPort: WithPort;
  /** 清除标记: what was applied, the add-in's notes this host could not remove, and what was left alone. */
  clear(): Promise<ApplyStats & { notesKept?: number; notices?: { message: string; messageEn: string }[] }>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<StoredSettings>;
  /** 审核确认: store the acceptances in the workbook (keeping every other stored key). Absent: the pane offers no 确认. */
  saveAccepted?(list: Acceptance[]): Promise<void>;
  /** The names of the workbook's sheets (the round's sheets take free names). */
  sheetNames?(): Promise<string[]>;
  /** The state sheet alone (no sheet when there is none). */
  stateSheet?(): Promise<WorkbookSnapshot>;
  /** The value in A1 of each named sheet (missing sheets left out). */
  firstCells?(sheets: string[]): Promise<Record<string, unknown>>;
}

/** The state sheet alone (what acceptedStatePlan needs): its rows, or no sheet. */
export function stateOnly(book: WorkbookSnapshot): WorkbookSnapshot {
  return { name: book.name, sheets: book.sheets.filter((s) => s.name === STATE_SHEET) };
}

/** A port the browser test (or a demo page) hands to the pane; `select` is optional. */
export type TestPort = WorkbookPort & { select?(sheet: string, cell: string): Promise<void> };

declare global {
  interface Window {
    __jixiaoTestPort?: TestPort;
  }
}

export class NoHostError extends Error {
  constructor() {
    super("not connected to Excel");
    this.name = "NoHostError";
  }
}

/** A host over any port, looked up when used (so a test can inject it after the page loaded). */
export function portHost(getPort: () => TestPort | undefined): PaneHost {
  const port = (): TestPort => {
    const p = getPort();
    if (!p) throw new NoHostError();
    return p;
  };
  return {
    kind: "port",
    check: (options) => checkWorkbook(port(), options),
    withPort: (fn) => fn(port()),
    clear: () => clearWorkbook(port()),
    select: async (sheet, cell) => {
      await port().select?.(sheet, cell);
    },
    loadSettings: async () => {
      const p = getPort();
      if (!p) return {};
      const docs = readState(await p.readSnapshot());
      return { mapping: docs.mapping, rulebook: docs.rulebook, lastRun: readLastRun(docs as Record<string, unknown>), accepted: readAccepted(docs) };
    },
    saveAccepted: async (list) => {
      const p = port();
      const state = stateOnly(await p.readSnapshot());
      await p.applyPlan({ actions: acceptedStatePlan(state, list) });
    },
    sheetNames: async () => (await port().readSnapshot()).sheets.map((s) => s.name),
    stateSheet: async () => stateOnly(await port().readSnapshot()),
    firstCells: async (names) => {
      const book = await port().readSnapshot();
      const out: Record<string, unknown> = {};
      for (const s of book.sheets) if (names.includes(s.name)) out[s.name] = s.values[0]?.[0] ?? null;
      return out;
    },
  };
}
