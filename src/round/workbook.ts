/**
 * A write plan → a new .xlsx file (the consolidated workbook, the feedback workbooks). The one
 * place the round meets a workbook writer: today ExcelJS through the headless adapter's
 * applier. Not re-exported from src/round/index.ts, so that importing the round's pure
 * functions (the pane, the page) does not pull in a writer.
 */
import ExcelJS from "exceljs";
import type { WritePlan } from "../core/plan";
import { applyPlanToWorkbook } from "../adapters/exceljs/apply";

export async function planToXlsx(plan: WritePlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效助手 Jixiao";
  applyPlanToWorkbook(wb, plan);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
