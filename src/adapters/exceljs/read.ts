/**
 * ExcelJS → WorkbookSnapshot: the headless side of `WorkbookPort.readSnapshot`.
 * Produces exactly what the Office.js adapter produces: values from A1 to the used range
 * (formula cells hold their cached result, dates are Excel serial numbers, merged non-master
 * cells are null as Excel reports them), merges as A1 ranges, non-General number formats.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../core/grid";
import { installFastMergeLoading } from "./merges";
import { snapshotFromExcelJS } from "./snapshot";

installFastMergeLoading();

export { dateToSerial, toCellValue, snapshotFromExcelJS } from "./snapshot";

export async function readXlsxFile(path: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const base = path.split(/[\\/]/).pop() ?? path;
  return snapshotFromExcelJS(wb, base);
}
