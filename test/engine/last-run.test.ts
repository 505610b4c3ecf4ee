/** The last-run summary the pane shows on reopening: stored with the run, bounded, gone with 清除标记. */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";
import { readState } from "../../src/core/state";
import { LastRunSchema, MAX_CHARS, readLastRun } from "../../src/core/last-run";
import { lastRunSummary } from "../../src/engine/last-run";
import type { Finding } from "../../src/rules/types";
import type { FileReport } from "../../src/engine/report";

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("项目表");
  p.addRow(["项目编码", "项目名称", "主管部门", "全年预算数", "全年执行数", "年度总体目标"]);
  p.addRow(["P001", "农村公路养护", "县交通运输局", 100, 95, "进一步提升"]);
  const i = wb.addWorksheet("指标表");
  i.addRow(["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]);
  i.addRow(["P001", "产出指标", "数量指标", "养护里程", "≥300公里", "80公里"]);
  i.addRow(["P404", "产出指标", "数量指标", "桥梁", "≥3座", "3座"]);
  i.addRow(["P404", "产出指标", "质量指标", "合格率", "≥95%", "96%"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a run stores its summary and findings; 清除标记 removes them; a later run without one makes it stale", async () => {
  const port = await ExcelJSPort.fromBuffer(await workbook(), "县.xlsx");
  const out = await checkWorkbook(port, { now: new Date("2025-01-05T08:00:00Z") });
  const docs = readState(await port.readSnapshot()) as Record<string, unknown>;
  const last = readLastRun(docs);
  expect(last).not.toBeNull();
  expect(last?.runAt).toBe("2025-01-05T08:00:00.000Z");
  expect(last?.preset).toBe("central-2020");
  expect(last?.findings).toHaveLength(out.findings.length);
  expect(last?.counts.error).toBe(out.findings.filter((f) => f.severity === "error").length);
  expect(last?.units[0]).toEqual(["P001", "农村公路养护", "县交通运输局", "项目表", 2]);
  // the two rows naming P404 share one cause
  const d002 = last?.findings.filter((f) => f[0] === "D002") ?? [];
  expect(d002).toHaveLength(2);
  expect(new Set(d002.map((f) => f[9])).size).toBe(1);

  // stale when the recorded run is another one
  expect(readLastRun({ ...docs, run: { ...(docs.run as object), runAt: "2025-02-01T00:00:00.000Z" } })).toBeNull();
  // damaged: ignored, never a crash
  expect(readLastRun({ ...docs, lastRun: { v: 1, findings: "x" } })).toBeNull();

  await clearWorkbook(port);
  expect(readState(await port.readSnapshot())).not.toHaveProperty("lastRun");
});

test("the summary of 20,000 findings stays within its bound and says how many it left out, errors kept first", () => {
  const report: FileReport = { file: "大.xlsx", layout: "list", modes: ["目标审核"], unit: "万元", detected: [], projects: [], findings: [] };
  const findings: Finding[] = Array.from({ length: 20_000 }, (_, i) => ({
    rule: i % 10 === 0 ? "T001" : "T014",
    severity: i % 10 === 0 ? "error" : "warning",
    sheet: "指标表",
    cell: `F${i + 2}`,
    project: `P${i % 2000}`,
    projectName: `项目${i % 2000}`,
    message: `第 ${i + 2} 行的指标「某某指标${i}」的指标值「有效提升」是模糊表述，无法考核。`,
    hint: "改为可衡量的数值或明确的完成标准。",
    messageEn: `Row ${i + 2}: the target of indicator ${i} is vague and cannot be assessed.`,
    hintEn: "Use a measurable value or a clear standard.",
  }));
  const s = lastRunSummary({ report, findings, preset: "central-2020", rulebookVersion: "1", runAt: new Date(0), asOf: null });
  expect(LastRunSchema.safeParse(s).success).toBe(true);
  expect(JSON.stringify(s.findings).length).toBeLessThanOrEqual(MAX_CHARS + 2);
  expect(s.omitted).toBeGreaterThan(0);
  expect(s.findings.length + s.omitted).toBe(20_000);
  expect(s.counts).toEqual({ error: 2000, warning: 18000, info: 0 });
  // all 2,000 errors are kept before any warning
  expect(s.findings.slice(0, 2000).every((f) => f[1] === 0)).toBe(true);
});
