/**
 * Options marked in sub-columns (财预〔2019〕136号 监控表): 完成目标可能性 over 确定能 | 有可能 |
 * 完全不可能 and 偏差原因 over 经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 其他, each row
 * marking one (or, for the reason, several) with 「√」 or writing a text in it. Shared by the
 * form reader and the list reader: one value, as if the sheet had a single column.
 */
import type { CellValue } from "../core/grid";
import { cellText } from "./grid";
import { squeezeText } from "./header";

export type ChoiceField = "possibility" | "reason";
export const CHOICE_FIELDS: ChoiceField[] = ["possibility", "reason"];

/** A sub-column heading (squeezed) at a 0-based column. */
export interface ChoiceColumn {
  col: number;
  label: string;
}

function blankish(v: CellValue): boolean {
  if (v === null || v === false || v === 0) return true;
  return typeof v === "string" && (v.trim() === "" || /^[\s\-—–－/／\\、…·.]+$/.test(v));
}

/** A sub-column left unmarked: empty, a dash, 「×」「否」「无」 or 0. */
export function unmarked(v: CellValue): boolean {
  if (blankish(v)) return true;
  return typeof v === "string" && /^[×✗✘xX否无]$/.test(squeezeText(v));
}

/** A tick (「√」「✓」「☑」「是」「v」, 1, TRUE): the column's heading is the answer. */
export function tick(v: CellValue): boolean {
  if (v === 1 || v === true) return true;
  return typeof v === "string" && /^[√✓✔☑vV是●■▲★*＊]$/.test(squeezeText(v));
}

/**
 * The value read from one row's marks (`marked`: the sub-columns that are marked, with their
 * cell values, left to right): 完成目标可能性 is the heading of the marked option; 偏差原因 the
 * headings of the marked kinds with any text written in them (「经费保障：资金未到位」; a text
 * under 其他 / 原因说明 alone). "" when nothing is marked.
 */
export function composeChoice(field: ChoiceField, marked: { label: string; value: CellValue }[]): string {
  const parts = marked.map(({ label, value }) => {
    if (field === "possibility" || tick(value)) return label;
    const text = cellText(value);
    return /^(其他|其它|原因说明|具体原因|说明)$/.test(label) ? text : `${label}：${text}`;
  });
  return parts.join(field === "possibility" ? "、" : "；");
}
