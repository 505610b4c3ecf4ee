/**
 * Two columns whose own headers name one field (全年预算数 twice): the reader never picks the
 * first silently. The field is treated as missing, and D012 names both columns, until the
 * user says which one with a column correction (the task pane's 更正列, saved in the workbook).
 */
import { colToLetters, toA1 } from "../core/address";
import type { Anomaly } from "../model/model";
import { COMBINED_INDICATOR_NAME_KEY, type HeaderCandidate, type Role } from "./detect";
import type { MergedGrid } from "./grid";

export function settleAmbiguous(
  sheet: string,
  role: Role,
  header: HeaderCandidate,
  grid: MergedGrid,
  columns: Map<string, number>,
  override: Record<string, string | null> | undefined,
): Anomaly[] {
  const out: Anomaly[] = [];
  const clashes: [string, string, number[]][] = [];
  if (role !== "indicators") for (const [f, cols] of header.clashes?.project ?? []) clashes.push([f, f, cols]);
  if (role !== "projects") {
    for (const [f, cols] of header.clashes?.indicator ?? []) {
      if (role === "combined" && (f === "projectCode" || f === "projectName")) continue;
      clashes.push([f, role === "combined" && f === "name" ? COMBINED_INDICATOR_NAME_KEY : f, cols]);
    }
  }
  for (const [field, key, cols] of clashes) {
    // The user already said which column it is.
    if (override && (field in override || key in override)) continue;
    if (columns.get(key) !== cols[0]) continue;
    columns.delete(key);
    out.push({
      kind: "ambiguous",
      sheet,
      cell: toA1(header.row, cols[0]),
      field,
      columns: cols.map(colToLetters),
      headers: cols.map((c) => grid.text(header.row, c)),
    });
  }
  return out;
}
