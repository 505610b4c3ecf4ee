/**
 * The one port both adapters implement. The domain sees only this.
 */
import type { WorkbookSnapshot } from "./grid";
import type { ApplyStats, CellLookRequest, CellLooks, WritePlan } from "./plan";

export interface WorkbookPort {
  /** Read every sheet's used range (values, merges, number formats). Office.js: one sync per batch of sheets, never per cell. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Current fill and note of the given cells, so that highlighting can be undone exactly. */
  readLooks(requests: CellLookRequest[]): Promise<CellLooks>;
  /** Apply a plan in as few round trips as possible. */
  applyPlan(plan: WritePlan): Promise<ApplyStats>;
}
