/**
 * The standalone page's one seam to a workbook adapter: bytes in, a WorkbookPort that can save
 * itself back to bytes out. Runs inside the engine worker (and under jest in Node).
 *
 * Backed by the ExcelJS adapter until the byte-level headless adapter (src/adapters/xlsx) lands;
 * the page build resolves `exceljs` to ExcelJS's own browser bundle.
 */
import ExcelJS from "exceljs";
import type { WorkbookPort } from "../core/port";
import type { WorkbookSnapshot } from "../core/grid";
import type { ApplyStats, CellLookRequest, CellLooks, WritePlan } from "../core/plan";
import { snapshotFromExcelJS } from "../adapters/exceljs/read";
import { applyPlanToWorkbook, readLooksFromWorkbook } from "../adapters/exceljs/apply";
import { planToXlsx } from "../round/workbook";

export interface SavablePort extends WorkbookPort {
  /** The workbook as it is now (after any plan applied), as .xlsx bytes. */
  save(): Promise<Uint8Array>;
  /** Whether `save` keeps an .xlsm's macros (if not, the copy is an .xlsx and must be named so). */
  readonly keepsMacros: boolean;
}

/** Thrown when the bytes are not a workbook the adapter can read. */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot read ${file}: ${reason}`);
    this.name = "UnreadableWorkbookError";
  }
}

class ExcelJSBytesPort implements SavablePort {
  /** ExcelJS drops the VBA project and writes an .xlsx package. */
  readonly keepsMacros = false;
  private snapshot: Promise<WorkbookSnapshot> | null = null;
  constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly name: string,
  ) {}

  readSnapshot(): Promise<WorkbookSnapshot> {
    // A snapshot is read once per run; the pipeline asks again after our own peek at the state.
    this.snapshot ??= snapshotFromExcelJS(this.workbook, this.name);
    return this.snapshot;
  }

  async readLooks(requests: CellLookRequest[]): Promise<CellLooks> {
    return readLooksFromWorkbook(this.workbook, requests);
  }

  async applyPlan(plan: WritePlan): Promise<ApplyStats> {
    this.snapshot = null;
    return applyPlanToWorkbook(this.workbook, plan);
  }

  async save(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}

export async function openWorkbook(bytes: Uint8Array, name: string): Promise<SavablePort> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS wants an ArrayBuffer-like of exactly the file.
    const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    await wb.xlsx.load(copy as ArrayBuffer);
  } catch (e) {
    throw new UnreadableWorkbookError(name, (e as Error).message ?? String(e));
  }
  return new ExcelJSBytesPort(wb, name);
}

/** A new workbook made from a plan (the round's consolidated and feedback workbooks). */
export function createWorkbook(plan: WritePlan): Promise<Uint8Array> {
  return planToXlsx(plan);
}
