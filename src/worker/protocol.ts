/**
 * What the task pane and its engine worker say to each other. Office.js cannot run in a
 * worker, so a run is split: the pane reads the snapshot through its port and hands it over
 * (sheet by sheet, rows in bounded batches, so that no single message blocks the pane); the
 * worker analyses it and answers with what the pane shows and which cells' looks it must read;
 * the pane reads them; the worker builds the write plan; the pane applies it.
 */
import type { CellValue, SheetSnapshot } from "../core/grid";
import type { CellLookRequest, CellLooks, WritePlan } from "../core/plan";
import type { MappingOverride } from "../core/state";
import type { FileReport } from "../engine/report";
import type { Rulebook } from "../rulebook/schema";
import type { Finding } from "../rules/types";

/** The run options that cross to the worker (plain data: no callbacks). */
export interface WorkerRunOptions {
  rulebook?: Rulebook;
  asOf?: string | null;
  mapping?: MappingOverride;
  now?: Date;
}

/** Stage names as the engine reports them (zh-CN); the pane translates them. */
export type ProgressCallback = (stage: string, fraction: number) => void;

export interface AnalysisResult {
  /** The report without per-indicator detail (the pane shows projects and findings). */
  report: FileReport;
  findings: Finding[];
  /** Cells whose fill and note must be read before the plan can be built. */
  looks: CellLookRequest[];
  /** No project sheet at all: nothing must be written. */
  noProjectSheet: boolean;
  asOf: string | null;
  preset: string;
  rulebookVersion: string;
}

export interface EngineApi {
  /** Start a new workbook (forgets the previous one). */
  begin(name: string): void;
  /** A sheet without its values, then its rows in batches. */
  addSheet(sheet: Omit<SheetSnapshot, "values">): void;
  addRows(rows: CellValue[][]): void;
  analyse(options: WorkerRunOptions, onProgress: ProgressCallback): AnalysisResult;
  /** The write plan of the last analysis, given the looks the pane read. */
  plan(looks: CellLooks): WritePlan;
}
