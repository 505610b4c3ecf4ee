/**
 * A check from the task pane: the workbook is read and written on the pane's thread (through
 * the host's port: Office.js cannot run in a worker), everything else runs in the engine
 * worker, so that the pane never blocks. Stages are reported as they really happen
 * (读取工作簿 → 识别表格 → 检查规则 → 评分 → 写回结果); 取消 terminates the worker and, as
 * long as writing has not begun, leaves the workbook exactly as it was.
 */
import type { CellValue, WorkbookSnapshot } from "../core/grid";
import type { ApplyStats } from "../core/plan";
import type { WorkbookPort } from "../core/port";
import { createEngine } from "../worker/engine";
import { createEngineWorker, progressProxy, WorkerFailedError, type EngineWorker } from "../worker/client";
import type { AnalysisResult, EngineApi, WorkerRunOptions } from "../worker/protocol";
import { maxOf } from "../core/collections";

/** Cells per message to the worker: each message is cloned on the pane's thread, so keep it small. */
const CELLS_PER_MESSAGE = 20_000;

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export interface PaneRunOutcome {
  analysis: AnalysisResult;
  /** Written to the workbook (false: no project sheet, or the write failed). */
  written: boolean;
  stats: ApplyStats | null;
  /** Writing failed: the reason; the findings are still shown. */
  writeError: unknown;
}

export interface RunControls {
  onProgress(stage: string, fraction: number): void;
  signal: AbortSignal;
  /** Writing has begun: 取消 can no longer stop it. */
  onWriting?(): void;
  /** How to get an engine (tests, the standalone page); default: the worker, else in-line. */
  engine?: () => EngineWorker;
}

/** Run `fn` with a port onto the workbook (Excel: inside one Excel.run). */
export type WithPort = <T>(fn: (port: WorkbookPort) => Promise<T>) => Promise<T>;

function inlineEngine(): EngineWorker {
  const e = createEngine();
  const api = {
    begin: async (n: string) => e.begin(n),
    addSheet: async (s: Parameters<EngineApi["addSheet"]>[0]) => e.addSheet(s),
    addRows: async (r: CellValue[][]) => e.addRows(r),
    analyse: async (o: WorkerRunOptions, cb: (stage: string, fraction: number) => void) => e.analyse(o, cb),
    plan: async (l: Parameters<EngineApi["plan"]>[0]) => e.plan(l),
  };
  return { api: api as unknown as EngineWorker["api"], terminate: () => undefined };
}

function defaultEngine(): EngineWorker {
  if (typeof Worker === "undefined") return inlineEngine();
  try {
    return createEngineWorker();
  } catch {
    return inlineEngine();
  }
}

/** Hand the snapshot over sheet by sheet, rows in bounded batches. */
async function send(api: EngineWorker["api"], book: WorkbookSnapshot, live: () => void): Promise<void> {
  await api.begin(book.name);
  for (const sheet of book.sheets) {
    live();
    const { values, ...meta } = sheet;
    await api.addSheet(meta);
    const width = maxOf(values.slice(0, 50).map((r) => r.length), 1);
    const step = Math.max(1, Math.floor(CELLS_PER_MESSAGE / width));
    for (let i = 0; i < values.length; i += step) {
      live();
      await api.addRows(values.slice(i, i + step));
    }
  }
}

/**
 * A check. Should the worker fail to load (a host that refuses workers), the same engine runs
 * in-line instead: slower for the pane, but the check is done.
 */
export async function runCheck(withPort: WithPort, options: WorkerRunOptions, c: RunControls): Promise<PaneRunOutcome> {
  try {
    return await runWith(withPort, options, c, c.engine ?? defaultEngine);
  } catch (e) {
    if (!(e instanceof WorkerFailedError)) throw e;
    return runWith(withPort, options, c, inlineEngine);
  }
}

async function runWith(withPort: WithPort, options: WorkerRunOptions, c: RunControls, makeEngine: () => EngineWorker): Promise<PaneRunOutcome> {
  const live = () => {
    if (c.signal.aborted) throw new CancelledError();
  };
  live();
  c.onProgress("读取工作簿", 0.05);
  const snapshot = await withPort((p) => p.readSnapshot());
  live();
  const engine = makeEngine();
  // 取消 stops the worker at once; a pending call then never answers: race it.
  let stop: () => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(new CancelledError());
  });
  stopped.catch(() => undefined);
  const onAbort = () => {
    engine.terminate();
    stop();
  };
  c.signal.addEventListener("abort", onAbort);
  const race = <T>(p: Promise<T>) => Promise.race(engine.failed ? [p, stopped, engine.failed] : [p, stopped]);
  try {
    await race(send(engine.api, snapshot, live));
    live();
    const analysis = await race(engine.api.analyse(options, progressProxy(c.onProgress)));
    live();
    if (analysis.noProjectSheet) {
      c.onProgress("完成", 1);
      return { analysis, written: false, stats: null, writeError: null };
    }
    c.onProgress("写回结果", 0.7);
    const looks = await race(withPort((p) => p.readLooks(analysis.looks)));
    live();
    const plan = await race(engine.api.plan(looks));
    live();
    c.signal.removeEventListener("abort", onAbort);
    engine.terminate();
    c.onWriting?.();
    c.onProgress("写回结果", 0.85);
    try {
      const stats = await withPort((p) => p.applyPlan(plan));
      c.onProgress("完成", 1);
      return { analysis, written: true, stats, writeError: null };
    } catch (e) {
      return { analysis, written: false, stats: null, writeError: e };
    }
  } finally {
    c.signal.removeEventListener("abort", onAbort);
    engine.terminate();
  }
}
