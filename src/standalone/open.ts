/**
 * The standalone page's one seam to a workbook adapter: bytes in, a WorkbookPort that can save
 * itself back to bytes out. Runs inside the engine worker (and under jest in Node). The adapter
 * is the byte-level package adapter `jixiao check` writes through (src/adapters/xlsx): the
 * checked copy is the user's own package with our changes, every other part byte for byte
 * (an .xlsm keeps its macros).
 */
import type { WorkbookPort } from "../core/port";
import type { WorkbookSnapshot } from "../core/grid";
import type { ApplyStats, CellLookRequest, CellLooks, WritePlan } from "../core/plan";
import { openXlsx, type XlsxPort } from "../adapters/xlsx/port";
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

class PackagePort implements SavablePort {
  readonly keepsMacros = true;
  private snapshot: Promise<WorkbookSnapshot> | null = null;
  constructor(private readonly port: XlsxPort) {}

  readSnapshot(): Promise<WorkbookSnapshot> {
    // Read once per run; the pipeline asks again after our own peek at the state.
    this.snapshot ??= this.port.readSnapshot();
    return this.snapshot;
  }

  readLooks(requests: CellLookRequest[]): Promise<CellLooks> {
    return this.port.readLooks(requests);
  }

  applyPlan(plan: WritePlan): Promise<ApplyStats> {
    this.snapshot = null;
    return this.port.applyPlan(plan);
  }

  async save(): Promise<Uint8Array> {
    return this.port.save();
  }
}

export async function openWorkbook(bytes: Uint8Array, name: string): Promise<SavablePort> {
  try {
    const port = new PackagePort(openXlsx(bytes, name));
    await port.readSnapshot();
    return port;
  } catch (e) {
    throw new UnreadableWorkbookError(name, (e as Error).message ?? String(e));
  }
}

/** A new workbook made from a plan (the round's consolidated and feedback workbooks), as `jixiao check` makes it. */
export function createWorkbook(plan: WritePlan): Promise<Uint8Array> {
  return planToXlsx(plan);
}
