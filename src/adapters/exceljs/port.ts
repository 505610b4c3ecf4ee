/** The headless WorkbookPort: an ExcelJS workbook in memory, opened from and saved to .xlsx. */
import ExcelJS from "exceljs";
import * as path from "path";
import type { WorkbookPort } from "../../core/port";
import type { WorkbookSnapshot } from "../../core/grid";
import type { ApplyStats, CellLookRequest, CellLooks, WritePlan } from "../../core/plan";
import { snapshotFromExcelJS } from "./read";
import { applyPlanToWorkbook, readLooksFromWorkbook } from "./apply";

export class ExcelJSPort implements WorkbookPort {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    /** File name shown in the report. */
    readonly name = "workbook.xlsx",
  ) {}

  static async open(file: string): Promise<ExcelJSPort> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return new ExcelJSPort(wb, path.basename(file));
  }

  static async fromBuffer(buffer: ArrayBuffer | Buffer, name = "workbook.xlsx"): Promise<ExcelJSPort> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as ArrayBuffer);
    return new ExcelJSPort(wb, name);
  }

  async save(file: string): Promise<void> {
    await this.workbook.xlsx.writeFile(file);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotFromExcelJS(this.workbook, this.name);
  }

  async readLooks(requests: CellLookRequest[]): Promise<CellLooks> {
    return readLooksFromWorkbook(this.workbook, requests);
  }

  async applyPlan(plan: WritePlan): Promise<ApplyStats> {
    return applyPlanToWorkbook(this.workbook, plan);
  }
}
