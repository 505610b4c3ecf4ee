/** The pane's run: stages, 取消 before writing leaves the workbook alone, a failed worker falls back in-line. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../adapters/exceljs/port";
import type { WorkbookPort } from "../core/port";
import { CancelledError, runCheck, type WithPort } from "./run";
import { WorkerFailedError, type EngineWorker } from "../worker/client";
import { createEngine } from "../worker/engine";

// spawn.js is for webpack only (import.meta): never loaded here.
jest.mock("../worker/spawn", () => ({ spawnEngineWorker: () => { throw new Error("no worker in node"); } }));

async function port(): Promise<ExcelJSPort> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数", "年度总体目标"]);
  p.addRow(["P1", "农村公路养护", "县交通运输局", 100, 95, "进一步提升"]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
  i.addRow(["P1", "产出指标", "数量指标", "养护里程", "有效提升", "80公里"]);
  return ExcelJSPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "县.xlsx");
}

function counting(p: WorkbookPort): { withPort: WithPort; applied: () => number } {
  let applied = 0;
  const wrapped: WorkbookPort = { readSnapshot: () => p.readSnapshot(), readLooks: (r) => p.readLooks(r), applyPlan: (plan) => (applied++, p.applyPlan(plan)) };
  return { withPort: (fn) => fn(wrapped), applied: () => applied };
}

/** The in-line engine behind the worker's interface, with `hook` before each analysis. */
function engineWith(hook: () => Promise<void>, failed?: Promise<never>): () => EngineWorker {
  return () => {
    const e = createEngine();
    const api = {
      begin: async (n: string) => e.begin(n),
      addSheet: async (s: Parameters<typeof e.addSheet>[0]) => e.addSheet(s),
      addRows: async (r: Parameters<typeof e.addRows>[0]) => e.addRows(r),
      analyse: async (o: Parameters<typeof e.analyse>[0], cb: Parameters<typeof e.analyse>[1]) => (await hook(), e.analyse(o, cb)),
      plan: async (l: Parameters<typeof e.plan>[0]) => e.plan(l),
    };
    return { api: api as unknown as EngineWorker["api"], terminate: () => undefined, ...(failed ? { failed } : {}) };
  };
}

const now = new Date("2025-01-05T08:00:00Z");

test("a run reports each stage and writes", async () => {
  const p = await port();
  const { withPort, applied } = counting(p);
  const stages: string[] = [];
  const out = await runCheck(withPort, { now }, { onProgress: (s) => stages.push(s), signal: new AbortController().signal, engine: engineWith(async () => undefined) });
  expect(stages).toEqual(["读取工作簿", "识别表格", "检查规则", "评分", "写回结果", "写回结果", "完成"]);
  expect(out.written).toBe(true);
  expect(applied()).toBe(1);
  expect(out.analysis.findings.some((f) => f.rule === "T002" || f.rule === "T001")).toBe(true);
});

test("取消 during the analysis: nothing is written", async () => {
  const p = await port();
  const before = JSON.stringify(await p.readSnapshot());
  const { withPort, applied } = counting(p);
  const ctl = new AbortController();
  // the analysis never ends by itself: only 取消 stops it
  const run = runCheck(withPort, { now }, { onProgress: () => undefined, signal: ctl.signal, engine: engineWith(() => new Promise<void>(() => undefined)) });
  setTimeout(() => ctl.abort(), 20);
  await expect(run).rejects.toBeInstanceOf(CancelledError);
  expect(applied()).toBe(0);
  expect(JSON.stringify(await p.readSnapshot())).toBe(before);
});

test("a worker that fails to load: the check runs in-line instead", async () => {
  const p = await port();
  const { withPort, applied } = counting(p);
  const failed = Promise.reject(new WorkerFailedError("blocked"));
  failed.catch(() => undefined);
  const out = await runCheck(withPort, { now }, { onProgress: () => undefined, signal: new AbortController().signal, engine: engineWith(() => new Promise<void>(() => undefined), failed) });
  expect(out.written).toBe(true);
  expect(applied()).toBe(1);
});

test("a write that fails keeps the findings and the reason", async () => {
  const p = await port();
  const refusing: WithPort = (fn) => fn({ readSnapshot: () => p.readSnapshot(), readLooks: (r) => p.readLooks(r), applyPlan: async () => Promise.reject(Object.assign(new Error("the sheet '指标表' is protected"), { code: "AccessDenied" })) });
  const out = await runCheck(refusing, { now }, { onProgress: () => undefined, signal: new AbortController().signal, engine: engineWith(async () => undefined) });
  expect(out.written).toBe(false);
  expect(String((out.writeError as Error).message)).toContain("指标表");
  expect(out.analysis.findings.length).toBeGreaterThan(0);
});
