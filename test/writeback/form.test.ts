/**
 * Form layout (one 自评表 per sheet): the results block beside the form — project results on
 * the project's row, indicator results beside the indicator grid, sharing the block's columns.
 * The pipeline does not route forms yet, so this drives readForms → evaluate → plan directly.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { snapshotFromExcelJS } from "../../src/adapters/exceljs/read";
import { applyPlanToWorkbook, readLooksFromWorkbook } from "../../src/adapters/exceljs/apply";
import { readForms } from "../../src/read/form";
import { getPreset } from "../../src/rulebook/load";
import { evaluate } from "../../src/scoring/evaluate";
import { buildClearPlan, buildWritePlan, highlightRequests } from "../../src/writeplan";
import type { Finding } from "../../src/rules/types";
import { userView } from "../../src/engine/pipeline";
import { readState } from "../../src/core/state";
import { dumpWorkbook, roundTrip } from "./fixture";

const FILE = join(__dirname, "..", "fixtures", "forms", "central-2024.xlsx");
const SHEET = "项目支出绩效自评表";

async function run(wb: ExcelJS.Workbook, findings: Finding[] = []): Promise<ExcelJS.Workbook> {
  const copy = await roundTrip(wb);
  const snapshot = await snapshotFromExcelJS(copy, "central-2024.xlsx");
  const rb = getPreset();
  // As the pipeline does: the model is read from the user's cells only (the previous block blanked).
  const model = readForms(userView(snapshot, readState(snapshot)), rb);
  if (!model) throw new Error("form not read");
  const { plan } = buildWritePlan({
    snapshot, model, results: evaluate(model, rb, null), findings,
    report: { file: "central-2024.xlsx", layout: "form", modes: model.modes, unit: model.unit, detected: [], projects: [], findings: [] },
    preset: rb.preset, rulebookVersion: rb.version, runAt: new Date("2025-03-01T08:00:00Z"),
    looks: readLooksFromWorkbook(copy, highlightRequests(findings)),
  });
  applyPlanToWorkbook(copy, plan);
  return roundTrip(copy);
}

test("results beside the form; running twice is running once; clearing gives the form back", async () => {
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(FILE);
  const before = dumpWorkbook(await roundTrip(original));
  const finding: Finding = { rule: "T014", severity: "warning", sheet: SHEET, cell: "E18", project: null, projectName: null, message: "满意度目标偏低。", hint: "设为 ≥85%。", messageEn: "", hintEn: "" };
  const once = await run(original, [finding]);
  const ws = once.getWorksheet(SHEET) as ExcelJS.Worksheet;
  expect(ws.getCell("J1").value).toBe("绩效助手结果");
  expect(ws.getCell("J2").value).toBe("执行率");
  expect(ws.getCell("J3").value).toBeCloseTo(0.9, 6); // on the project's own row
  expect(ws.getCell("J12").value).toBe("计算得分"); // above the indicator grid
  expect(ws.getCell("K12").value).toBe("问题");
  expect(ws.getCell("J13").value).toBe(20);
  expect(ws.getCell("K18").value).toBe("满意度目标偏低。");
  expect(String(ws.getCell("E18").note)).toContain("【T014 警告】");
  const dumpOnce = dumpWorkbook(once);
  expect(dumpWorkbook(await run(once, [finding]))).toEqual(dumpOnce);
  const cleared = await roundTrip(once);
  applyPlanToWorkbook(cleared, buildClearPlan(await snapshotFromExcelJS(cleared, "c.xlsx")));
  expect(dumpWorkbook(await roundTrip(cleared))).toEqual(before);
});
