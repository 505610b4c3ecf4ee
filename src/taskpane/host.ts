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

export interface StoredSettings {
  mapping?: MappingOverride;
  /** The rulebook document stored in the workbook (unparsed). */
  rulebook?: unknown;
}

export interface PaneHost {
  kind: "excel" | "port";
  check(options: RunOptions): Promise<RunOutcome>;
  clear(): Promise<ApplyStats>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<StoredSettings>;
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
    clear: () => clearWorkbook(port()),
    select: async (sheet, cell) => {
      await port().select?.(sheet, cell);
    },
    loadSettings: async () => {
      const p = getPort();
      if (!p) return {};
      const docs = readState(await p.readSnapshot());
      return { mapping: docs.mapping, rulebook: docs.rulebook };
    },
  };
}
