import { fromA1 } from "../core/address";
import type { Finding } from "../rules/types";

const SEV = { error: 0, warning: 1, info: 2 } as const;

function pos(cell: string): [number, number] {
  try {
    const p = fromA1(cell);
    return [p.row, p.col];
  } catch {
    return [0, 0];
  }
}

/** Findings in reading order: sheets as the workbook orders them, then row, column, severity and rule. */
export function findingOrder(sheetOrder: string[]): (a: Finding, b: Finding) => number {
  const index = new Map(sheetOrder.map((s, i) => [s, i]));
  const at = (s: string) => index.get(s) ?? sheetOrder.length;
  return (a, b) => {
    if (a.sheet !== b.sheet) return at(a.sheet) - at(b.sheet) || (a.sheet < b.sheet ? -1 : 1);
    const [ar, ac] = pos(a.cell);
    const [br, bc] = pos(b.cell);
    return ar - br || ac - bc || SEV[a.severity] - SEV[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
  };
}
