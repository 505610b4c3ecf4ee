/**
 * The engine as the worker runs it (plain functions over plain data, testable without a
 * worker): it keeps the snapshot and the last analysis between the pane's calls.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import type { CellLooks, WritePlan } from "../core/plan";
import { analyse, lookRequestsFor, noProjectSheet, writePlanFor, type Analysis } from "../engine/pipeline";
import { buildFileReport } from "../engine/build-report";
import type { FileReport } from "../engine/report";
import type { AnalysisResult, EngineApi, ProgressCallback, WorkerRunOptions } from "./protocol";

export function createEngine(): EngineApi {
  let book: WorkbookSnapshot = { name: "", sheets: [] };
  let last: { analysis: Analysis; report: FileReport; options: WorkerRunOptions } | null = null;
  return {
    begin(name: string) {
      book = { name, sheets: [] };
      last = null;
    },
    addSheet(sheet: Omit<SheetSnapshot, "values">) {
      book.sheets.push({ ...sheet, values: [] });
    },
    addRows(rows: CellValue[][]) {
      const sheet = book.sheets[book.sheets.length - 1];
      if (!sheet) throw new Error("addRows before addSheet");
      for (const r of rows) sheet.values.push(r);
    },
    analyse(options: WorkerRunOptions, onProgress: ProgressCallback): AnalysisResult {
      const a = analyse(book, { ...options, onProgress: (stage, fraction) => void onProgress(stage, fraction) });
      const report = buildFileReport(book.name, a);
      last = { analysis: a, report, options };
      return {
        report: { ...report, projects: report.projects.map((p) => ({ ...p, indicators: [] })) },
        findings: a.findings,
        looks: lookRequestsFor(book, a),
        noProjectSheet: noProjectSheet(a.model),
        asOf: a.asOf,
        preset: a.rulebook.preset,
        rulebookVersion: a.rulebook.version,
      };
    },
    plan(looks: CellLooks): WritePlan {
      if (!last) throw new Error("plan before analyse");
      return writePlanFor(book, last.analysis, last.report, looks, last.options);
    },
  };
}
