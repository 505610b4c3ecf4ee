/** 审核确认 in a checked workbook (what the pane's 确认 button stores): honoured by headless runs, kept by re-runs and 清除标记. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";
import { buildReport } from "../../src/engine/build-report";
import { getPreset } from "../../src/rulebook/load";
import { readState } from "../../src/core/state";
import { acceptFinding, acceptedStatePlan, readAccepted } from "../../src/round/accepted";

async function book(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "年度总体目标"]);
  p.addRow(["P001", "农村公路养护", "县交通运输局", 100, "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。"]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值"]);
  i.addRow(["P001", "产出指标", "数量指标", "养护里程", "≥300公里"]);
  i.addRow(["P001", "产出指标", "质量指标", "路况优良率", "≥90%"]);
  i.addRow(["P001", "效益指标", "社会效益指标", "群众出行条件改善", "达成年度指标"]);
  i.addRow(["P001", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥70%"]);
  return wb;
}

const reload = async (port: ExcelJSPort) => ExcelJSPort.fromBuffer(await port.toBuffer(), "b.xlsx");

test("accepted in the workbook: counted apart, kept by re-runs, inserted rows and 清除标记, dropped when the value changes", async () => {
  const now = new Date("2025-04-10T09:00:00Z");
  let port = new ExcelJSPort(await book(), "b.xlsx");
  const first = await checkWorkbook(port, { now });
  const t014 = first.report.findings.find((f) => f.rule === "T014")!;
  expect(t014.accepted).toBeNull();
  await port.applyPlan({ actions: acceptedStatePlan(await port.readSnapshot(), acceptFinding([], t014, "山区群众满意度基线较低")) });
  port = await reload(port);

  const second = await checkWorkbook(port, { now });
  expect(second.report.findings.find((f) => f.rule === "T014")?.accepted?.reason).toBe("山区群众满意度基线较低");
  const report = buildReport([second.report], getPreset(), null);
  expect(report.summary.accepted).toBe(1);
  expect(report.summary.findings.warning).toBe(first.report.findings.filter((f) => f.severity === "warning").length - 1);

  // Rows inserted above the indicators, re-run: still accepted.
  port = await reload(port);
  port.workbook.getWorksheet("指标表")!.spliceRows(2, 0, [], []);
  const third = await checkWorkbook(port, { now });
  expect(third.report.findings.find((f) => f.rule === "T014")?.accepted?.reason).toBe("山区群众满意度基线较低");

  // 清除标记 keeps the acceptance (it is the reviewer's, not the run's).
  await clearWorkbook(port);
  port = await reload(port);
  expect(readAccepted(readState(await port.readSnapshot()))).toHaveLength(1);

  // The target changes: the finding is back, not accepted.
  const ws = port.workbook.getWorksheet("指标表")!;
  ws.eachRow((row) => {
    if (row.getCell(4).value === "沿线群众满意度") row.getCell(5).value = "≥75%";
  });
  const fourth = await checkWorkbook(port, { now, write: false });
  expect(fourth.report.findings.find((f) => f.rule === "T014")?.accepted).toBeNull();
});
