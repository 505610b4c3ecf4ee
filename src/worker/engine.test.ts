/** The split run (snapshot in batches → analyse → looks → plan) gives what the in-line pipeline gives. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../adapters/exceljs/port";
import { analyse, writePlanFor } from "../engine/pipeline";
import { buildFileReport } from "../engine/build-report";
import { createEngine } from "./engine";

async function port(): Promise<ExcelJSPort> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数", "年度总体目标"]);
  for (let i = 1; i <= 30; i++) p.addRow([`P${i}`, `项目${i}`, i % 2 ? "县教育局" : "县水利局", 100, 60 + i, i % 3 ? `完成第${i}项任务` : "进一步提升"]);
  const ind = wb.addWorksheet("指标表");
  ind.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
  for (let i = 1; i <= 30; i++) ind.addRow([`P${i}`, "产出指标", "数量指标", "任务数", i % 4 ? "≥10" : "有效提升", 9]);
  return ExcelJSPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "县.xlsx");
}

test("the worker's engine, fed in small batches, plans exactly what the pipeline plans", async () => {
  const p = await port();
  const snapshot = await p.readSnapshot();
  const now = new Date("2025-01-05T08:00:00Z");
  const e = createEngine();
  e.begin(snapshot.name);
  for (const { values, ...meta } of snapshot.sheets) {
    e.addSheet(meta);
    for (let i = 0; i < values.length; i += 7) e.addRows(values.slice(i, i + 7));
  }
  const stages: string[] = [];
  const out = e.analyse({ now }, (stage) => stages.push(stage));
  expect(stages).toEqual(["识别表格", "检查规则", "评分"]);
  const a = analyse(snapshot, { now });
  expect(out.findings).toEqual(a.findings);
  expect(out.report.projects.map((x) => x.grade)).toEqual(buildFileReport(snapshot.name, a).projects.map((x) => x.grade));
  expect(out.noProjectSheet).toBe(false);
  const looks = await p.readLooks(out.looks);
  expect(e.plan(looks)).toEqual(writePlanFor(snapshot, a, buildFileReport(snapshot.name, a), looks, { now }));
});
