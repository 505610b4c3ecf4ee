/**
 * The last check before a plan leaves the domain: no non-finite number is written into a cell
 * (it becomes empty), and no text is longer than Excel's 32,767 characters a cell (it is cut,
 * ending in 「…」). Whatever went wrong upstream, the workbook never gets `Infinity`, `NaN` or a
 * cell Excel would refuse.
 */
import type { PlanAction, PlanValue, WritePlan } from "../core/plan";

/** Excel's limit on the characters of one cell (values and notes). */
export const CELL_TEXT_MAX = 32767;

function text(s: string): string {
  return s.length > CELL_TEXT_MAX ? s.slice(0, CELL_TEXT_MAX - 1) + "…" : s;
}

export function safeValue(v: PlanValue): PlanValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return text(v);
  return v;
}

/** Block values already checked (a block is guarded when its signature is made, then in the plan). */
const checked = new WeakSet<PlanAction>();

export function safeAction(a: PlanAction): PlanAction {
  if (checked.has(a)) return a;
  switch (a.kind) {
    case "setValues": {
      // Copied only when something must change (a block is tens of thousands of cells).
      const rows = a.values;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        for (let j = 0; j < row.length; j++) {
          const v = row[j];
          // safeValue(v) !== v, without a call a cell.
          if (typeof v === "number" ? !Number.isFinite(v) : typeof v === "string" && v.length > CELL_TEXT_MAX) {
            const safe: PlanAction = { ...a, values: rows.map((line) => line.map(safeValue)) };
            checked.add(safe);
            return safe;
          }
        }
      }
      checked.add(a);
      return a;
    }
    case "setNote":
      return a.text.length > CELL_TEXT_MAX ? { ...a, text: text(a.text) } : a;
    case "setLink":
      return a.text.length > CELL_TEXT_MAX ? { ...a, text: text(a.text) } : a;
    default:
      return a;
  }
}

export function guardPlan(plan: WritePlan): WritePlan {
  return { ...plan, actions: plan.actions.map(safeAction) };
}
