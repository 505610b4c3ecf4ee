/** Operators (指标性质 / 运算符): symbols and Chinese words, full or half width. */
import type { Operator } from "./types";
import { compactText } from "./text";

/** Operator words and symbols, as they may lead a value (「不低于90%」「≥50个」). Longest first when matching. */
const LEADING: Array<[string, Operator]> = [
  [">=", "≥"],
  ["=>", "≥"],
  ["≥=", "≥"],
  ["<=", "≤"],
  ["=<", "≤"],
  ["≤=", "≤"],
  ["==", "="],
  ["≥", "≥"],
  ["≤", "≤"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  ["大于或等于", "≥"],
  ["大于等于", "≥"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["不短于", "≥"],
  ["至少", "≥"],
  ["最少", "≥"],
  ["最低", "≥"],
  ["达到", "≥"],
  ["小于或等于", "≤"],
  ["小于等于", "≤"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不超出", "≤"],
  ["不大于", "≤"],
  ["不多于", "≤"],
  ["不长于", "≤"],
  ["不迟于", "≤"],
  ["至多", "≤"],
  ["最多", "≤"],
  ["最高", "≤"],
  ["大于", ">"],
  ["高于", ">"],
  ["多于", ">"],
  ["超过", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["等于", "="],
].sort((a, b) => b[0].length - a[0].length) as Array<[string, Operator]>;

/** Words that follow a value (「95%以上」「50万元以内」). */
const TRAILING: Array<[string, Operator]> = [
  ["及以上", "≥"],
  ["或以上", "≥"],
  ["以上", "≥"],
  ["及以内", "≤"],
  ["以内", "≤"],
  ["之内", "≤"],
  ["内", "≤"],
  ["及以下", "≤"],
  ["或以下", "≤"],
  ["以下", "≤"],
];

const EXACT = new Map<string, Operator>([...LEADING, ...TRAILING]);

/** 「≥」「>=」「大于等于」「不低于」「≤」「不高于」「＝」「定性」… → Operator, or "qualitative", or null when unrecognised/empty. */
export function parseOperator(text: string): Operator | "qualitative" | null {
  if (typeof text !== "string") return null;
  const t = compactText(text);
  if (t === "") return null;
  if (t === "定性" || t === "定性指标") return "qualitative";
  // An operator cell written as the indicator's direction (财预〔2021〕101号: 正向指标 / 反向指标).
  if (t === "正向" || t === "正向指标") return "≥";
  if (t === "反向" || t === "反向指标") return "≤";
  return EXACT.get(t) ?? null;
}

/** The operator leading `t` (already compact) and the rest, or null operator when none. */
export function splitLeadingOperator(t: string): { operator: Operator | null; rest: string } {
  // Only the words that begin with t's first character, in LEADING's order (longest first).
  const words = LEADING_BY_FIRST.get(t.charAt(0));
  if (words) for (const [w, op] of words) if (t.startsWith(w)) return { operator: op, rest: t.slice(w.length) };
  return { operator: null, rest: t };
}

/** A word list grouped by one character of each word (first or last), each group in the list's order. */
function byChar(list: Array<[string, Operator]>, at: (w: string) => string): Map<string, Array<[string, Operator]>> {
  const m = new Map<string, Array<[string, Operator]>>();
  for (const e of list) {
    const k = at(e[0]);
    const g = m.get(k);
    if (g) g.push(e);
    else m.set(k, [e]);
  }
  return m;
}
const LEADING_BY_FIRST = byChar(LEADING, (w) => w.charAt(0));
const TRAILING_BY_LAST = byChar(TRAILING, (w) => w.charAt(w.length - 1));

/** The operator word trailing `t` (already compact) and what precedes it. */
export function splitTrailingOperator(t: string): { operator: Operator | null; rest: string } {
  const words = TRAILING_BY_LAST.get(t.charAt(t.length - 1));
  if (words) for (const [w, op] of words) if (t.endsWith(w)) return { operator: op, rest: t.slice(0, -w.length) };
  return { operator: null, rest: t };
}

/** The word lists, for the tests. */
export const OPERATOR_WORDS = { leading: LEADING, trailing: TRAILING } as const;
