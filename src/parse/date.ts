/** Dates: 时效 values written as text, Excel serial numbers, and number formats. */
import type { Operator } from "./types";
import { compactText } from "./text";

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d?: number): string | null {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) return null;
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  const last = daysInMonth(y, m);
  const day = d === undefined ? last : d;
  if (!Number.isInteger(day) || day < 1 || day > last) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(day)}`;
}

/** Words after a deadline: 「前」「以前」「之前」「为止」 (≤), 「后」「以后」 (≥), 「内」 (≤), and what gets done (「完成」). */
const DONE = "(?:全部完成|完成建设|完成任务|实施完毕|投入使用|完成|完工|竣工|结束|办结|实施|支付|拨付|到位)?";
const BEFORE_RE = new RegExp(`(?:以前|之前|前|为止|止|截止|以内|之内|内)${DONE}$`);
const AFTER_RE = new RegExp(`(?:以后|之后|后)${DONE}$`);
const DONE_RE = new RegExp(`${DONE}$`);
const LEAD_RE = /^(?:截至|截止到|截止日期|截止|于|在|到|至|按时|按期)?/;
const RANGE_SEP = /(?:-|~|至|到|—|–)/;

type YMD = { y: number | null; m: number | null; d: number | null };

const TEN_DAYS: Record<string, number | null> = { 上旬: 10, 中旬: 20, 中下旬: null, 下旬: null, 底: null, 末: null, 末尾: null };

/**
 * One date: 「2024年12月31日」「2024年12月底」「2024年」「2024.12.31」「2024-12」「2024/12」「12月」(no year).
 * `loose`: inside a range, 「2024.1」 is a month too (alone it is a decimal number).
 */
function parseOne(t: string, loose = false): YMD | null {
  let m: RegExpExecArray | null;
  // 2024年12月31日 / 2024年12月底 / 2024年12月上旬 / 2024年12月 / 12月31日 / 12月底
  m = /^(?:(\d{4})年(?:度)?)?(\d{1,2})月(?:份)?(?:(\d{1,2})[日号]|(底|末|末尾|上旬|中旬|中下旬|下旬))?$/.exec(t);
  if (m) {
    const tenDays = m[4] ? TEN_DAYS[m[4]] : null;
    return { y: m[1] ? Number(m[1]) : null, m: Number(m[2]), d: m[3] ? Number(m[3]) : tenDays };
  }
  // 2024年 / 2024年底 / 2024年末 / 2024年度 / 2024年年底 / 2024年全年
  m = /^(\d{4})年(?:度)?(?:年底|年末|底|末|全年)?$/.exec(t);
  if (m) return { y: Number(m[1]), m: 12, d: 31 };
  // 2024年上半年 / 下半年 / 第三季度 / 一季度 / Q3
  m = /^(\d{4})年?(?:度)?(上半年|下半年|第?([一二三四1-4])季度|Q([1-4]))(?:末|底)?$/i.exec(t);
  if (m) {
    const y = Number(m[1]);
    if (m[2] === "上半年") return { y, m: 6, d: 30 };
    if (m[2] === "下半年") return { y, m: 12, d: 31 };
    const q = m[3] ?? m[4];
    const n = "一二三四".indexOf(q) >= 0 ? "一二三四".indexOf(q) + 1 : Number(q);
    return { y, m: n * 3, d: null };
  }
  // 2024.12.31 / 2024-12-31 / 2024/12/31
  m = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?:[日号])?$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
  // 2024.12 / 2024-12 / 2024/1 (alone, 「2024.1」 is a decimal number, so 「.」 needs 2 month digits)
  m = /^(\d{4})([./-])(\d{1,2})(?:月)?$/.exec(t);
  if (m && (loose || m[2] !== "." || m[3].length === 2)) return { y: Number(m[1]), m: Number(m[3]), d: null };
  return null;
}

function toIso(p: YMD): string | null {
  if (p.y === null || p.m === null) return null;
  return iso(p.y, p.m, p.d ?? undefined);
}

/** The end of a range 「2023.07-2024.01」「2024年1月至6月」「2024年1-12月」「2024年3月1日-15日」, or null. */
function parseRangeEnd(t: string): YMD | null {
  const parts = t.split(RANGE_SEP);
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return null;
  const [left, right] = parts;
  let a = parseOne(left, true);
  if (!a && /^\d{4}年\d{1,2}$/.test(left)) a = parseOne(left + "月");
  if (!a) return null;
  let b = parseOne(right, true);
  if (!b && /^\d{1,2}$/.test(right)) {
    // 「2024年1-12月」 lost its 月 on the left; 「2024.1-12」: a month; 「2024年3月1日-15日」 is handled below.
    b = a.d === null ? { y: null, m: Number(right), d: null } : { y: a.y, m: a.m, d: Number(right) };
  }
  if (!b && /^\d{1,2}[日号]$/.test(right)) b = { y: a.y, m: a.m, d: Number(right.slice(0, -1)) };
  if (!b) return null;
  if (b.y === null) b = { ...b, y: a.y };
  return b;
}

/**
 * A date with the operator its words imply (「前」 → ≤), or null. `year`: the year a date written
 * without one means (「12月底前」 in a 2024 book); without it such a text is no date.
 */
export function parseDateWithOperator(text: string, year: number | null = null): { date: string; operator: Operator | null } | null {
  if (typeof text !== "string") return null;
  let t = compactText(text).replace(/[。.;；,，]+$/, "");
  if (t === "" || !/\d/.test(t)) return null;
  let operator: Operator | null = null;
  if (BEFORE_RE.test(t)) {
    operator = "≤";
    t = t.replace(BEFORE_RE, "");
  } else if (AFTER_RE.test(t)) {
    operator = "≥";
    t = t.replace(AFTER_RE, "");
  } else {
    t = t.replace(DONE_RE, "");
  }
  t = t.replace(LEAD_RE, "");
  if (t === "") return null;
  const p = parseOne(t) ?? parseRangeEnd(t);
  if (!p) return null;
  const d = toIso(p.y === null && year !== null ? { ...p, y: year } : p);
  return d ? { date: d, operator } : null;
}

/** 「2024年12月底前」「2024.12.31」「2023.07-2024.01」(the end) → ISO date of the last day meant, or null. */
export function parseDate(text: string): string | null {
  return parseDateWithOperator(text)?.date ?? null;
}

/** Excel serial (1900 date system, with its phantom 1900-02-29) → ISO date; null when not a valid date. */
export function excelSerialToISO(serial: number): string | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > 2958465 || day === 60) return null;
  // Serials after the phantom 1900-02-29 count from 1899-12-30; before it, from 1899-12-31.
  const base = day > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const d = new Date(base + day * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A number format with its literal parts ("…", \x, [..]) removed. */
function formatCode(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
}

export function isPercentFormat(fmt: string | undefined | null): boolean {
  if (typeof fmt !== "string") return false;
  return formatCode(fmt).replace(/\[[^\]]*\]/g, "").includes("%");
}

export function isDateFormat(fmt: string | undefined | null): boolean {
  if (typeof fmt !== "string") return false;
  const code = formatCode(fmt);
  // [$-F800] is Windows' long system date format; [$-F400] is the system time format.
  if (/\[\$-F800\]/i.test(code)) return true;
  // Only the first section (positive numbers) decides.
  const first = code.replace(/\[[^\]]*\]/g, "").split(";")[0].replace(/General/gi, "").replace(/E[+-]/gi, "");
  if (first.trim() === "" || first.trim() === "@") return false;
  // Date tokens: y, d, e (era year), aaa (Chinese weekday), or m that is not minutes (m next to h or s).
  if (/[yde]/i.test(first) || /aaa/i.test(first)) return true;
  if (/m/i.test(first)) {
    const withoutMinutes = first.replace(/(h+[^a-z]*)m+/gi, "$1").replace(/m+([^a-z]*s)/gi, "$1");
    return /m/i.test(withoutMinutes);
  }
  return false;
}
