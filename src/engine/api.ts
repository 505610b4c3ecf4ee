/**
 * The engine's public surface, used by the task pane, the ribbon command and the CLI alike.
 * Implementation: ./pipeline.ts.
 */
import type { WorkbookPort } from "../core/port";
import type { ApplyStats, WritePlan } from "../core/plan";
import type { MappingOverride } from "../core/state";
import type { Rulebook } from "../rulebook/schema";
import type { Finding } from "../rules/types";
import type { ModelBook } from "../model/model";
import type { ProjectResult } from "./results";
import type { FileReport } from "./report";
import type { Notice } from "./notices";
import type { Timings } from "./timings";

export interface RunOptions {
  /** Default: the rulebook stored in the workbook, else the default preset. */
  rulebook?: Rulebook;
  /** Monitoring date (ISO yyyy-mm-dd); forces monitoring mode. */
  asOf?: string | null;
  /** Column-mapping corrections (saved in the workbook by the task pane). */
  mapping?: MappingOverride;
  /** Clock for "today" and the run record (tests pass a fixed one). */
  now?: Date;
  /** Write results back (default true). */
  write?: boolean;
  /** Progress callback for the UI: stage name in zh-CN. */
  onProgress?: (stage: string, fraction: number) => void;
  /** Time per stage (read, model, rules D/T/E/M, scoring, report, plan, write) is added here when given. */
  timings?: Timings;
  /**
   * Awaited between the stages of the analysis (where there is no worker: the ribbon command, in
   * Office's own runtime, yields with setTimeout 0 so that no task blocks it for long). Results do
   * not depend on it.
   */
  pause?: () => Promise<void>;
}

export interface RunOutcome {
  model: ModelBook;
  results: Map<string, ProjectResult>;
  findings: Finding[];
  report: FileReport;
  /** The monitoring date in force (null outside 运行监控). */
  asOf: string | null;
  plan: WritePlan | null;
  stats: ApplyStats | null;
  /**
   * Said once to the user, zh-CN and English: what the state sheet named that no longer verifies
   * (left alone), an invalid stored rulebook. Also in 运行记录 and the JSON report.
   */
  notices: Notice[];
  /** The rulebook the run used: given, stored in the workbook, or the default preset. */
  rulebookUsed: { rulebook: Rulebook; source: "option" | "workbook" | "preset" };
}

/** What 「清除标记」 did, and what it left alone (state that no longer verifies), to show the user. */
export interface ClearOutcome extends ApplyStats {
  /** The add-in's notes this host could not remove (no notes API), remembered for later. */
  notesKept: number;
  notices: Notice[];
}

export type CheckWorkbook = (port: WorkbookPort, options?: RunOptions) => Promise<RunOutcome>;
export type ClearWorkbook = (port: WorkbookPort) => Promise<ClearOutcome>;
