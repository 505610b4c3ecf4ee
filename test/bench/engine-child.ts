/**
 * One size of `npm run bench`, in its own process (bundled by esbuild like the CLI, run with
 * --expose-gc): reads the workbook into a snapshot, measures the bytes per indicator of the
 * snapshot and of the model, then runs the engine (snapshot → model → rules → scores → report
 * → plan) several times, timing each stage in process CPU time. Prints one `BENCH {json}` line.
 */
import { readXlsxFile } from "../../src/adapters/exceljs/read";
import type { WorkbookSnapshot } from "../../src/core/grid";
import type { WorkbookPort } from "../../src/core/port";
import { checkWorkbook } from "../../src/engine/pipeline";
import { Timings } from "../../src/engine/timings";
import { readListModel } from "../../src/read";
import { getPreset } from "../../src/rulebook/load";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

export interface ChildResult {
  indicators: number;
  projects: number;
  findings: number;
  readMs: number;
  snapshotBytesPerIndicator: number;
  modelBytesPerIndicator: number;
  /** Per run, stage → CPU ms. */
  runs: Record<string, number>[];
}

function portOf(snapshot: WorkbookSnapshot): WorkbookPort {
  return {
    readSnapshot: async () => snapshot,
    readLooks: async () => ({}),
    applyPlan: async (plan) => ({ syncs: 0, payloadBytes: 0, actions: plan.actions.length }),
  };
}

async function main(file: string, runs: number): Promise<ChildResult> {
  const h0 = heap();
  let t = cpuMs();
  const snapshot = await readXlsxFile(file);
  const readMs = cpuMs() - t;
  const h1 = heap();
  const model = readListModel(snapshot, getPreset());
  const h2 = heap();
  const indicators = model.projects.reduce((n, p) => n + p.indicators.length, 0);
  const projects = model.projects.length;
  (globalThis as { keep?: unknown }).keep = model;
  const out: ChildResult = {
    indicators,
    projects,
    findings: 0,
    readMs,
    snapshotBytesPerIndicator: (h1 - h0) / indicators,
    modelBytesPerIndicator: (h2 - h1) / indicators,
    runs: [],
  };
  (globalThis as { keep?: unknown }).keep = undefined;
  for (let i = 0; i < runs; i++) {
    gc();
    const tm = new Timings(cpuMs);
    t = cpuMs();
    const o = await checkWorkbook(portOf(snapshot), { now: new Date(Date.UTC(2025, 2, 31)), timings: tm });
    const stages = Object.fromEntries(tm.ms);
    stages.total = cpuMs() - t;
    out.runs.push(stages);
    out.findings = o.findings.length;
  }
  return out;
}

main(process.argv[2], Number(process.argv[3] ?? 5)).then(
  (r) => process.stdout.write("BENCH " + JSON.stringify(r) + "\n"),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
