/** Numbers written in cells: number cells, and text such as 「1,234.5」「１２」「约50」「50万」「85%」. */
import type { CellValue } from "../core/grid";
import type { NumberResult, Operator } from "./types";
import { compactText } from "./text";
import { canonicalUnit, times100, type UnitTable } from "./units";
import { splitLeadingOperator, splitTrailingOperator } from "./operator";

const APPROX_LEAD = /^(?:大约|约为|约合|约|大概|接近|近)/;
const APPROX_TRAIL = /(?:左右|上下)$/;
const NUMBER_RE = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(.*)$/;
const CHINESE_NUMERAL_RE = /^[约大概近]*[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+/;
/** A unit is words (Han or Latin), %, ‰ or a ratio such as 元/人; never a date word or another number. */
const UNIT_RE = /^[\p{Script=Han}A-Za-z%‰²³㎡㎞㎏℃°/·]+$/u;
const NOT_UNIT_RE = /[前后底以之至到约]|完成|达到|达成|提高|提升|增长|增加|下降|降低|减少|覆盖|合格|达标|及时|准确|满意|左右|且|或/;

export interface NumberParts {
  operator: Operator | null;
  value: number;
  unit: string | null;
  approx: boolean;
}

export type PartsResult = ({ ok: true } & NumberParts) | { ok: false; reason: string };

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/**
 * Operator + number + unit from compact text (「≥50个」「95%以上」「约50人」「50万元以内」).
 * `allowOperator` false: an operator makes the text unreadable as a plain number.
 */
export function parseNumberParts(text: string, units: UnitTable | undefined, allowOperator: boolean): PartsResult {
  // 「≥95%（含）」: the 含 note only repeats what ≥ says.
  let t = compactText(text).replace(/\((?:含|含本数|包含)\)$/, "");
  if (t === "") return fail("空白");
  let approx = false;
  t = t.replace(/^控制在/, "");
  const lead = splitLeadingOperator(t);
  if (lead.operator && !allowOperator) return fail("带有比较符号，不是单纯的数字");
  t = lead.rest.replace(/^控制在/, "");
  if (APPROX_LEAD.test(t)) {
    approx = true;
    t = t.replace(APPROX_LEAD, "");
  }
  const m = NUMBER_RE.exec(t);
  if (!m) {
    if (CHINESE_NUMERAL_RE.test(t)) return fail("数字用汉字书写");
    return fail("不是数字");
  }
  const digits = m[2].replace(/,/g, "");
  let value = Number(m[1] + digits);
  if (!Number.isFinite(value)) return fail("数字超出范围");
  if (Object.is(value, -0)) value = 0;
  let rest = m[3];
  if (APPROX_TRAIL.test(rest)) {
    approx = true;
    rest = rest.replace(APPROX_TRAIL, "");
  }
  const trail = splitTrailingOperator(rest);
  if (trail.operator && !allowOperator) return fail("带有比较符号，不是单纯的数字");
  rest = trail.rest;
  if (APPROX_TRAIL.test(rest)) {
    approx = true;
    rest = rest.replace(APPROX_TRAIL, "");
  }
  let unit: string | null = null;
  if (rest !== "") {
    unit = canonicalUnit(rest, units);
    if (unit === null || !UNIT_RE.test(unit) || NOT_UNIT_RE.test(unit) || unit.length > 8) return fail("数字后有无法识别的文字");
  }
  return { ok: true, operator: lead.operator ?? trail.operator, value, unit, approx };
}

/** A number from a cell: number cells as they are; text 「1,234.5」「１２」「约50」「50万」「85%」. `percentFormat`: the cell is formatted as %, so 0.85 means 85 (%). */
export function parseNumber(cell: CellValue, opts?: { percentFormat?: boolean; units?: UnitTable }): NumberResult {
  if (cell === null || cell === undefined) return fail("空白");
  if (typeof cell === "boolean") return fail("是逻辑值，不是数字");
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail("不是有效数字");
    if (opts?.percentFormat) {
      const v = times100(cell);
      return Number.isFinite(v) ? { ok: true, value: v, unit: "%", approx: false } : fail("不是有效数字");
    }
    return { ok: true, value: Object.is(cell, -0) ? 0 : cell, unit: null, approx: false };
  }
  if (typeof cell === "object") {
    const e = (cell as { error?: unknown }).error;
    return fail(`单元格错误 ${typeof e === "string" ? e : ""}`.trim());
  }
  if (typeof cell !== "string") return fail("不是数字");
  const r = parseNumberParts(cell, opts?.units, false);
  if (!r.ok) return r;
  return { ok: true, value: r.value, unit: r.unit, approx: r.approx };
}
