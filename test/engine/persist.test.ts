/** Choices made in one run (a rulebook, a column correction) travel with the workbook to the next. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";
import { readState } from "../../src/core/state";
import { getPreset } from "../../src/rulebook/load";

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数", "情况说明"]);
  p.addRow(["P001", "农村公路养护", "县交通运输局", 100, 95, "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。"]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
  i.addRow(["P001", "产出指标", "数量指标", "养护里程", "≥300公里", "80公里"]);
  i.addRow(["P001", "效益指标", "社会效益指标", "群众出行条件改善", "达成年度指标", "达成年度指标"]);
  i.addRow(["P001", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a rulebook and a column correction given once are remembered in the workbook", async () => {
  const port = await ExcelJSPort.fromBuffer(await workbook(), "p.xlsx");
  const five = getPreset("five-grade");
  const first = await checkWorkbook(port, { rulebook: five, mapping: { 项目表: { goal: "F" } }, now: new Date("2025-01-05T00:00:00Z") });
  expect(first.model.projects[0].goal).toContain("农村公路日常养护");

  const stored = readState(await port.readSnapshot());
  expect(stored.mapping).toEqual({ 项目表: { goal: "F" } });

  const second = await checkWorkbook(port, { now: new Date("2025-01-06T00:00:00Z") });
  expect(second.model.projects[0].goal).toContain("农村公路日常养护");
  expect(second.report.findings.some((f) => f.rule === "T001")).toBe(false);
  // 9.5 + 50 × 80/300 + 30 + 10 = 62.83: 中 under central-2020, 低 under five-grade.
  expect(second.report.projects[0].totalScore).toBe(62.83);
  expect(second.report.projects[0].grade).toBe("低");
  expect(readState(await port.readSnapshot()).rulebook).toMatchObject({ preset: "five-grade" });

  // 清除标记 removes the run but keeps what the user chose.
  await clearWorkbook(port);
  const after = readState(await port.readSnapshot());
  expect(after.run).toBeUndefined();
  expect(after.mapping).toEqual({ 项目表: { goal: "F" } });
});

test("an empty mapping forgets the corrections; the default rulebook leaves nothing behind after 清除标记", async () => {
  const port = await ExcelJSPort.fromBuffer(await workbook(), "q.xlsx");
  await checkWorkbook(port, { rulebook: getPreset("sichuan-2023"), mapping: { 项目表: { goal: "F" } } });
  expect(readState(await port.readSnapshot()).mapping).toBeDefined();
  await checkWorkbook(port, { rulebook: getPreset(), mapping: {} });
  const docs = readState(await port.readSnapshot());
  expect(docs.mapping).toBeUndefined();
  expect(docs.rulebook).toBeUndefined();
  await clearWorkbook(port);
  const names = (await port.readSnapshot()).sheets.map((s) => s.name);
  expect(names).toEqual(["项目表", "指标表"]);
});
