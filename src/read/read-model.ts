/**
 * readModel: a workbook snapshot in list layout → the model (projects with their indicators,
 * every value with the cell it came from). Never throws on odd input: what cannot be read is
 * recorded (`unreadable`, `cellErrors`, `missing`, `orphans`) for the D rules to report once.
 */
import type { CellValue, WorkbookSnapshot } from "../core/grid";
import { isCellError } from "../core/grid";
import { toA1 } from "../core/address";
import type { MappingOverride } from "../core/state";
import type { IndicatorField, ProjectField } from "../model/fields";
import { emptyModel, type Anomaly, type Indicator, type Mode, type ModelBook, type Origin, type Project, type SheetDetection } from "../model/model";
import { canonicalLevel1, canonicalLevel2 } from "../model/framework";
import { excelSerialToISO, isDateFormat, isPercentFormat, parseIndicatorValue, parseNumber } from "../parse";
import type { ParsedValue } from "../parse/types";
import type { Rulebook } from "../rulebook/schema";
import {
  applyOverride,
  assignRoles,
  COMBINED_INDICATOR_NAME_KEY,
  columnsFor,
  evaluateHeaderRow,
  findHeader,
  isoFromText,
  isOwnSheet,
  letter,
  readAboveHeader,
  roleFromOverride,
  scanBook,
  classify,
  type AboveHeader,
  type Role,
  type SheetScan,
} from "./detect";
import { cellText, gridOf, matchKey, MergedGrid } from "./grid";
import { normaliseHeader, squeezeText } from "./header";
import { readForms } from "./form";
import { plausibleAmount } from "./plausible";
import { settleAmbiguous } from "./ambiguous";
import { buildSynonymIndex, matchIndicatorHeader, matchProjectHeader, type SynonymIndex } from "./synonyms";
import { resolveYearlessDates } from "./deadlines";
import { readListChoices } from "./list-choices";
import { pushAll } from "../core/collections";

export interface ReadOptions {
  /** The user's column-mapping corrections: sheet → field → column letter (null: no such column). */
  mapping?: MappingOverride;
}

/** Amount fields: read in their column's unit and converted to the book's unit. */
export const AMOUNT_FIELDS: ProjectField[] = ["initialBudget", "budget", "spent", "fiscalFunds", "otherFunds", "cumulativeSpent", "forecastSpent"];
const PROJECT_SCORE_FIELDS: ProjectField[] = ["declaredExecutionScore", "declaredTotal"];
const PROJECT_DATE_FIELDS: ProjectField[] = ["startDate", "endDate"];

const SUBTOTAL_HEAD = /^(合计|小计|总计|共计|总合计)($|[:：(（\d])/;
const SUBTOTAL_TAIL = /(合计|小计|总计)[:]?$/;
const GROUP_HEADING = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;
const NOTE_ROW = /^(注[:：\d一二三四五、.)]|注$|附注|填表说明|填报说明|说明[:：]|备注[:：]|填报人|填表人|审核人|单位负责人|财务负责人|项目负责人[:：]|负责人[:：]|联系人|联系电话|制表人|填报日期|填表日期|栏次)/;

interface SheetPlan {
  scan: SheetScan;
  role: Role;
  grid: MergedGrid;
  columns: Map<string, number>;
  /** 0-based first data row. */
  dataStart: number;
  /** 0-based column where the add-in's own result block starts (ignored), or null. */
  resultFrom: number | null;
  unit: string;
  colUnits: Map<number, string>;
  above: AboveHeader;
  /** Fields two columns claim (D012): left unmapped until the user picks one. */
  ambiguous: Anomaly[];
}

interface Ctx {
  rulebook: Rulebook;
  bookUnit: string;
  model: ModelBook;
  seenErrors: Set<string>;
  seenUnreadable: Set<string>;
  idx: SynonymIndex;
  /** Parsed indicator values by cell content (see readValue). */
  values: Map<string, Map<string, Map<string | number, ParsedValue>>>[];
  /** Skip-row answers by cell text (subtotal / note tests squeeze each distinct text once). */
  skipTexts: SkipMemo;
  level2: Map<string, string | null>;
}

/** A cell as the value readers take it: its value, where it is, and its A1 address (built only when asked for). */
interface Read {
  readonly value: CellValue;
  readonly address: string;
  readonly row: number;
  readonly col: number;
}

function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** 「-」「—」「/」「无」 in a numeric cell: nothing to report, as finance sheets write it. */
const DASH_EMPTY = /^([-－—–_/／\\]+|无|空)$/;
function isNumericBlank(v: CellValue): boolean {
  return isEmpty(v) || (typeof v === "string" && DASH_EMPTY.test(squeezeText(v)));
}

/** 「亿」「千」 written without 元 in an amount cell. */
function moneyUnit(unit: string | null): string | null {
  return unit === "亿" || unit === "千" || unit === "万" ? unit + "元" : unit;
}

/** The cell of `field` on row r (merge-aware), or undefined when the column is not mapped. */
function at(plan: SheetPlan, field: string, r: number): Read | undefined {
  const c = plan.columns.get(field);
  if (c === undefined) return undefined;
  return new LazyRead(plan.grid, r, c);
}

function recordError(ctx: Ctx, sheet: string, read: Read, field: string, projectId: string | null): void {
  if (!isCellError(read.value)) return;
  const k = `${sheet}!${read.address}`;
  if (ctx.seenErrors.has(k)) return;
  ctx.seenErrors.add(k);
  ctx.model.cellErrors.push({ sheet, cell: read.address, field, error: read.value.error, projectId });
}

function recordUnreadable(ctx: Ctx, sheet: string, read: Read, field: string, reason: string, projectId: string | null): void {
  const k = `${sheet}!${read.address}`;
  if (ctx.seenUnreadable.has(k)) return;
  ctx.seenUnreadable.add(k);
  ctx.model.unreadable.push({ sheet, cell: read.address, field, raw: read.value, reason, projectId });
}

function textOf(read: Read | undefined): string | null {
  if (!read || isCellError(read.value)) return null;
  const t = cellText(read.value);
  return t === "" ? null : t;
}

/** The row's cells in the mapped columns, for blank-row and skip-row tests. */
function rowIsBlank(plan: SheetPlan, r: number): boolean {
  const cols = sortedColumns(plan);
  for (let i = 0; i < cols.length; i++) if (!isEmpty(plan.grid.raw(r, cols[i]))) return false;
  return true;
}

/** The row's first non-empty cell as text, not yet squeezed ("" when there is none). */
function firstText(plan: SheetPlan, r: number): string {
  const end = plan.resultFrom ?? plan.grid.cols;
  for (let c = 0; c < end; c++) {
    const v = plan.grid.raw(r, c);
    if (!isEmpty(v)) return cellText(v);
  }
  return "";
}

/** Memo of the text-only skip tests: by raw text, is it a subtotal; as a row's first cell, does it skip the row. */
interface SkipMemo {
  subtotal: Map<string, boolean>;
  first: Map<string, boolean>;
  name: Map<string, boolean>;
  code: Map<string, boolean>;
  indicator: Map<string, boolean>;
}

function newSkipMemo(): SkipMemo {
  return { subtotal: new Map(), first: new Map(), name: new Map(), code: new Map(), indicator: new Map() };
}

function isSubtotalMemo(t: string | null, memo: SkipMemo): boolean {
  if (!t) return false;
  let r = memo.subtotal.get(t);
  if (r === undefined) memo.subtotal.set(t, (r = isSubtotal(t)));
  return r;
}

/** A row whose first cell is a note (注：…) or a subtotal: the same tests as on the squeezed text, answered once per text. */
function firstSkips(raw: string, memo: SkipMemo): boolean {
  let r = memo.first.get(raw);
  if (r === undefined) {
    const first = raw === "" ? "" : squeezeText(raw);
    memo.first.set(raw, (r = NOTE_ROW.test(first) || isSubtotal(first)));
  }
  return r;
}

function isSubtotal(t: string | null): boolean {
  if (!t) return false;
  const s = squeezeText(t);
  return SUBTOTAL_HEAD.test(s) || SUBTOTAL_TAIL.test(s);
}

/** The mapped columns in sheet order, computed once per plan (the columns do not change while rows are read). */
const SORTED = new WeakMap<Map<string, number>, number[]>();
function sortedColumns(plan: SheetPlan): number[] {
  let s = SORTED.get(plan.columns);
  if (!s) SORTED.set(plan.columns, (s = Array.from(plan.columns.values()).sort((a, b) => a - b)));
  return s;
}

/** A 栏次 row under the header: 1 | 2 | 3 | … (or 甲 | 乙 | 1 | 2). */
function isColumnNumberRow(plan: SheetPlan, r: number): boolean {
  // At least three integers, each one more than the one before, and nothing else but 甲乙丙丁戊.
  let count = 0;
  let last = 0;
  let consecutive = true;
  const cols = sortedColumns(plan);
  for (let i = 0; i < cols.length; i++) {
    const v = plan.grid.raw(r, cols[i]);
    if (isEmpty(v)) continue;
    if (typeof v === "number" && Number.isInteger(v)) {
      if (count > 0 && v !== last + 1) consecutive = false;
      last = v;
      count++;
    } else if (typeof v === "string" && /^[甲乙丙丁戊]$/.test(v.trim())) continue;
    else return false;
  }
  return count >= 3 && consecutive;
}

/** A repeated header row (page breaks in exports): its name cell is itself a header synonym. */
function isRepeatedHeader(key: string | null, field: "name" | "code" | "indicator", idx: SynonymIndex, memo?: Map<string, boolean>): boolean {
  if (!key) return false;
  if (memo) {
    let r = memo.get(key);
    if (r === undefined) memo.set(key, (r = isRepeatedHeader(key, field, idx)));
    return r;
  }
  const h = normaliseHeader(key).key;
  if (field === "indicator") return matchIndicatorHeader(h, idx) === "name";
  const f = matchProjectHeader(h, idx);
  return f === field;
}

/** A row that is no record: blank, a note or subtotal, a 栏次 row, a repeated header (code, name and a third text tested as subtotals). */
function skipRow(plan: SheetPlan, r: number, ctx: Ctx, code: string | null, name: string | null, third?: string | null): boolean {
  if (rowIsBlank(plan, r)) return true;
  const memo = ctx.skipTexts;
  if (firstSkips(firstText(plan, r), memo)) return true;
  if (isSubtotalMemo(code, memo) || isSubtotalMemo(name, memo) || (third !== undefined && isSubtotalMemo(third, memo))) return true;
  if (isColumnNumberRow(plan, r)) return true;
  if (isRepeatedHeader(name, "name", ctx.idx, memo.name) || isRepeatedHeader(code, "code", ctx.idx, memo.code)) return true;
  return false;
}

function round(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

function moneyFactor(rb: Rulebook, unit: string): number | null {
  const f = rb.units.money[unit];
  return typeof f === "number" ? f : null;
}

function readAmount(ctx: Ctx, plan: SheetPlan, read: Read | undefined, field: string, projectId: string | null): number | null {
  if (!read || isNumericBlank(read.value)) return null;
  const sheet = plan.scan.sheet;
  if (isCellError(read.value)) {
    recordError(ctx, sheet, read, field, projectId);
    return null;
  }
  const r = parseNumber(read.value, { units: ctx.rulebook.units });
  if (!r.ok) {
    recordUnreadable(ctx, sheet, read, field, r.reason, projectId);
    return null;
  }
  if (r.approx) {
    recordUnreadable(ctx, sheet, read, field, "是近似数，不是确切金额", projectId);
    return null;
  }
  const colUnit = plan.colUnits.get(read.col) ?? plan.unit;
  // A unit written in the cell (「50万」) must be money; the column's own unit is trusted.
  const cellUnit = moneyUnit(r.unit);
  if (cellUnit !== null && moneyFactor(ctx.rulebook, cellUnit) === null) {
    recordUnreadable(ctx, sheet, read, field, `单位「${cellUnit}」不是金额单位`, projectId);
    return null;
  }
  const from = moneyFactor(ctx.rulebook, cellUnit ?? colUnit);
  const to = moneyFactor(ctx.rulebook, ctx.bookUnit);
  const value = from === null || to === null || from === to ? r.value : round((r.value * from) / to);
  return plausibleAmount(ctx.model, ctx.rulebook, ctx.bookUnit, value, () => ({ sheet, cell: read.address, field, raw: read.value, projectId }));
}

function readScore(ctx: Ctx, plan: SheetPlan, read: Read | undefined, field: string, projectId: string | null): number | null {
  if (!read || isNumericBlank(read.value)) return null;
  const sheet = plan.scan.sheet;
  if (isCellError(read.value)) {
    recordError(ctx, sheet, read, field, projectId);
    return null;
  }
  const r = parseNumber(read.value, { units: ctx.rulebook.units, percentFormat: isPercentFormat(plan.grid.formatAt(read.row, read.col)) });
  if (!r.ok) {
    recordUnreadable(ctx, sheet, read, field, r.reason, projectId);
    return null;
  }
  if (r.approx) {
    recordUnreadable(ctx, sheet, read, field, "是近似数，不是确切分值", projectId);
    return null;
  }
  return r.value;
}

function readText(ctx: Ctx, plan: SheetPlan, read: Read | undefined, field: string, projectId: string | null): string | null {
  if (!read) return null;
  if (isCellError(read.value)) {
    recordError(ctx, plan.scan.sheet, read, field, projectId);
    return null;
  }
  return textOf(read);
}

function readDate(ctx: Ctx, plan: SheetPlan, read: Read | undefined, field: string, projectId: string | null): string | null {
  if (!read || isEmpty(read.value)) return null;
  if (isCellError(read.value)) {
    recordError(ctx, plan.scan.sheet, read, field, projectId);
    return null;
  }
  if (typeof read.value === "number") {
    const fmt = plan.grid.formatAt(read.row, read.col);
    if (isDateFormat(fmt) || (read.value > 20000 && read.value < 80000)) return excelSerialToISO(read.value) ?? cellText(read.value);
    return cellText(read.value);
  }
  const t = textOf(read);
  return t === null ? null : (isoFromText(t) ?? t);
}

/** The empty value, shared by every empty cell (values are never modified once read). */
const EMPTY: ParsedValue = Object.freeze({ kind: "empty" });

function isPlain(v: CellValue): boolean {
  return v === null || typeof v !== "object";
}

/** The parsed values for one combination of format flags, operator cell and unit cell (see readValue). */
function valueMemo(ctx: Ctx, percentFormat: boolean, dateFormat: boolean, op: string, unit: string): Map<string | number, ParsedValue> {
  const byOp = ctx.values[(percentFormat ? 2 : 0) + (dateFormat ? 1 : 0)];
  let byUnit = byOp.get(op);
  if (!byUnit) byOp.set(op, (byUnit = new Map()));
  let m = byUnit.get(unit);
  if (!m) byUnit.set(unit, (m = new Map()));
  return m;
}

function readValue(ctx: Ctx, plan: SheetPlan, read: Read | undefined, field: string, projectId: string | null, operatorCellIn: CellValue | undefined, unitCellIn: CellValue | undefined): ParsedValue {
  if (!read || isEmpty(read.value)) return EMPTY;
  if (isCellError(read.value)) {
    recordError(ctx, plan.scan.sheet, read, field, projectId);
    return EMPTY;
  }
  const fmt = plan.grid.formatAt(read.row, read.col);
  const percentFormat = isPercentFormat(fmt);
  const dateFormat = isDateFormat(fmt);
  const operatorCell = operatorCellIn ?? null;
  const unitCell = unitCellIn ?? null;
  // The same texts recur on thousands of rows (「≥95%」「达成年度指标」): each distinct cell
  // (with its operator and unit cells and format) is parsed once per reading, and its value shared.
  // Keyed by format flags, then String(operator cell), String(unit cell), then the value itself
  // (a number, or String(value) otherwise): the same identity as one joined key, without building it.
  const memo = isPlain(operatorCell) && isPlain(unitCell) ? valueMemo(ctx, percentFormat, dateFormat, String(operatorCell), String(unitCell)) : null;
  const vk = typeof read.value === "number" ? read.value : String(read.value);
  const hit = memo?.get(vk);
  if (hit) return hit;
  const v = parseIndicatorValue(read.value, { operatorCell, unitCell, percentFormat, dateFormat, units: ctx.rulebook.units });
  if (memo) memo.set(vk, v.kind === "empty" ? EMPTY : Object.freeze(v));
  return v;
}

function cleanCell(v: CellValue | undefined): CellValue {
  return v === undefined || isCellError(v) ? null : v;
}

function readProject(ctx: Ctx, plan: SheetPlan, r: number, usedIds: Set<string>): Project {
  const sheet = plan.scan.sheet;
  const cells: Partial<Record<ProjectField, string>> = {};
  const raw: Partial<Record<ProjectField, CellValue>> = {};
  const reads: Partial<Record<ProjectField, Read>> = {};
  // The sheet's project columns in the order of its column map (the order of `cells`).
  const cols = projectColumns(plan);
  for (let i = 0; i < cols.length; i++) {
    const f = cols[i][0];
    const read = new LazyRead(plan.grid, r, cols[i][1]);
    reads[f] = read;
    cells[f] = read.address;
    raw[f] = read.value;
  }
  const codeRead = reads.code;
  const codeText = codeRead !== undefined && !isCellError(codeRead.value) ? textOf(codeRead) : null;
  let id = codeText ?? `${sheet}!${r + 1}`;
  if (usedIds.has(id)) id = `${id}@${sheet}!${r + 1}`;
  usedIds.add(id);
  const t = (f: ProjectField) => readText(ctx, plan, reads[f], f, id);
  const amount = (f: ProjectField) => readAmount(ctx, plan, reads[f], f, id);
  const score = (f: ProjectField) => readScore(ctx, plan, reads[f], f, id);
  const date = (f: ProjectField) => readDate(ctx, plan, reads[f], f, id);
  const values: Partial<Record<ProjectField, number | null>> = {};
  for (let i = 0; i < AMOUNT_FIELDS.length; i++) values[AMOUNT_FIELDS[i]] = amount(AMOUNT_FIELDS[i]);
  for (let i = 0; i < PROJECT_SCORE_FIELDS.length; i++) values[PROJECT_SCORE_FIELDS[i]] = score(PROJECT_SCORE_FIELDS[i]);
  const dates: Partial<Record<ProjectField, string | null>> = {};
  for (let i = 0; i < PROJECT_DATE_FIELDS.length; i++) dates[PROJECT_DATE_FIELDS[i]] = date(PROJECT_DATE_FIELDS[i]);
  const code = t("code");
  const name = t("name");
  return {
    id,
    origin: { sheet, row: r + 1, cells, raw },
    code,
    name: name ?? "",
    department: t("department"),
    implementer: t("implementer"),
    attribute: t("attribute"),
    fundType: t("fundType"),
    initialBudget: values.initialBudget ?? null,
    budget: values.budget ?? values.initialBudget ?? null,
    spent: values.spent ?? null,
    fiscalFunds: values.fiscalFunds ?? null,
    otherFunds: values.otherFunds ?? null,
    cumulativeSpent: values.cumulativeSpent ?? null,
    forecastSpent: values.forecastSpent ?? null,
    goal: t("goal"),
    executionReason: t("executionReason"),
    declaredExecutionScore: values.declaredExecutionScore ?? null,
    declaredTotal: values.declaredTotal ?? null,
    declaredGrade: t("declaredGrade"),
    startDate: dates.startDate ?? null,
    endDate: dates.endDate ?? null,
    indicators: [],
  };
}

/** A sheet's mapped project fields with their columns, in its column map's order; computed once per plan. */
const PROJECT_COLUMNS = new WeakMap<SheetPlan, [ProjectField, number][]>();
function projectColumns(plan: SheetPlan): [ProjectField, number][] {
  let cols = PROJECT_COLUMNS.get(plan);
  if (!cols) {
    cols = [];
    for (const [key, c] of plan.columns) if (c !== undefined && isProjectKey(key)) cols.push([key, c]);
    PROJECT_COLUMNS.set(plan, cols);
  }
  return cols;
}

const PROJECT_KEY_SET = new Set<string>([
  "code", "name", "department", "implementer", "attribute", "fundType", "initialBudget", "budget", "spent", "fiscalFunds", "otherFunds",
  "goal", "goalActual", "executionReason", "declaredExecutionScore", "declaredTotal", "declaredGrade", "cumulativeSpent", "forecastSpent", "startDate", "endDate",
]);
function isProjectKey(k: string): k is ProjectField {
  return PROJECT_KEY_SET.has(k);
}

/** Indicator field → detection key on this sheet (三级指标 is 「indicatorName」 on a combined sheet). */
function ikey(plan: SheetPlan, f: IndicatorField): string | null {
  if (plan.role === "combined") {
    if (f === "name") return COMBINED_INDICATOR_NAME_KEY;
    if (f === "projectCode") return "code";
    if (f === "projectName") return "name";
  }
  return f;
}

/** The 一级 / 二级 being filled down: its text and the 0-based row of the cell it was read from (−1: none yet). */
interface LevelEntry {
  readonly text: string | null;
  readonly row: number;
}
interface LevelMemory {
  l1: LevelEntry;
  l2: LevelEntry;
}
const NO_LEVEL: LevelEntry = Object.freeze({ text: null, row: -1 });

function freshLevels(): LevelMemory {
  return { l1: NO_LEVEL, l2: NO_LEVEL };
}

/** Does row r carry an indicator (a 三级指标 name or a target)? */
function hasIndicator(plan: SheetPlan, r: number): boolean {
  const { nameCol, targetCol } = sheetReads(plan);
  return (nameCol !== undefined && !isEmpty(plan.grid.raw(r, nameCol))) || (targetCol !== undefined && !isEmpty(plan.grid.raw(r, targetCol)));
}

/** Update the 一级/二级 memory from row r (merged or blank-repeated cells are filled down). */
function updateLevels(ctx: Ctx, plan: SheetPlan, r: number, mem: LevelMemory): void {
  const reads = sheetReads(plan);
  const l1 = reads.level1;
  const l2 = reads.level2;
  l1?.moveTo(r);
  l2?.moveTo(r);
  const l1t = l1 ? readText(ctx, plan, l1, "level1", null) : null;
  if (l1t !== null && l1) {
    // A new 一级 cell (another text, or a cell outside the merge the last one came from).
    if (l1t !== mem.l1.text || mem.l1.row < 0 || !plan.grid.sameMerge(r, l1.col, mem.l1.row, l1.col)) {
      if (l1t !== mem.l1.text) mem.l2 = NO_LEVEL;
      mem.l1 = { text: l1t, row: r };
    }
  }
  const l2t = l2 ? readText(ctx, plan, l2, "level2", null) : null;
  if (l2t !== null && l2) mem.l2 = l2t === mem.l2.text && mem.l2.row >= 0 && plan.grid.sameMerge(r, l2.col, mem.l2.row, l2.col) ? mem.l2 : { text: l2t, row: r };
}

/** canonicalLevel2, once per distinct text of a reading (every row repeats its 二级). */
function level2Of(ctx: Ctx, text: string | null): string | null {
  if (!text) return canonicalLevel2(text, ctx.rulebook.framework);
  let r = ctx.level2.get(text);
  if (r === undefined) ctx.level2.set(text, (r = canonicalLevel2(text, ctx.rulebook.framework)));
  return r;
}

/** The indicator fields read from every row, in this order (the order of `origin.cells`). */
const INDICATOR_FIELDS: IndicatorField[] = ["projectCode", "projectName", "level1", "level2", "name", "operator", "target", "unit", "actual", "weight", "score", "reason", "current", "forecast", "possibility", "lastYear"];

/** The mapped indicator fields of a sheet with their columns, in INDICATOR_FIELDS order; computed once per plan. */
const INDICATOR_COLUMNS = new WeakMap<SheetPlan, [IndicatorField, number][]>();
function indicatorColumns(plan: SheetPlan): [IndicatorField, number][] {
  let cols = INDICATOR_COLUMNS.get(plan);
  if (!cols) {
    cols = [];
    for (const f of INDICATOR_FIELDS) {
      const k = ikey(plan, f);
      const c = k === null ? undefined : plan.columns.get(k);
      if (c !== undefined) cols.push([f, c]);
    }
    INDICATOR_COLUMNS.set(plan, cols);
  }
  return cols;
}

/**
 * An object with the sheet's indicator fields as keys, in order: rows copy it (`{ ...template }`
 * keeps its shape, so the copy holds its properties in place instead of growing a separate
 * property store — about 16 bytes less per object) and then set every key.
 */
const ROW_TEMPLATE = new WeakMap<SheetPlan, Record<string, null>>();
function rowTemplate(plan: SheetPlan): Record<string, null> {
  let t = ROW_TEMPLATE.get(plan);
  if (!t) {
    const keys: Record<string, null> = {};
    for (const [f] of indicatorColumns(plan)) keys[f] = null;
    // Through JSON: the parsed object holds all its properties in place (a grown {} does not).
    t = JSON.parse(JSON.stringify(keys)) as Record<string, null>;
    ROW_TEMPLATE.set(plan, t);
  }
  return t;
}

/**
 * Where an indicator row of a list came from. Its A1 addresses (`cells`, in INDICATOR_FIELDS
 * order, merge-aware, 一级/二级 at the cell they were filled down from) and its raw values (`raw`)
 * are worked out from the sheet when first asked for — by a finding, the review round's
 * fingerprints, a drop-down choice — and then kept. Most rows are never asked: ten address
 * strings and a value record per indicator were half of the model. `hasCell`, `rawValue` and
 * `forEachCell` answer without making either.
 */
class ListRowOrigin implements Origin<IndicatorField> {
  readonly sheet: string;
  readonly row: number;
  readonly #plan: SheetPlan;
  /** 0-based rows of the 一级 / 二级 cells this row's levels were filled down from (−1: its own), and their texts. */
  readonly #l1: number;
  readonly #l2: number;
  readonly #l1Text: string | null;
  readonly #l2Text: string | null;
  #cells: Partial<Record<IndicatorField, string>> | undefined = undefined;
  #raw: Partial<Record<IndicatorField, CellValue>> | undefined = undefined;

  constructor(plan: SheetPlan, row: number, l1: number, l2: number, l1Text: string | null, l2Text: string | null) {
    this.sheet = plan.scan.sheet;
    this.row = row;
    this.#plan = plan;
    this.#l1 = l1;
    this.#l2 = l2;
    this.#l1Text = l1Text;
    this.#l2Text = l2Text;
  }

  /** The raw values by field, as read (一级 / 二级: the text filled down); worked out when first asked for, then kept. */
  get raw(): Partial<Record<IndicatorField, CellValue>> {
    let raw = this.#raw;
    if (raw === undefined) {
      const plan = this.#plan;
      raw = { ...rowTemplate(plan) } as Partial<Record<IndicatorField, CellValue>>;
      for (const [f] of indicatorColumns(plan)) raw[f] = this.rawValue(f);
      this.#raw = raw;
    }
    return raw;
  }

  /** One raw value, without making the whole record (undefined: no such column). */
  rawValue(field: IndicatorField): CellValue | undefined {
    if (this.#raw !== undefined) return this.#raw[field];
    if (field === "level1" && this.#l1 >= 0) return this.#l1Text;
    if (field === "level2" && this.#l2 >= 0) return this.#l2Text;
    const cols = indicatorColumns(this.#plan);
    for (let i = 0; i < cols.length; i++) if (cols[i][0] === field) return this.#plan.grid.value(this.row - 1, cols[i][1]);
    return undefined;
  }

  hasCell(field: IndicatorField): boolean {
    if (this.#cells !== undefined) return this.#cells[field] !== undefined;
    return mappedFields(this.#plan).has(field);
  }

  get cells(): Partial<Record<IndicatorField, string>> {
    let cells = this.#cells;
    if (cells === undefined) {
      cells = { ...rowTemplate(this.#plan) } as Partial<Record<IndicatorField, string>>;
      const c = cells;
      this.#addresses((f, a) => (c[f] = a));
      this.#cells = cells;
    }
    return cells;
  }

  forEachCell(fn: (field: IndicatorField, address: string) => void): void {
    const cells = this.#cells;
    if (cells === undefined) return this.#addresses(fn);
    for (const f in cells) {
      const a = cells[f as IndicatorField];
      if (a !== undefined) fn(f as IndicatorField, a);
    }
  }

  /** The addresses in INDICATOR_FIELDS order (一级 / 二级 where they were filled down from). */
  #addresses(fn: (field: IndicatorField, address: string) => void): void {
    const plan = this.#plan;
    for (const [f, c] of indicatorColumns(plan)) {
      const r = f === "level1" && this.#l1 >= 0 ? this.#l1 : f === "level2" && this.#l2 >= 0 ? this.#l2 : this.row - 1;
      fn(f, plan.grid.address(r, c));
    }
  }
}

/** The sheet's mapped indicator fields, as a set (made once per plan). */
const MAPPED_FIELDS = new WeakMap<SheetPlan, Set<IndicatorField>>();
function mappedFields(plan: SheetPlan): Set<IndicatorField> {
  let s = MAPPED_FIELDS.get(plan);
  if (!s) MAPPED_FIELDS.set(plan, (s = new Set(indicatorColumns(plan).map(([f]) => f))));
  return s;
}

/**
 * One read per mapped column of a sheet, moved from row to row by readIndicator (twenty thousand
 * rows, ten cells each: no object per cell), and the field → read object the value readers use.
 */
const ROW_READS = new WeakMap<SheetPlan, { reads: Partial<Record<IndicatorField, LazyRead>>; slots: LazyRead[] }>();
function rowReads(plan: SheetPlan): { reads: Partial<Record<IndicatorField, LazyRead>>; slots: LazyRead[] } {
  let rr = ROW_READS.get(plan);
  if (!rr) {
    const reads = { ...rowTemplate(plan) } as Partial<Record<IndicatorField, LazyRead>>;
    const slots: LazyRead[] = [];
    for (const [f, c] of indicatorColumns(plan)) {
      const read = new LazyRead(plan.grid, plan.dataStart, c);
      slots.push(read);
      reads[f] = read;
    }
    ROW_READS.set(plan, (rr = { reads, slots }));
  }
  return rr;
}

class LazyRead implements Read {
  // Declared only and set in the constructor: no field initialisers to run (reads are made for every project row).
  declare value: CellValue;
  declare row: number;
  declare readonly col: number;
  declare private readonly grid: MergedGrid;
  declare private known: string | undefined;
  constructor(grid: MergedGrid, row: number, col: number) {
    this.grid = grid;
    this.row = row;
    this.col = col;
    this.value = grid.value(row, col);
    this.known = undefined;
  }
  get address(): string {
    return (this.known ??= this.grid.address(this.row, this.col));
  }
  /** The same column on row r (readIndicator's reads: see rowReads). */
  moveTo(r: number): void {
    this.row = r;
    this.value = this.grid.value(r, this.col);
    this.known = undefined;
  }
}

function readIndicator(ctx: Ctx, plan: SheetPlan, r: number, mem: LevelMemory, projectId: string | null): Indicator {
  const sheet = plan.scan.sheet;
  // The reads are the sheet's own, moved to this row: the value readers keep nothing of a read.
  const { reads, slots } = rowReads(plan);
  for (let i = 0; i < slots.length; i++) slots[i].moveTo(r);
  const l1 = mem.l1.row >= 0 && plan.columns.has("level1") ? mem.l1.row : -1;
  const l2 = mem.l2.row >= 0 && plan.columns.has("level2") ? mem.l2.row : -1;
  const opRead = reads.operator;
  const unitRead = reads.unit;
  const opCell = cleanCell(opRead?.value);
  const unitCell = cleanCell(unitRead?.value);
  if (opRead) recordError(ctx, sheet, opRead, "operator", projectId);
  if (unitRead) recordError(ctx, sheet, unitRead, "unit", projectId);
  return {
    id: `${sheet}!${r + 1}`,
    origin: new ListRowOrigin(plan, r + 1, l1, l2, mem.l1.text, mem.l2.text),
    level1: canonicalLevel1(mem.l1.text),
    level1Text: mem.l1.text,
    level2: level2Of(ctx, mem.l2.text),
    level2Text: mem.l2.text,
    name: readText(ctx, plan, reads.name, "name", projectId) ?? "",
    target: readValue(ctx, plan, reads.target, "target", projectId, opCell, unitCell),
    actual: readValue(ctx, plan, reads.actual, "actual", projectId, null, unitCell),
    weight: readScore(ctx, plan, reads.weight, "weight", projectId),
    declaredScore: readScore(ctx, plan, reads.score, "score", projectId),
    reason: readText(ctx, plan, reads.reason, "reason", projectId),
    current: readValue(ctx, plan, reads.current, "current", projectId, null, unitCell),
    forecast: readValue(ctx, plan, reads.forecast, "forecast", projectId, null, unitCell),
    possibility: readText(ctx, plan, reads.possibility, "possibility", projectId),
    lastYear: readValue(ctx, plan, reads.lastYear, "lastYear", projectId, null, unitCell),
  };
}

/**
 * The reads a sheet's row loop moves from row to row (no object per row): the project code and
 * name cells (an indicator sheet's reference to its project), 一级 / 二级, the 三级指标 name (these
 * three are readIndicator's own reads: see rowReads); and the columns that say whether a row
 * carries an indicator. The loops keep nothing of a read but its row, so that a later row does
 * not change what an earlier one found.
 */
interface SheetReads {
  code: LazyRead | undefined;
  name: LazyRead | undefined;
  level1: LazyRead | undefined;
  level2: LazyRead | undefined;
  indicatorName: LazyRead | undefined;
  nameCol: number | undefined;
  targetCol: number | undefined;
}
const SHEET_READS = new WeakMap<SheetPlan, SheetReads>();
function sheetReads(plan: SheetPlan): SheetReads {
  let s = SHEET_READS.get(plan);
  if (!s) {
    const read = (key: string | null) => {
      const c = key === null ? undefined : plan.columns.get(key);
      return c === undefined ? undefined : new LazyRead(plan.grid, plan.dataStart, c);
    };
    const nameKey = ikey(plan, "name");
    const targetKey = ikey(plan, "target");
    const own = rowReads(plan).reads;
    s = {
      code: read(plan.role === "indicators" ? "projectCode" : "code"),
      name: read(plan.role === "indicators" ? "projectName" : "name"),
      level1: own.level1,
      level2: own.level2,
      indicatorName: own.name,
      nameCol: nameKey === null ? undefined : plan.columns.get(nameKey),
      targetCol: targetKey === null ? undefined : plan.columns.get(targetKey),
    };
    SHEET_READS.set(plan, s);
  }
  return s;
}

/** The project code and name texts of row r (the sheet's code / name reads moved there). */
function codeNameAt(plan: SheetPlan, r: number): SheetReads {
  const s = sheetReads(plan);
  s.code?.moveTo(r);
  s.name?.moveTo(r);
  return s;
}

function readProjectSheet(ctx: Ctx, plan: SheetPlan, usedIds: Set<string>): Project[] {
  const out: Project[] = [];
  for (let r = plan.dataStart; r < plan.grid.rows; r++) {
    const cn = codeNameAt(plan, r);
    const codeT = textOf(cn.code);
    const nameT = textOf(cn.name);
    if (skipRow(plan, r, ctx, codeT, nameT, textOf(at(plan, "department", r)))) continue;
    if (!codeT && !nameT) continue;
    // 「一、人社局」「（二）教育类」: a group heading between coded projects, not a project.
    if (!codeT && plan.columns.has("code") && nameT && GROUP_HEADING.test(squeezeText(nameT))) continue;
    out.push(readProject(ctx, plan, r, usedIds));
  }
  return out;
}

function readCombinedSheet(ctx: Ctx, plan: SheetPlan, usedIds: Set<string>): Project[] {
  const out: Project[] = [];
  const byCode = new Map<string, Project>();
  const byName = new Map<string, Project>();
  let current: Project | null = null;
  let mem = freshLevels();
  for (let r = plan.dataStart; r < plan.grid.rows; r++) {
    const { code, name } = codeNameAt(plan, r);
    const codeT = textOf(code);
    const nameT = textOf(name);
    if (skipRow(plan, r, ctx, codeT, nameT)) continue;
    let target: Project | null = null;
    if (!codeT && !nameT) {
      target = current;
    } else if (codeT) {
      const k = matchKey(codeT);
      if (current && current.code && matchKey(current.code) === k && (!nameT || matchKey(nameT) === matchKey(current.name))) target = current;
      else {
        const seen = byCode.get(k);
        if (seen && (!nameT || matchKey(nameT) === matchKey(seen.name))) target = seen;
      }
    } else if (nameT) {
      const k = matchKey(nameT);
      if (current && matchKey(current.name) === k) target = current;
      else {
        const seen = byName.get(k);
        if (seen && !seen.code) target = seen;
      }
    }
    if (!target) {
      if (!codeT && !nameT) {
        // Indicator rows before any project: orphans pointing at the empty project cell.
        if (hasIndicator(plan, r)) {
          updateLevels(ctx, plan, r, mem);
          const ind = readIndicator(ctx, plan, r, mem, null);
          ctx.model.orphans.push({ indicator: ind, projectText: "", cell: (code ?? name)?.address ?? toA1(r, 0) });
        }
        continue;
      }
      target = readProject(ctx, plan, r, usedIds);
      out.push(target);
      if (target.code) byCode.set(matchKey(target.code), target);
      if (target.name) byName.set(matchKey(target.name), target);
    }
    if (target !== current) mem = freshLevels();
    current = target;
    updateLevels(ctx, plan, r, mem);
    if (hasIndicator(plan, r)) target.indicators.push(readIndicator(ctx, plan, r, mem, target.id));
  }
  return out;
}

function readIndicatorSheet(ctx: Ctx, plan: SheetPlan, projects: Project[]): void {
  const byCode = new Map<string, Project>();
  const byName = new Map<string, Project>();
  for (const p of projects) {
    if (p.code && !byCode.has(matchKey(p.code))) byCode.set(matchKey(p.code), p);
    if (p.name && !byName.has(matchKey(p.name))) byName.set(matchKey(p.name), p);
  }
  const hasRef = plan.columns.has("projectCode") || plan.columns.has("projectName");
  // The project the rows refer to: its code and name texts, the rows they were read on, their match keys (worked out once).
  let ref: { codeT: string | null; nameT: string | null; codeRow: number; nameRow: number; codeKey: string | null; nameKey: string | null } = { codeT: null, nameT: null, codeRow: -1, nameRow: -1, codeKey: null, nameKey: null };
  let mem = freshLevels();
  const reads = sheetReads(plan);
  const { code, name } = reads;
  for (let r = plan.dataStart; r < plan.grid.rows; r++) {
    codeNameAt(plan, r);
    const codeT = textOf(code);
    const nameT = textOf(name);
    if (skipRow(plan, r, ctx, codeT, nameT)) continue;
    reads.indicatorName?.moveTo(r);
    if (isRepeatedHeader(textOf(reads.indicatorName), "indicator", ctx.idx, ctx.skipTexts.indicator)) continue;
    if (codeT || nameT) {
      if (codeT !== ref.codeT || nameT !== ref.nameT) {
        mem = freshLevels();
        ref = { codeT, nameT, codeRow: codeT ? r : -1, nameRow: nameT ? r : -1, codeKey: codeT ? matchKey(codeT) : null, nameKey: nameT ? matchKey(nameT) : null };
      } else {
        ref.codeRow = codeT ? r : -1;
        ref.nameRow = nameT ? r : -1;
      }
    }
    updateLevels(ctx, plan, r, mem);
    if (!hasIndicator(plan, r)) continue;
    let project: Project | null = null;
    if (ref.codeKey !== null) project = byCode.get(ref.codeKey) ?? null;
    if (!project && ref.nameKey !== null) project = byName.get(ref.nameKey) ?? null;
    if (!project && !hasRef && projects.length === 1) project = projects[0];
    const ind = readIndicator(ctx, plan, r, mem, project?.id ?? null);
    if (project) project.indicators.push(ind);
    else {
      const cell = ref.codeT ? plan.grid.address(ref.codeRow, code!.col) : ref.nameT ? plan.grid.address(ref.nameRow, name!.col) : code?.address ?? name?.address ?? ind.origin.cells.name ?? toA1(r, 0);
      ctx.model.orphans.push({ indicator: ind, projectText: ref.codeT ?? ref.nameT ?? "", cell });
    }
  }
}

function sheetUnit(rb: Rulebook, columns: Map<string, number>, colUnits: Map<number, string>, above: AboveHeader): string {
  const amountCols = AMOUNT_FIELDS.map((f) => columns.get(f)).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  for (const c of amountCols) {
    const u = colUnits.get(c);
    if (u && rb.units.money[u] !== undefined) return u;
  }
  return above.unit ?? rb.defaultUnit;
}

function planSheets(book: WorkbookSnapshot, rb: Rulebook, idx: SynonymIndex, mapping: MappingOverride | undefined): SheetPlan[] {
  const scans = scanBook(book, idx);
  const roles = assignRoles(scans);
  // A sheet the detection missed but the user mapped.
  for (const [sheetName, ov] of Object.entries(mapping ?? {})) {
    if (roles.has(sheetName) || isOwnSheet(sheetName) || !ov || typeof ov !== "object") continue;
    const sheet = book.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    const role = roleFromOverride(Object.keys(ov).filter((k) => ov[k] !== null));
    if (!role) continue;
    const grid = gridOf(sheet);
    const header = findHeader(grid, idx) ?? evaluateHeaderRow(grid, 0, idx);
    scans.push({ sheet: sheetName, grid, header, ...classify(header) });
    roles.set(sheetName, role);
  }
  const order = new Map(book.sheets.map((s, i) => [s.name, i]));
  scans.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
  const plans: SheetPlan[] = [];
  for (const scan of scans) {
    const role = roles.get(scan.sheet);
    if (!role) continue;
    const columns = columnsFor(role, scan.header);
    applyOverride(role, columns, mapping?.[scan.sheet] ?? undefined);
    const ambiguous = settleAmbiguous(scan.sheet, role, scan.header, scan.grid, columns, mapping?.[scan.sheet] ?? undefined);
    const above = readAboveHeader(scan.grid, scan.header.row);
    const unit = sheetUnit(rb, columns, scan.header.units, above);
    plans.push({
      scan,
      role,
      grid: scan.grid,
      columns,
      dataStart: scan.header.row + 1,
      resultFrom: scan.header.resultFrom,
      unit,
      colUnits: scan.header.units,
      above,
      ambiguous,
    });
  }
  return plans;
}

function detection(plan: SheetPlan): SheetDetection {
  const columns: Record<string, string> = {};
  for (const [k, c] of [...plan.columns].sort((a, b) => a[1] - b[1])) columns[k] = letter(c);
  return { sheet: plan.scan.sheet, role: plan.role, headerRow: plan.scan.header.row + 1, columns, unit: plan.unit };
}

/**
 * The model of a workbook: list layout when a project list (or combined sheet) is found;
 * otherwise, when the workbook holds forms (绩效目标表 / 自评表 / 监控表), the form reader's model.
 */
export function readModel(book: WorkbookSnapshot, rulebook: Rulebook, options: ReadOptions = {}): ModelBook {
  const list = readListModel(book, rulebook, options);
  if (!list.missing.some((m) => m.sheet === null && m.role === "projects")) return list;
  let form: ModelBook | null = null;
  try {
    form = readForms(book, rulebook);
  } catch {
    form = null; // the form reader never throws; should it, the list reading stands
  }
  return form && form.projects.length > 0 ? form : list;
}

/** The list-layout reading alone (no fallback to forms). */
export function readListModel(book: WorkbookSnapshot, rulebook: Rulebook, options: ReadOptions = {}): ModelBook {
  const idx = buildSynonymIndex(rulebook.synonyms ?? {});
  const plans = planSheets(book, rulebook, idx, options.mapping);
  const projectPlans = plans.filter((p) => p.role === "projects" || p.role === "combined");
  const indicatorPlans = plans.filter((p) => p.role === "indicators");
  const bookUnit = projectPlans[0]?.unit ?? rulebook.defaultUnit;
  const model: ModelBook = { ...emptyModel(book.name, "list", bookUnit), detections: plans.map(detection) };
  const ctx: Ctx = { rulebook, bookUnit, model, seenErrors: new Set(), seenUnreadable: new Set(), idx, values: [new Map(), new Map(), new Map(), new Map()], skipTexts: newSkipMemo(), level2: new Map() };
  const ambiguous = plans.flatMap((p) => p.ambiguous);
  if (ambiguous.length) model.anomalies = ambiguous;

  // Fields present, year, as-of date.
  const pf = new Set<ProjectField>();
  const inf = new Set<IndicatorField>();
  for (const p of plans) {
    for (const k of p.columns.keys()) {
      if (p.role !== "indicators" && isProjectKey(k)) pf.add(k);
      if (p.role === "indicators") inf.add(k as IndicatorField);
      if (p.role === "combined") {
        if (k === COMBINED_INDICATOR_NAME_KEY) inf.add("name");
        else if (k === "code") inf.add("projectCode");
        else if (k === "name") inf.add("projectName");
        else if (!isProjectKey(k)) inf.add(k as IndicatorField);
      }
    }
  }
  model.projectFields = [...pf];
  model.indicatorFields = [...inf];
  const abovePriority = [...projectPlans, ...indicatorPlans];
  model.year = abovePriority.map((p) => p.above.year).find((y) => y !== null) ?? abovePriority.map((p) => p.scan.header.year).find((y) => y !== null) ?? null;
  model.asOfInSheet = abovePriority.map((p) => p.above.asOf).find((d) => d !== null) ?? null;

  // Projects (project lists and combined sheets), then indicators.
  const usedIds = new Set<string>();
  for (const plan of projectPlans) {
    const projects = plan.role === "projects" ? readProjectSheet(ctx, plan, usedIds) : readCombinedSheet(ctx, plan, usedIds);
    pushAll(model.projects, projects);
  }
  for (const plan of indicatorPlans) readIndicatorSheet(ctx, plan, model.projects);

  // Required columns and sheets (D001).
  for (const plan of projectPlans) {
    if (!plan.columns.has("name") && !plan.columns.has("code")) {
      model.missing.push({ sheet: plan.scan.sheet, headerRow: plan.scan.header.row + 1, role: "projects", fields: ["name", "code"] });
    }
  }
  for (const plan of plans) {
    if (plan.role === "projects") continue;
    const fields: string[] = [];
    if (!plan.columns.has(plan.role === "combined" ? COMBINED_INDICATOR_NAME_KEY : "name")) fields.push("name");
    if (!plan.columns.has("target")) fields.push("target");
    if (plan.role === "indicators" && !plan.columns.has("projectCode") && !plan.columns.has("projectName") && model.projects.length > 1) fields.push("projectCode");
    if (fields.length) model.missing.push({ sheet: plan.scan.sheet, headerRow: plan.scan.header.row + 1, role: "indicators", fields });
  }
  if (projectPlans.length === 0) model.missing.push({ sheet: null, headerRow: null, role: "projects", fields: [] });
  if (!plans.some((p) => p.role === "indicators" || p.role === "combined")) model.missing.push({ sheet: null, headerRow: null, role: "indicators", fields: [] });

  // Modes (contract.md "Modes").
  const modes: Mode[] = ["目标审核"];
  if (inf.has("actual") && pf.has("spent")) modes.push("绩效自评");
  if (inf.has("current") || pf.has("cumulativeSpent")) modes.push("运行监控");
  model.modes = modes;
  readListChoices(book, model, idx);
  resolveYearlessDates(model);
  return model;
}
