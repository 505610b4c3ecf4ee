/**
 * A write plan → a new .xlsx file (the consolidated workbook, the feedback workbooks). The one
 * place the round meets a workbook writer: today ExcelJS through the headless adapter's
 * applier, loaded only when called (the pane and the page pull it in only if they write).
 */
import type { WritePlan } from "../core/plan";

export async function planToXlsx(plan: WritePlan): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const { applyPlanToWorkbook } = await import("../adapters/exceljs/apply");
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效助手 Jixiao";
  applyPlanToWorkbook(wb, plan);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
