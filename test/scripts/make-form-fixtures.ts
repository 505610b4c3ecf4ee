/**
 * Writes the form-layout golden workbooks test/fixtures/forms/*.xlsx and, beside each, the
 * projection the reader must produce (*.expected.json), derived from this generator's INPUT
 * data (what it wrote where), never from running the reader.
 *
 * Variants (contract.md "Inputs", layout 2):
 *   central-2024      财预〔2020〕10号 附件 项目支出绩效自评表 (funds block, 预期目标 | 实际完成情况, 总分 row)
 *   chizhou-2022      the same layout with 池州's all-zero 年度资金总额 row (财政拨款 90 / 89.974 / 89.974)
 *   sichuan-2023      指标性质 | 指标值 | 度量单位 columns, 「金额单位：万元」 line, 10 + 90 weights
 *   xiangtan-2023     目标申报表: 资金总额 | 财政拨款 | 其他资金 heads with values below, operator+value+unit in one cell
 *   stacked-2024      three central forms one after another on one sheet (项目编码 rows, notes, a bad score, an error value)
 *   per-sheet-2024    three sheets, one form each (central, Sichuan, 湘潭)
 *   monitoring-2024   财预〔2019〕136号 监控表: 偏差原因分析 over 经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 其他 and
 *                     完成目标可能性 over 确定能 | 有可能 | 完全不可能, marked with 「√」 or text
 *   list-not-form     a list-layout workbook: readForms must return null
 *
 * Run: `npx tsx test/scripts/make-form-fixtures.ts [outDir]`.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// ---------------------------------------------------------------- expected shapes

export type ExpValue =
  | { kind: "empty" }
  | { kind: "number"; operator: string | null; value: number; unit: string | null }
  | { kind: "tier"; tier: "achieved" | "partial" | "failed" }
  | { kind: "date"; date: string }
  | { kind: "text"; text: string };

export interface ExpIndicator {
  row: number;
  level1: string | null;
  level2: string | null;
  name: string;
  target: ExpValue;
  actual: ExpValue;
  weight: number | null;
  score: number | null;
  /** Monitoring forms only (the projection names them when the expected file does). */
  forecast?: ExpValue;
  reason?: string | null;
  possibility?: string | null;
  cells: Record<string, string>;
}

export interface ExpProject {
  sheet: string;
  row: number;
  id: string;
  code: string | null;
  name: string;
  department: string | null;
  implementer: string | null;
  attribute: string | null;
  initialBudget: number | null;
  budget: number | null;
  spent: number | null;
  fiscalFunds: number | null;
  otherFunds: number | null;
  declaredExecutionScore: number | null;
  declaredTotal: number | null;
  goal: string | null;
  goalActual: string | null;
  cells: Record<string, string>;
  indicators: ExpIndicator[];
}

export interface ExpFile {
  file: string;
  layout: "form";
  unit: string;
  year: number | null;
  modes: string[];
  detections: { sheet: string; headerRow: number }[];
  unreadable: { sheet: string; cell: string; field: string }[];
  cellErrors: { sheet: string; cell: string; field: string }[];
  projects: ExpProject[];
}

// ---------------------------------------------------------------- input data

/** A cell to write and what the reader must make of it. */
export interface Val {
  v: string | number | Date | { error: string } | null;
  fmt?: string;
  exp: ExpValue;
}

const L1: Record<string, string> = { 产出: "产出指标", 效益: "效益指标", 满意度: "满意度指标", 成本: "成本指标" };

export function num(op: string | null, value: number, unitWritten = "", unit: string | null = null): Val {
  const canon: Record<string, string> = { "≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "＝": "=", "=": "=", ">": ">", "<": "<" };
  return { v: `${op ?? ""}${value}${unitWritten}`, exp: { kind: "number", operator: op ? canon[op] : null, value, unit: unit ?? (unitWritten === "" ? null : unitWritten) } };
}
export function bare(value: number, unit: string | null = null, fmt?: string): Val {
  return { v: value, fmt, exp: { kind: "number", operator: null, value: fmt && fmt.includes("%") ? Math.round(value * 10000) / 100 : value, unit } };
}
export function tier(text: string, t: "achieved" | "partial" | "failed" = "achieved"): Val {
  return { v: text, exp: { kind: "tier", tier: t } };
}
function date(iso: string, asDate: boolean): Val {
  if (asDate) return { v: new Date(`${iso}T00:00:00Z`), fmt: "yyyy-mm-dd", exp: { kind: "date", date: iso } };
  const [y, m] = iso.split("-");
  return { v: `${y}年${Number(m)}月底前`, exp: { kind: "date", date: iso } };
}

export interface IndSpec {
  l1: string;
  l2: string;
  name: string;
  target: Val;
  /** Sichuan: the operator and unit columns (the target's own cell holds only the number). */
  op?: string;
  unit?: string;
  actual?: Val;
  weight?: number | string | { error: string };
  score?: number | string | { error: string };
  reason?: string;
}

export interface Funds {
  total: [number | null, number | null, number | null];
  fiscal: [number | null, number | null, number | null];
  carry?: [number | null, number | null, number | null];
  other: [number | null, number | null, number | null];
  execWeight?: number;
  execScore?: number;
}

export interface FormSpec {
  code?: string;
  /** Where the 项目编码 row goes: above the 项目名称 row or below it. */
  codeWhere?: "above" | "below";
  name: string;
  department: string;
  implementer: string;
  attribute?: string;
  funds: Funds;
  goal: string;
  goalActual?: string;
  indicators: IndSpec[];
  total?: number;
}

// ---------------------------------------------------------------- writing helpers

type WS = ExcelJS.Worksheet;

function put(ws: WS, addr: string, v: unknown, fmt?: string): void {
  const cell = ws.getCell(addr);
  cell.value = v as ExcelJS.CellValue;
  if (fmt) cell.numFmt = fmt;
}
function merge(ws: WS, range: string): void {
  const [a, b] = range.split(":");
  if (a === b) return;
  ws.mergeCells(range);
}
function col(n: number): string {
  let s = "";
  let x = n + 1;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}
const A = (c: number, r: number) => `${col(c)}${r}`;

function fundsNumbers(f: Funds): { initialBudget: number | null; budget: number | null; spent: number | null; fiscalFunds: number | null; otherFunds: number | null } {
  const zero = (x: number | null) => x === null || x === 0;
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  const initialBudget = f.total[0];
  let budget = f.total[1];
  let spent = f.total[2];
  const fiscalFunds = f.fiscal[0] ?? f.fiscal[1];
  const oth = f.other[0] ?? f.other[1];
  const car = f.carry ? (f.carry[0] ?? f.carry[1]) : null;
  const otherFunds = oth === null && car === null ? null : r6((oth ?? 0) + (car ?? 0));
  // domain.md §7 (池州): an all-zero total row → the money is read from 财政拨款 + 其他资金 (+ 上年结转).
  if (zero(f.total[0]) && zero(f.total[1]) && zero(f.total[2])) {
    const parts = [f.fiscal, f.other, f.carry ?? [null, null, null]];
    const sum = (i: number) => {
      const xs = parts.map((p) => p[i]).filter((x): x is number => x !== null);
      return xs.length ? r6(xs.reduce((a, b) => a + b, 0)) : null;
    };
    const b = sum(1);
    const s = sum(2);
    if (b) budget = b;
    if (s) spent = s;
  }
  return { initialBudget, budget: budget ?? initialBudget, spent, fiscalFunds, otherFunds };
}

function scaleAmounts<T extends Record<string, number | null>>(x: T, k: number): T {
  const out = { ...x };
  for (const key of Object.keys(out) as (keyof T)[]) {
    const v = out[key];
    if (typeof v === "number") out[key] = (Math.round(v * k * 1e6) / 1e6) as T[keyof T];
  }
  return out;
}

export interface Layout {
  kind: "central" | "sichuan";
  /** 0-based columns of the grid. */
  cols: { section: number; l1: number; l2: number; name: number; op?: number; target: number; unit?: number; actual: number; weight: number; score: number; reason: number; reasonEnd: number };
  width: number;
}
export const CENTRAL: Layout = { kind: "central", cols: { section: 0, l1: 1, l2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8, reasonEnd: 8 }, width: 9 };
const SICHUAN: Layout = { kind: "sichuan", cols: { section: 0, l1: 1, l2: 2, name: 3, op: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9, reason: 10, reasonEnd: 11 }, width: 12 };

/** Write one self-evaluation form (central or Sichuan layout) from row `start` (1-based); returns the row after it and the expected projection. */
/**
 * `scale`: amounts are written as spec × scale (a form kept in 元 writes 万元 figures × 10000);
 * `expScale`: the expected amounts are spec × expScale (the book's unit may differ from the form's).
 */
export function writeSelfEval(ws: WS, start: number, spec: FormSpec, lay: Layout, opts: { title: string; yearLine: string | null; unitLine?: string; fundsCaption: string; notes?: string[]; scale?: number; expScale?: number }): { next: number; exp: ExpProject; headerRow: number } {
  const W = lay.width - 1;
  const c = lay.cols;
  let r = start;
  const cells: Record<string, string> = {};
  put(ws, A(0, r), opts.title);
  merge(ws, `${A(0, r)}:${A(W, r)}`);
  r++;
  if (opts.yearLine) {
    put(ws, A(0, r), opts.yearLine);
    merge(ws, `${A(0, r)}:${A(W, r)}`);
    r++;
  }
  if (opts.unitLine) {
    put(ws, A(W - 1, r), opts.unitLine);
    merge(ws, `${A(W - 1, r)}:${A(W, r)}`);
    r++;
  }
  const codeRow = () => {
    put(ws, A(0, r), "项目编码");
    put(ws, A(1, r), spec.code);
    merge(ws, `${A(1, r)}:${A(W, r)}`);
    cells.code = A(1, r);
    r++;
  };
  if (spec.code && spec.codeWhere === "above") codeRow();
  const nameRow = r;
  put(ws, A(0, r), "项目名称");
  put(ws, A(1, r), spec.name);
  merge(ws, `${A(1, r)}:${A(W, r)}`);
  cells.name = A(1, r);
  r++;
  if (spec.code && spec.codeWhere !== "above") codeRow();
  put(ws, A(0, r), "主管部门");
  put(ws, A(1, r), spec.department);
  merge(ws, `${A(1, r)}:${A(3, r)}`);
  put(ws, A(4, r), "实施单位");
  put(ws, A(5, r), spec.implementer);
  merge(ws, `${A(5, r)}:${A(W, r)}`);
  cells.department = A(1, r);
  cells.implementer = A(5, r);
  r++;
  // 项目资金 block: caption over 5 rows, heads, then 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金.
  const f = spec.funds;
  const fTop = r;
  put(ws, A(0, r), opts.fundsCaption);
  merge(ws, `${A(0, r)}:${A(0, r + 4)}`);
  merge(ws, `${A(1, r)}:${A(2, r)}`);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(ws, A(3 + i, r), h));
  const rowsF: [string, [number | null, number | null, number | null] | undefined][] = [
    ["年度资金总额", f.total],
    ["其中：当年财政拨款", f.fiscal],
    ["上年结转资金", f.carry],
    ["其他资金", f.other],
  ];
  rowsF.forEach(([label, vals], i) => {
    const rr = fTop + 1 + i;
    put(ws, A(1, rr), label);
    merge(ws, `${A(1, rr)}:${A(2, rr)}`);
    if (vals) vals.forEach((v, k) => put(ws, A(3 + k, rr), v === null ? null : v * (opts.scale ?? 1)));
    if (i === 0) {
      put(ws, A(6, rr), f.execWeight ?? 10);
      const rate = f.total[1] ? (f.total[2] ?? 0) / f.total[1] : 0;
      put(ws, A(7, rr), Math.round(rate * 10000) / 10000, "0.00%");
      put(ws, A(8, rr), f.execScore ?? null);
    } else {
      put(ws, A(6, rr), "—");
      put(ws, A(7, rr), "—");
      put(ws, A(8, rr), "—");
    }
  });
  const nums = fundsNumbers(f);
  cells.initialBudget = A(3, fTop + 1);
  cells.fiscalFunds = A(3, fTop + 2);
  cells.budget = A(4, nums.budget === f.total[1] ? fTop + 1 : fTop + 2);
  cells.spent = A(5, nums.spent === f.total[2] ? fTop + 1 : fTop + 2);
  if (f.execScore !== undefined) cells.declaredExecutionScore = A(8, fTop + 1);
  r = fTop + 5;
  // 年度总体目标: 预期目标 | 实际完成情况 heads, texts below.
  put(ws, A(0, r), "年度总体目标");
  merge(ws, `${A(0, r)}:${A(0, r + 1)}`);
  const mid = Math.floor(W / 2) + 1;
  put(ws, A(1, r), "预期目标");
  merge(ws, `${A(1, r)}:${A(mid - 1, r)}`);
  put(ws, A(mid, r), "实际完成情况");
  merge(ws, `${A(mid, r)}:${A(W, r)}`);
  put(ws, A(1, r + 1), spec.goal);
  merge(ws, `${A(1, r + 1)}:${A(mid - 1, r + 1)}`);
  put(ws, A(mid, r + 1), spec.goalActual ?? null);
  merge(ws, `${A(mid, r + 1)}:${A(W, r + 1)}`);
  cells.goal = A(1, r + 1);
  r += 2;
  // The indicator grid.
  const headerRow = r;
  put(ws, A(c.section, r), "绩效指标");
  merge(ws, `${A(c.section, r)}:${A(c.section, r + spec.indicators.length)}`);
  put(ws, A(c.l1, r), "一级指标");
  put(ws, A(c.l2, r), "二级指标");
  put(ws, A(c.name, r), "三级指标");
  if (lay.kind === "sichuan") {
    put(ws, A(c.op!, r), "指标性质");
    put(ws, A(c.target, r), "指标值");
    put(ws, A(c.unit!, r), "度量单位");
  } else put(ws, A(c.target, r), "年度指标值");
  put(ws, A(c.actual, r), "实际完成值");
  put(ws, A(c.weight, r), "分值");
  put(ws, A(c.score, r), "得分");
  put(ws, A(c.reason, r), "偏差原因分析及改进措施");
  merge(ws, `${A(c.reason, r)}:${A(c.reasonEnd, r)}`);
  r++;
  const indicators = writeGrid(ws, r, spec.indicators, c);
  r += spec.indicators.length;
  put(ws, A(0, r), "总分");
  merge(ws, `${A(0, r)}:${A(c.weight - 1, r)}`);
  put(ws, A(c.weight, r), 100);
  put(ws, A(c.score, r), spec.total ?? null);
  if (spec.total !== undefined) cells.declaredTotal = A(c.score, r);
  r++;
  for (const n of opts.notes ?? []) {
    put(ws, A(0, r), n);
    merge(ws, `${A(0, r)}:${A(W, r)}`);
    r++;
  }
  const exp: ExpProject = {
    sheet: ws.name,
    row: nameRow,
    id: spec.code ?? `${ws.name}!${nameRow}`,
    code: spec.code ?? null,
    name: spec.name,
    department: spec.department,
    implementer: spec.implementer,
    attribute: null,
    ...scaleAmounts(nums, opts.expScale ?? 1),
    declaredExecutionScore: f.execScore ?? null,
    declaredTotal: spec.total ?? null,
    goal: spec.goal,
    goalActual: spec.goalActual ?? null,
    cells,
    indicators,
  };
  return { next: r, exp, headerRow };
}

/** Indicator rows with 一级 and 二级 merged down over their blocks. */
function writeGrid(ws: WS, start: number, inds: IndSpec[], c: Layout["cols"] | { l1: number; l2: number; name: number; target: number; targetEnd?: number; op?: number; unit?: number; actual?: number; weight?: number; score?: number; reason?: number; reasonEnd?: number }): ExpIndicator[] {
  const out: ExpIndicator[] = [];
  const blocks = (key: (i: IndSpec) => string) => {
    const spans: [number, number][] = [];
    let from = 0;
    for (let i = 1; i <= inds.length; i++) {
      if (i === inds.length || key(inds[i]) !== key(inds[from])) {
        spans.push([from, i - 1]);
        from = i;
      }
    }
    return spans;
  };
  for (const [a, b] of blocks((i) => i.l1)) {
    put(ws, A(c.l1, start + a), inds[a].l1);
    merge(ws, `${A(c.l1, start + a)}:${A(c.l1, start + b)}`);
  }
  for (const [a, b] of blocks((i) => `${i.l1}/${i.l2}`)) {
    put(ws, A(c.l2, start + a), inds[a].l2);
    merge(ws, `${A(c.l2, start + a)}:${A(c.l2, start + b)}`);
  }
  let l1Top = 0;
  let l2Top = 0;
  inds.forEach((ind, i) => {
    const r = start + i;
    if (i === 0 || inds[i - 1].l1 !== ind.l1) l1Top = r;
    if (i === 0 || `${inds[i - 1].l1}/${inds[i - 1].l2}` !== `${ind.l1}/${ind.l2}`) l2Top = r;
    put(ws, A(c.name, r), ind.name);
    put(ws, A(c.target, r), ind.target.v, ind.target.fmt);
    if ("targetEnd" in c && c.targetEnd !== undefined) merge(ws, `${A(c.target, r)}:${A(c.targetEnd, r)}`);
    if (c.op !== undefined) put(ws, A(c.op, r), ind.op ?? null);
    if (c.unit !== undefined) put(ws, A(c.unit, r), ind.unit ?? null);
    if (c.actual !== undefined) put(ws, A(c.actual, r), ind.actual?.v ?? null, ind.actual?.fmt);
    if (c.weight !== undefined) put(ws, A(c.weight, r), ind.weight ?? null);
    if (c.score !== undefined) put(ws, A(c.score, r), ind.score ?? null);
    if (c.reason !== undefined) {
      put(ws, A(c.reason, r), ind.reason ?? null);
      if (c.reasonEnd !== undefined) merge(ws, `${A(c.reason, r)}:${A(c.reasonEnd, r)}`);
    }
    const numOrNull = (x: IndSpec["weight"]) => (typeof x === "number" ? x : null);
    out.push({
      row: r,
      level1: L1[ind.l1.replace(/指标$/, "")] ?? null,
      level2: ind.l2.endsWith("指标") ? ind.l2 : `${ind.l2}指标`,
      name: ind.name,
      target: ind.target.exp,
      actual: c.actual !== undefined ? (ind.actual?.exp ?? { kind: "empty" }) : { kind: "empty" },
      weight: numOrNull(ind.weight),
      score: numOrNull(ind.score),
      cells: { level1: A(c.l1, l1Top), level2: A(c.l2, l2Top), name: A(c.name, r), target: A(c.target, r), ...(c.actual !== undefined ? { actual: A(c.actual, r) } : {}) },
    });
  });
  return out;
}

// ---------------------------------------------------------------- the 湘潭 target form

interface TargetSpec {
  name: string;
  department: string;
  implementer: string;
  attribute: string;
  period: string;
  total: number;
  fiscal: number;
  other: number;
  goal: string;
  indicators: IndSpec[];
}

function writeXiangtan(ws: WS, start: number, spec: TargetSpec, year: number): { next: number; exp: ExpProject; headerRow: number } {
  const W = 5; // A..F
  let r = start;
  put(ws, A(0, r), "项目支出绩效目标申报表");
  merge(ws, `${A(0, r)}:${A(W, r)}`);
  r++;
  put(ws, A(0, r), `（${year}年度）`);
  merge(ws, `${A(0, r)}:${A(W, r)}`);
  r++;
  const nameRow = r;
  put(ws, A(0, r), "项目名称");
  put(ws, A(1, r), spec.name);
  merge(ws, `${A(1, r)}:${A(W, r)}`);
  r++;
  put(ws, A(0, r), "主管部门");
  put(ws, A(1, r), spec.department);
  merge(ws, `${A(1, r)}:${A(2, r)}`);
  put(ws, A(3, r), "实施单位");
  put(ws, A(4, r), spec.implementer);
  merge(ws, `${A(4, r)}:${A(5, r)}`);
  const deptRow = r;
  r++;
  put(ws, A(0, r), "项目属性");
  put(ws, A(1, r), spec.attribute);
  merge(ws, `${A(1, r)}:${A(2, r)}`);
  put(ws, A(3, r), "项目期");
  put(ws, A(4, r), spec.period);
  merge(ws, `${A(4, r)}:${A(5, r)}`);
  const attrRow = r;
  r++;
  put(ws, A(0, r), "项目资金（万元）");
  merge(ws, `${A(0, r)}:${A(0, r + 1)}`);
  put(ws, A(1, r), "资金总额");
  put(ws, A(2, r), "财政拨款");
  put(ws, A(3, r), "其他资金");
  merge(ws, `${A(4, r)}:${A(5, r + 1)}`);
  put(ws, A(1, r + 1), spec.total);
  put(ws, A(2, r + 1), spec.fiscal);
  put(ws, A(3, r + 1), spec.other);
  const moneyRow = r + 1;
  r += 2;
  put(ws, A(0, r), "年度总体目标");
  merge(ws, `${A(0, r)}:${A(0, r + 1)}`);
  put(ws, A(1, r), spec.goal);
  merge(ws, `${A(1, r)}:${A(W, r + 1)}`);
  const goalRow = r;
  r += 2;
  const headerRow = r;
  put(ws, A(0, r), "绩效指标");
  merge(ws, `${A(0, r)}:${A(0, r + spec.indicators.length)}`);
  put(ws, A(1, r), "一级指标");
  put(ws, A(2, r), "二级指标");
  put(ws, A(3, r), "三级指标");
  put(ws, A(4, r), "指标值");
  merge(ws, `${A(4, r)}:${A(5, r)}`);
  r++;
  const indicators = writeGrid(ws, r, spec.indicators, { l1: 1, l2: 2, name: 3, target: 4, targetEnd: 5 });
  r += spec.indicators.length;
  put(ws, A(0, r), "注：指标值应包含比较符号、数值和计量单位。");
  merge(ws, `${A(0, r)}:${A(W, r)}`);
  r++;
  const exp: ExpProject = {
    sheet: ws.name,
    row: nameRow,
    id: `${ws.name}!${nameRow}`,
    code: null,
    name: spec.name,
    department: spec.department,
    implementer: spec.implementer,
    attribute: spec.attribute,
    initialBudget: spec.total,
    budget: spec.total,
    spent: null,
    fiscalFunds: spec.fiscal,
    otherFunds: spec.other,
    declaredExecutionScore: null,
    declaredTotal: null,
    goal: spec.goal,
    goalActual: null,
    cells: { name: A(1, nameRow), department: A(1, deptRow), implementer: A(4, deptRow), attribute: A(1, attrRow), initialBudget: A(1, moneyRow), fiscalFunds: A(2, moneyRow), otherFunds: A(3, moneyRow), goal: A(1, goalRow) },
    indicators,
  };
  return { next: r, exp, headerRow };
}

// ---------------------------------------------------------------- the 监控表 (运行监控)

const REASON_KINDS = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"];
const POSSIBILITIES = ["确定能", "有可能", "完全不可能"];

interface MonitorInd {
  l1: string;
  l2: string;
  name: string;
  target: Val;
  current: string;
  forecast: Val;
  /** Marks under 偏差原因分析: kind → 「√」 or a text. */
  reasons?: Partial<Record<string, string>>;
  /** Marks under 完成目标可能性: option → 「√」「✓」 or a text. */
  possibility?: Partial<Record<string, string>>;
}

interface MonitorSpec {
  name: string;
  department: string;
  funds: [number, number, number, number];
  indicators: MonitorInd[];
}

/** The text the reader composes from the marks (kind, or 「kind：text」; 其他's text alone). */
function expectedReason(marks: Partial<Record<string, string>> | undefined): string | null {
  const parts = REASON_KINDS.filter((k) => marks?.[k]).map((k) => {
    const v = marks![k]!;
    if (/^[√✓]$/.test(v)) return k;
    return k === "其他" ? v : `${k}：${v}`;
  });
  return parts.length ? parts.join("；") : null;
}

function writeMonitoring(ws: WS, spec: MonitorSpec): { exp: ExpProject; headerRow: number } {
  // A 项目名称 … B, funds C..F, grid A..P: 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 1-7月执行情况 | 全年预计完成情况 | 5 reasons | 3 possibilities | 备注.
  const W = 15;
  put(ws, "A1", "2024年度项目支出绩效运行监控表");
  merge(ws, `A1:${A(W, 1)}`);
  put(ws, "A2", "监控截止日期：2024年7月31日");
  merge(ws, `A2:${A(W, 2)}`);
  put(ws, "A3", "项目名称");
  put(ws, "B3", spec.name);
  merge(ws, `B3:${A(W, 3)}`);
  put(ws, "A4", "主管部门");
  put(ws, "B4", spec.department);
  merge(ws, `B4:${A(W, 4)}`);
  put(ws, "A5", "项目资金（万元）");
  merge(ws, "A5:A6");
  put(ws, "B5", null);
  ["年初预算数", "全年预算数", "1-7月执行数", "全年预计执行数"].forEach((h, i) => put(ws, A(2 + i, 5), h));
  put(ws, "B6", "年度资金总额");
  spec.funds.forEach((v, i) => put(ws, A(2 + i, 6), v));
  const h = 7;
  put(ws, A(0, h), "绩效指标");
  merge(ws, `${A(0, h)}:${A(0, h + 1 + spec.indicators.length)}`);
  ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况"].forEach((t, i) => {
    put(ws, A(1 + i, h), t);
    merge(ws, `${A(1 + i, h)}:${A(1 + i, h + 1)}`);
  });
  put(ws, A(7, h), "偏差原因分析");
  merge(ws, `${A(7, h)}:${A(11, h)}`);
  REASON_KINDS.forEach((k, i) => put(ws, A(7 + i, h + 1), k));
  put(ws, A(12, h), "完成目标可能性");
  merge(ws, `${A(12, h)}:${A(14, h)}`);
  POSSIBILITIES.forEach((k, i) => put(ws, A(12 + i, h + 1), k));
  put(ws, A(15, h), "备注");
  merge(ws, `${A(15, h)}:${A(15, h + 1)}`);
  const start = h + 2;
  const base = writeGrid(ws, start, spec.indicators.map((m) => ({ l1: m.l1, l2: m.l2, name: m.name, target: m.target })), { l1: 1, l2: 2, name: 3, target: 4 });
  const indicators = spec.indicators.map((m, i): ExpIndicator => {
    const r = start + i;
    put(ws, A(5, r), m.current);
    put(ws, A(6, r), m.forecast.v);
    REASON_KINDS.forEach((k, j) => put(ws, A(7 + j, r), m.reasons?.[k] ?? null));
    POSSIBILITIES.forEach((k, j) => put(ws, A(12 + j, r), m.possibility?.[k] ?? null));
    const firstReason = REASON_KINDS.findIndex((k) => m.reasons?.[k]);
    const said = POSSIBILITIES.filter((k) => m.possibility?.[k]);
    const firstSaid = POSSIBILITIES.findIndex((k) => m.possibility?.[k]);
    return {
      ...base[i],
      forecast: m.forecast.exp,
      reason: expectedReason(m.reasons),
      possibility: said.length ? said.join("、") : null,
      cells: { ...base[i].cells, reason: A(7 + Math.max(0, firstReason), r), possibility: A(12 + Math.max(0, firstSaid), r) },
    };
  });
  const exp: ExpProject = {
    sheet: ws.name,
    row: 3,
    id: `${ws.name}!3`,
    code: null,
    name: spec.name,
    department: spec.department,
    implementer: null,
    attribute: null,
    initialBudget: spec.funds[0],
    budget: spec.funds[1],
    spent: null,
    fiscalFunds: null,
    otherFunds: null,
    declaredExecutionScore: null,
    declaredTotal: null,
    goal: null,
    goalActual: null,
    cells: { name: "B3", department: "B4", initialBudget: "C6", budget: "D6", cumulativeSpent: "E6", forecastSpent: "F6" },
    indicators,
  };
  return { exp, headerRow: h + 1 };
}

/**
 * The seeded monitoring defects (at 2024-07-31, 序时进度 7/12), for the test that runs the rules on
 * this fixture: 培训人次 300 of 700 expected (red) with a reason marked; 就业人数 20 of 116.67 (red)
 * with no reason (M004) and 「确定能」 beside a forecast of 60 below 200 (M005); 资金拨付 完全不可能
 * with a 其他 text (no M005); 满意度 80 % against ≥90 % (red level) with no reason (M004).
 */
export const MONITOR_FORM: MonitorSpec = {
  name: "职业技能提升培训项目",
  department: "某县人力资源和社会保障局",
  funds: [120, 120, 70, 118],
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "培训人次", target: num("≥", 1200, "人次"), current: "300人次", forecast: num(null, 900, "人次"), reasons: { 经费保障: "√" }, possibility: { 有可能: "√" } },
    { l1: "产出指标", l2: "质量指标", name: "培训合格率", target: num("≥", 95, "%"), current: "96%", forecast: num(null, 96, "%"), possibility: { 确定能: "√" } },
    { l1: "效益指标", l2: "社会效益指标", name: "就业人数", target: num("≥", 200, "人"), current: "20人", forecast: num(null, 60, "人"), possibility: { 确定能: "✓" } },
    { l1: "效益指标", l2: "社会效益指标", name: "培训补贴发放户数", target: num("≥", 300, "户"), current: "100户", forecast: num(null, 150, "户"), reasons: { 制度保障: "补贴办法待修订", 其他: "申报户数少于预期" }, possibility: { 完全不可能: "√" } },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: num("≥", 90, "%"), current: "80%", forecast: num(null, 85, "%"), possibility: { 有可能: "有可能" } },
  ],
};

// ---------------------------------------------------------------- the data

const CENTRAL_FORM: FormSpec = {
  name: "城乡居民基本医疗保险补助项目",
  department: "某县医疗保障局",
  implementer: "某县医疗保障事务中心",
  funds: { total: [120, 130, 117], fiscal: [100, 110, 99], carry: [10, 10, 9], other: [10, 10, 9], execWeight: 10, execScore: 9 },
  goal: "全年完成城乡居民医保参保补助，参保率保持在95%以上，群众满意度不低于90%。",
  goalActual: "全年参保率96.2%，补助资金按时足额拨付，满意度93%。",
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "参保人数", target: num("≥", 52000, "人"), actual: bare(53120), weight: 20, score: 20 },
    { l1: "产出指标", l2: "数量指标", name: "培训人次", target: num("≥", 1200, "人次"), actual: num(null, 1100, "人次"), weight: 10, score: 9.17, reason: "疫情影响集中培训减少，下年度增加线上培训。" },
    { l1: "产出指标", l2: "质量指标", name: "参保率", target: num("≥", 95, "%"), actual: bare(0.962, "%", "0.0%"), weight: 10, score: 10 },
    { l1: "产出指标", l2: "时效指标", name: "补助资金拨付时间", target: date("2024-12-31", false), actual: date("2024-12-20", true), weight: 10, score: 10 },
    { l1: "效益指标", l2: "社会效益指标", name: "群众就医负担", target: tier("有效减轻"), actual: tier("达成年度指标"), weight: 30, score: 27 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参保群众满意度", target: num("≥", 90, "%"), actual: num(null, 93, "%"), weight: 10, score: 10 },
  ],
  total: 95.17,
};
// 「有效减轻」 is not a tier: the reader keeps it as text.
CENTRAL_FORM.indicators[4].target = { v: "有效减轻", exp: { kind: "text", text: "有效减轻" } };

const CHIZHOU_FORM: FormSpec = {
  name: "农村饮水安全工程维修养护项目",
  department: "池州市水利局",
  implementer: "池州市农村饮水安全管理站",
  funds: { total: [0, 0, 0], fiscal: [90, 89.974, 89.974], other: [0, 0, 0], execWeight: 10, execScore: 10 },
  goal: "完成农村饮水工程维修养护，保障农村居民饮水安全。",
  goalActual: "完成维修养护工程42处，供水保证率达标。",
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "维修养护工程数量", target: num("≥", 40, "处"), actual: num(null, 42, "处"), weight: 20, score: 20 },
    { l1: "产出指标", l2: "质量指标", name: "工程验收合格率", target: num("≥", 100, "百分比", "%"), actual: num(null, 100, "%"), weight: 15, score: 15 },
    { l1: "产出指标", l2: "成本指标", name: "维修养护成本", target: num("≤", 90, "万元"), actual: num(null, 89.974, "万元"), weight: 15, score: 15 },
    { l1: "效益指标", l2: "社会效益指标", name: "农村供水保证率", target: num("≥", 95, "%"), actual: num(null, 96, "%"), weight: 30, score: 30 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "受益群众满意度", target: num("≥", 90, "%"), actual: num(null, 92, "%"), weight: 10, score: 10 },
  ],
  total: 100,
};

function sichuanNum(op: string, value: number, unitWritten: string, unit: string): Pick<IndSpec, "target" | "op" | "unit"> {
  const canon: Record<string, string> = { "≥": "≥", "≤": "≤", "＝": "=" };
  return { op, unit: unitWritten, target: { v: value, exp: { kind: "number", operator: canon[op], value, unit } } };
}

const SICHUAN_FORM: FormSpec = {
  name: "中小学校舍维修改造项目",
  department: "某县教育局",
  implementer: "某县第一中学",
  funds: { total: [300, 320, 256], fiscal: [300, 320, 256], other: [0, 0, 0], execWeight: 10, execScore: 8 },
  goal: "完成12所中小学校舍维修改造，消除安全隐患，改善办学条件。",
  goalActual: "完成11所学校维修改造，1所因设计变更顺延。",
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "维修改造学校数", ...sichuanNum("≥", 12, "所", "所"), actual: bare(11, "所"), weight: 20, score: 18.33, reason: "1所学校设计变更，工期顺延至次年。" },
    { l1: "产出指标", l2: "质量指标", name: "工程验收合格率", ...sichuanNum("＝", 100, "%", "%"), actual: bare(100, "%"), weight: 15, score: 15 },
    { l1: "产出指标", l2: "时效指标", name: "完工时间", ...sichuanNum("≤", 10, "月", "月"), actual: bare(11, "月"), weight: 10, score: 9, reason: "设计变更。" },
    { l1: "产出指标", l2: "成本指标", name: "单校平均改造成本", ...sichuanNum("≤", 27, "万元", "万元"), actual: bare(23.3, "万元"), weight: 5, score: 5 },
    { l1: "效益指标", l2: "社会效益指标", name: "校舍安全隐患消除", op: "定性", target: tier("达成年度指标"), actual: tier("部分达成年度指标并具有一定效果", "partial"), weight: 30, score: 21, reason: "1所学校未完工。" },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "师生满意度", ...sichuanNum("≥", 90, "%", "%"), actual: bare(94, "%"), weight: 10, score: 10 },
  ],
  total: 86.33,
};

const XIANGTAN_FORM: TargetSpec = {
  name: "城区道路路灯维护项目",
  department: "湘潭市城市管理和综合执法局",
  implementer: "湘潭市路灯管理处",
  attribute: "经常性",
  period: "1年",
  total: 100,
  fiscal: 90,
  other: 10,
  goal: "完成城区道路路灯日常维护，亮灯率保持在98%以上，市民夜间出行安全得到保障。",
  indicators: [
    { l1: "产出指标", l2: "数量指标", name: "维护路灯数量", target: num("≥", 50, "个") },
    { l1: "产出指标", l2: "数量指标", name: "购置抢修车辆", target: num(null, 10, "辆") },
    { l1: "产出指标", l2: "质量指标", name: "亮灯率", target: num("≥", 100, "百分比", "%") },
    { l1: "产出指标", l2: "成本指标", name: "维护成本", target: num("≤", 90, "万元") },
    { l1: "效益指标", l2: "社会效益指标", name: "夜间出行安全", target: tier("优良") },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "市民满意度", target: num("≥", 85, "%") },
  ],
};

const STACKED: FormSpec[] = [
  {
    code: "430302-2024-001",
    codeWhere: "above",
    name: "社区养老服务补助项目",
    department: "某区民政局",
    implementer: "某区养老服务中心",
    funds: { total: [50, 50, 48], fiscal: [50, 50, 48], other: [0, 0, 0], execScore: 9.6 },
    goal: "为辖区80岁以上老人提供居家养老服务。",
    goalActual: "服务老人1650人。",
    indicators: [
      { l1: "产出", l2: "数量", name: "服务老人人数", target: num("≥", 1600, "人"), actual: bare(1650), weight: 40, score: 40 },
      { l1: "效益", l2: "社会效益", name: "老人生活质量", target: tier("达成年度指标"), actual: tier("达成年度指标"), weight: 40, score: 40 },
      { l1: "满意度", l2: "服务对象满意度", name: "老人满意度", target: num("≥", 90, "%"), actual: num(null, 95, "%"), weight: 10, score: 10 },
    ],
    total: 99.6,
  },
  {
    code: "430302-2024-002",
    codeWhere: "below",
    name: "城区环境卫生保洁项目",
    department: "某区城市管理局",
    implementer: "某区环卫所",
    funds: { total: [200, 210, 189], fiscal: [180, 190, 170], other: [20, 20, 19], execScore: 9 },
    goal: "城区主次干道保洁全覆盖。",
    goalActual: "保洁覆盖率100%。",
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "保洁面积", target: num("≥", 320, "万平方米"), actual: num(null, 320, "万平方米"), weight: 25, score: 25 },
      { l1: "产出指标", l2: "质量指标", name: "道路保洁达标率", target: num("≥", 95, "%"), actual: num(null, 96, "%"), weight: 25, score: "约25" },
      { l1: "效益指标", l2: "生态效益指标", name: "城区环境改善", target: tier("达成年度指标"), actual: tier("达成年度指标"), weight: 30, score: 30 },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "市民满意度", target: num("≥", 85, "%"), actual: num(null, 88, "%"), weight: 10, score: 10 },
    ],
    total: 99,
  },
  {
    name: "乡村文化活动补助项目",
    department: "某区文化旅游体育局",
    implementer: "某区文化馆",
    funds: { total: [30, 30, 21], fiscal: [30, 30, 21], other: [0, 0, 0], execScore: 7 },
    goal: "开展送戏下乡等群众文化活动。",
    goalActual: "开展活动36场。",
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "送戏下乡场次", target: num("≥", 40, "场"), actual: num(null, 36, "场"), weight: { error: "#REF!" }, score: 45, reason: "部分活动因天气取消。" },
      { l1: "效益指标", l2: "社会效益指标", name: "群众文化生活", target: tier("达成年度指标"), actual: tier("达成年度指标"), weight: 30, score: 30 },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: num("≥", 90, "%"), actual: num(null, 91, "%"), weight: 10, score: 10 },
    ],
    total: 92,
  },
];

// ---------------------------------------------------------------- workbooks

async function save(wb: ExcelJS.Workbook, dir: string, base: string, exp: ExpFile | null): Promise<void> {
  wb.creator = "make-form-fixtures";
  wb.created = new Date("2024-01-01T00:00:00Z");
  wb.modified = new Date("2024-01-01T00:00:00Z");
  await wb.xlsx.writeFile(join(dir, `${base}.xlsx`));
  writeFileSync(join(dir, `${base}.expected.json`), JSON.stringify(exp, null, 2) + "\n");
}

function fileExp(file: string, unit: string, year: number | null, modes: string[]): ExpFile {
  return { file, layout: "form", unit, year, modes, detections: [], unreadable: [], cellErrors: [], projects: [] };
}

const SELF = ["目标审核", "绩效自评"];

export async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });

  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目支出绩效自评表");
    const w = writeSelfEval(ws, 1, CENTRAL_FORM, CENTRAL, { title: "项目支出绩效自评表", yearLine: "（2024年度）", fundsCaption: "项目资金（万元）" });
    const e = fileExp("central-2024.xlsx", "万元", 2024, SELF);
    e.projects.push(w.exp);
    e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
    await save(wb, outDir, "central-2024", e);
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    const w = writeSelfEval(ws, 1, CHIZHOU_FORM, CENTRAL, { title: "池州市项目支出绩效自评表", yearLine: "（2022年度）", fundsCaption: "项目资金（万元）" });
    const e = fileExp("chizhou-2022.xlsx", "万元", 2022, SELF);
    e.projects.push(w.exp);
    e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
    await save(wb, outDir, "chizhou-2022", e);
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    // Kept in 元 (the 「金额单位：元」 line says so).
    const w = writeSelfEval(ws, 1, SICHUAN_FORM, SICHUAN, { title: "2023年度项目支出绩效自评表", yearLine: null, unitLine: "金额单位：元", fundsCaption: "项目资金", scale: 10000, expScale: 10000 });
    const e = fileExp("sichuan-2023.xlsx", "元", 2023, SELF);
    e.projects.push(w.exp);
    e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
    await save(wb, outDir, "sichuan-2023", e);
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("绩效目标申报表");
    const w = writeXiangtan(ws, 1, XIANGTAN_FORM, 2023);
    const e = fileExp("xiangtan-2023.xlsx", "万元", 2023, ["目标审核"]);
    e.projects.push(w.exp);
    e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
    await save(wb, outDir, "xiangtan-2023", e);
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表汇总");
    const e = fileExp("stacked-2024.xlsx", "万元", 2024, SELF);
    let r = 1;
    for (const spec of STACKED) {
      const w = writeSelfEval(ws, r, spec, CENTRAL, {
        title: "项目支出绩效自评表",
        yearLine: "（2024年度）",
        fundsCaption: "项目资金（万元）",
        notes: ["注：1.得分一档最高不能超过该指标分值上限。", "填表说明：偏差原因分析应写明原因和改进措施。"],
      });
      e.projects.push(w.exp);
      e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
      r = w.next + 2;
    }
    // The seeded defects: 「约25」 in a 得分 cell (D005) and #REF! in a 分值 cell (D007).
    const p2 = e.projects[1];
    const bad = p2.indicators[1];
    e.unreadable.push({ sheet: ws.name, cell: `H${bad.row}`, field: "score" });
    const p3 = e.projects[2];
    e.cellErrors.push({ sheet: ws.name, cell: `G${p3.indicators[0].row}`, field: "weight" });
    await save(wb, outDir, "stacked-2024", e);
  }
  {
    const wb = new ExcelJS.Workbook();
    const e = fileExp("per-sheet-2024.xlsx", "万元", 2024, SELF);
    const a = wb.addWorksheet("医保补助");
    const wa = writeSelfEval(a, 1, CENTRAL_FORM, CENTRAL, { title: "项目支出绩效自评表", yearLine: "（2024年度）", fundsCaption: "项目资金（万元）" });
    const b = wb.addWorksheet("校舍维修");
    // This sheet is kept in 元; the book's unit is the first form's (万元), so its amounts come back in 万元.
    const wbb = writeSelfEval(b, 1, SICHUAN_FORM, SICHUAN, { title: "2024年度项目支出绩效自评表", yearLine: null, unitLine: "金额单位：元", fundsCaption: "项目资金", scale: 10000 });
    const c = wb.addWorksheet("路灯维护");
    const wc = writeXiangtan(c, 1, XIANGTAN_FORM, 2024);
    for (const [ws, w] of [[a, wa], [b, wbb], [c, wc]] as const) {
      e.projects.push(w.exp);
      e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
    }
    await save(wb, outDir, "per-sheet-2024", e);
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("运行监控表");
    const w = writeMonitoring(ws, MONITOR_FORM);
    const e = fileExp("monitoring-2024.xlsx", "万元", 2024, ["目标审核", "运行监控"]);
    e.projects.push(w.exp);
    e.detections.push({ sheet: ws.name, headerRow: w.headerRow });
    await save(wb, outDir, "monitoring-2024", e);
  }
  {
    // A list-layout workbook (header row, one project per row, indicators on a second sheet): not a form.
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("项目表");
    p.addRow(["项目编码", "项目名称", "主管部门", "实施单位", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "年度总体目标"]);
    p.addRow(["P001", "城乡居民基本医疗保险补助项目", "某县医疗保障局", "某县医保中心", 120, 130, 117, "参保率保持在95%以上。"]);
    p.addRow(["P002", "中小学校舍维修改造项目", "某县教育局", "某县第一中学", 300, 320, 256, "完成12所学校维修改造。"]);
    const i = wb.addWorksheet("指标表");
    i.addRow(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
    i.addRow(["P001", "城乡居民基本医疗保险补助项目", "产出指标", "数量指标", "参保人数", "≥52000人", 53120, 20, 20]);
    i.addRow(["P002", "中小学校舍维修改造项目", "产出指标", "数量指标", "维修改造学校数", "≥12所", 11, 20, 18.33]);
    const k = wb.addWorksheet("合并表");
    k.addRow(["序号", "项目名称", "经办人员", "一级指标", "二级指标", "三级指标", "指标值"]);
    k.addRow([1, "城乡居民基本医疗保险补助项目", "张三", "产出指标", "数量指标", "参保人数", "≥52000人"]);
    await save(wb, outDir, "list-not-form", null);
  }
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(__dirname, "..", "fixtures", "forms"));
  main(out).then(
    () => console.log(`form fixtures written to ${out}`),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
