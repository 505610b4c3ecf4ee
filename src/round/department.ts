/**
 * Department names as departments write them: 「县卫健委」 and 「县卫生健康委员会」 are the same
 * 主管部门. `sameDepartmentSpelling` says whether two different spellings are probably one
 * department (X003, a hint): after folding full-width forms and the long forms of the usual
 * endings (委员会 → 委, 办公室 → 办, …), the shorter is an abbreviation of the longer — its
 * characters appear in the longer one in order, with the same first and last character — and
 * it is not simply the longer one's parent (「县教育局」 vs 「县教育局机关」 are two units).
 */
import { keyText } from "./fingerprint";

const ENDINGS: [RegExp, string][] = [
  [/委员会$/, "委"],
  [/办公室$/, "办"],
  [/协会$/, "协"],
  [/联合会$/, "联"],
  [/管理局$/, "局"],
];

/** The folded form compared by X003. */
export function departmentKey(name: string): string {
  let s = keyText(name).replace(/[()（）【】[\]「」《》·・,，、.。\-—_]/g, "");
  for (const [re, to] of ENDINGS) s = s.replace(re, to);
  return s;
}

function isSubsequence(short: string, long: string): boolean {
  const a = [...short];
  let i = 0;
  for (const ch of long) if (i < a.length && ch === a[i]) i++;
  return i === a.length;
}

/** Two spellings of one department (not equal as written, but the same after folding or as abbreviation and full name). */
export function sameDepartmentSpelling(x: string, y: string): boolean {
  const kx = keyText(x);
  const ky = keyText(y);
  if (!kx || !ky || kx === ky) return false;
  const a = departmentKey(x);
  const b = departmentKey(y);
  if (a === b) return true;
  const [short, long] = [...a].length <= [...b].length ? [a, b] : [b, a];
  const s = [...short];
  const l = [...long];
  if (s.length < 2 || s.length === l.length) return false;
  if (long.startsWith(short)) return false; // a parent and its sub-unit
  if (s[0] !== l[0] || s[s.length - 1] !== l[l.length - 1]) return false;
  // The abbreviation keeps at least a third of the full name (「县局」 is no abbreviation of anything).
  if (s.length * 3 < l.length) return false;
  return isSubsequence(short, long);
}
