/**
 * Reading one sheet's forms: where each form starts (its 项目名称 label), its label/value pairs,
 * its 项目资金 block, its indicator grid and its 总分 row.
 */
import type { CellValue } from "../../core/grid";
import { toA1 } from "../../core/address";
import type { IndicatorField, ProjectField } from "../../model/fields";
import type { Indicator, ModelBook, Project } from "../../model/model";
import { canonicalLevel1, canonicalLevel2 } from "../../model/framework";
import { excelSerialToISO, isDateFormat, isPercentFormat, parseIndicatorValue, parseNumber } from "../../parse";
import { plausibleAmount } from "../plausible";
import type { ParsedValue } from "../../parse/types";
import type { Rulebook } from "../../rulebook/schema";
import { cellText, MergedGrid } from "../grid";
import { normaliseHeader, squeezeText } from "../header";
import { matchIndicatorHeader, type SynonymIndex } from "../synonyms";
import { inlineAsOf, inlinePair, isNameAnchor, NOTE_LINE, unitLine, yearFromText, type FundsCol, type FundsRow } from "./labels";
import { firstText, isBlank, isError, isEmptyish, rowSegments, type Segment } from "./segments";
import { CHOICE_FIELDS, composeChoice, unmarked, type ChoiceColumn, type ChoiceField } from "../choices";
import { minOf } from "../../core/collections";

/** A cell read: 0-based position of the cell showing the value (a merge's top-left). */
export interface CellRead {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  /** The value's text when the cell also holds its label (「项目名称：XX」). */
  inline?: string;
}

/** Where a form sits on its sheet (0-based rows). */
export interface FormBounds {
  /** Row and column of the 项目名称 label. */
  anchorRow: number;
  anchorCol: number;
  /** Last row that may belong to this form (the row before the next form's anchor, or the sheet's last row). */
  bodyEnd: number;
}

/** The shared state of one readForms run. */
export interface FormCtx {
  rulebook: Rulebook;
  idx: SynonymIndex;
  model: ModelBook;
  /** The book's amount unit (the first form's), null until the first form sets it. */
  bookUnit: string | null;
  seen: Set<string>;
  usedIds: Set<string>;
  projectFields: Set<ProjectField>;
  indicatorFields: Set<IndicatorField>;
  year: number | null;
  looseYear: number | null;
  asOf: string | null;
}

/** A header row of the indicator grid: field → 0-based column. */
export interface GridHeader {
  row: number;
  columns: Map<IndicatorField, number>;
  /**
   * Monitoring forms (财预〔2019〕136号): 完成目标可能性 over 确定能 | 有可能 | 完全不可能 and 偏差原因
   * over 经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 其他, marked with 「√」 or text: the sub-columns
   * (0-based column and heading) of such a field, read as one value (see choiceCell).
   */
  choices?: Map<ChoiceField, ChoiceColumn[]>;
}



/** What a form read gives back besides the project (for detections). */
export interface FormRead {
  project: Project;
  gridHeader: GridHeader | null;
  unit: string;
  /** Row after the form's last row (the next form's title area starts here). */
  next: number;
}

const ANCHOR_MAX_LABELS = 3;
/** The indicator grid's header is looked for within this many rows below the 项目名称 label. */
const MAX_HEAD_ROWS = 80;
const GRID_FIELDS: IndicatorField[] = ["level1", "level2", "name", "operator", "target", "unit", "actual", "weight", "score", "reason", "current", "forecast", "possibility", "lastYear"];
const GRID_MIN_FIELDS = 3;

/** Cheap pre-test: does row r hold a string that could be a 项目名称 label at all? */
function mayHoldAnchor(grid: MergedGrid, r: number, memo: Map<string, boolean>): boolean {
  const row = grid.sheet.values[r];
  if (!row) return false;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v !== "string" || v.length >= 200 || !v.includes("项") || !/项\s*目/.test(v)) continue;
    // The same texts recur on thousands of rows (「项目总成本」): each is tested once per sheet.
    let may = memo.get(v);
    if (may === undefined) memo.set(v, (may = isNameAnchor(v) || /[:：]/.test(v)));
    if (may) return true;
  }
  return false;
}

/** 项目名称 labels with a value beside them: the forms of a sheet, top to bottom. A list's header row (many labels in a row) starts none. */
export function locateForms(grid: MergedGrid, idx: SynonymIndex): FormBounds[] {
  const anchors: { row: number; col: number }[] = [];
  const memo = new Map<string, boolean>();
  for (let r = 0; r < grid.rows; r++) {
    if (!mayHoldAnchor(grid, r, memo)) continue;
    const segs = rowSegments(grid, r, idx);
    const labels = segs.filter((s) => s.label && s.label.kind !== "other").length;
    if (labels >= ANCHOR_MAX_LABELS) continue;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (typeof s.value === "string" && !s.label && inlinePair(s.text, idx)?.field === "name") {
        anchors.push({ row: r, col: s.col });
        break;
      }
      if (!isNameAnchor(s.text)) continue;
      const next = segs[i + 1];
      if (!next || next.label) continue;
      // 项目名称 | 一级指标 | …: an indicator list's header row, not a form.
      if (matchIndicatorHeader(normaliseHeader(next.text).key, idx)) continue;
      // An empty value slot counts only when the form merged it (a blank template's 项目名称 | [   ]).
      if (isBlank(next.value) && next.right === next.col) continue;
      anchors.push({ row: r, col: s.col });
      break;
    }
  }
  const out: FormBounds[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const bodyEnd = k + 1 < anchors.length ? anchors[k + 1].row - 1 : grid.rows - 1;
    out.push({ anchorRow: anchors[k].row, anchorCol: anchors[k].col, bodyEnd });
  }
  return out;
}

/** The indicator grid's header row between two rows: three or more indicator headers, 三级指标 among them. */
export function findGridHeader(grid: MergedGrid, idx: SynonymIndex, from: number, to: number): GridHeader | null {
  for (let r = from; r <= to && r < grid.rows; r++) {
    const columns = new Map<IndicatorField, number>();
    for (const s of rowSegments(grid, r, idx)) {
      if (!s.text || typeof s.value !== "string") continue;
      const f = matchIndicatorHeader(normaliseHeader(s.text).key, idx);
      if (f && GRID_FIELDS.includes(f) && !columns.has(f)) columns.set(f, s.col);
    }
    if (columns.size >= GRID_MIN_FIELDS && columns.has("name")) return withSubHeader(grid, idx, { row: r, columns }, to);
  }
  return null;
}

/**
 * A second header row under the first (Sichuan: 年度指标值 merged over 指标性质 | 指标值 | 度量单位):
 * taken when every filled cell of the next row is an indicator header standing under a header
 * merged across several columns. Its fields win for those columns; the header row is then the second.
 */
function withSubHeader(grid: MergedGrid, idx: SynonymIndex, h: GridHeader, to: number): GridHeader {
  const r = h.row + 1;
  if (r > to || r >= grid.rows) return h;
  const subs: [IndicatorField, number][] = [];
  const choices = new Map<ChoiceField, ChoiceColumn[]>();
  for (const s of rowSegments(grid, r, idx)) {
    if (!s.text) continue;
    const [pr, pc] = grid.origin(h.row, s.col);
    if (pr !== h.row || !grid.sameMerge(h.row, pc, h.row, pc + 1)) return h;
    // Under a merged 完成目标可能性 / 偏差原因 head: its options, whatever they are called.
    const parent = CHOICE_FIELDS.find((g) => h.columns.get(g) === pc);
    if (parent && typeof s.value === "string") {
      choices.set(parent, [...(choices.get(parent) ?? []), { col: s.col, label: squeezeText(s.text) }]);
      continue;
    }
    const f = typeof s.value === "string" ? matchIndicatorHeader(normaliseHeader(s.text).key, idx) : null;
    if (!f || !GRID_FIELDS.includes(f)) return h;
    subs.push([f, s.col]);
  }
  if (!subs.length && !choices.size) return h;
  const columns = new Map(h.columns);
  for (const [f, c] of subs) {
    for (const [g, gc] of [...columns]) if (gc === c && g !== f) columns.delete(g);
    columns.set(f, c);
  }
  return choices.size ? { row: r, columns, choices } : { row: r, columns };
}

/**
 * One value from marked sub-columns (see ../choices): points at the first marked cell (the
 * first sub-column when none is marked); an error value in a marked cell is that cell.
 */
function choiceCell(grid: MergedGrid, r: number, field: ChoiceField, subs: ChoiceColumn[]): CellRead {
  const marked: { label: string; value: CellValue }[] = [];
  let first: CellRead | null = null;
  for (const sub of subs) {
    const c = read(grid, r, sub.col);
    if (c.col !== sub.col || unmarked(c.value)) continue;
    if (isError(c.value)) return c;
    first = first ?? c;
    marked.push({ label: sub.label, value: c.value });
  }
  // The cell keeps its own value (what the sheet holds); the read text is the composed answer ("" when nothing is marked).
  return { ...(first ?? read(grid, r, subs[0].col)), inline: composeChoice(field, marked) };
}

/** Does the area between the anchor and the grid (or the body's end) hold a funds block? */
export function hasFunds(grid: MergedGrid, idx: SynonymIndex, from: number, to: number): boolean {
  for (let r = from; r <= to && r < grid.rows; r++) {
    for (const s of rowSegments(grid, r, idx)) if (s.label && (s.label.kind === "funds" || s.label.kind === "fundsRow" || s.label.kind === "fundsCol")) return true;
  }
  return false;
}

// ------------------------------------------------------------------ cell readers

function read(grid: MergedGrid, r: number, c: number): CellRead {
  const [or, oc] = grid.origin(r, c);
  return { row: or, col: oc, address: toA1(or, oc), value: grid.raw(or, oc) };
}

function fromSegment(s: Segment): CellRead {
  return { row: s.row, col: s.col, address: s.address, value: s.value };
}

function recordError(ctx: FormCtx, sheet: string, c: CellRead, field: string, projectId: string | null): boolean {
  if (!isError(c.value)) return false;
  const k = `e|${sheet}!${c.address}`;
  if (!ctx.seen.has(k)) {
    ctx.seen.add(k);
    ctx.model.cellErrors.push({ sheet, cell: c.address, field, error: c.value.error, projectId });
  }
  return true;
}

function recordUnreadable(ctx: FormCtx, sheet: string, c: CellRead, field: string, reason: string, projectId: string | null): void {
  const k = `u|${sheet}!${c.address}`;
  if (ctx.seen.has(k)) return;
  ctx.seen.add(k);
  ctx.model.unreadable.push({ sheet, cell: c.address, field, raw: c.value, reason, projectId });
}

/** A score or weight: a number or null; what cannot be read is recorded. */
function readScore(ctx: FormCtx, grid: MergedGrid, c: CellRead | undefined, field: string, projectId: string | null): number | null {
  if (!c || isEmptyish(c.value)) return null;
  const sheet = grid.sheet.name;
  if (recordError(ctx, sheet, c, field, projectId)) return null;
  const r = parseNumber(c.value, { units: ctx.rulebook.units, percentFormat: isPercentFormat(grid.format(c.address)) });
  if (!r.ok) {
    recordUnreadable(ctx, sheet, c, field, r.reason, projectId);
    return null;
  }
  if (r.approx) {
    recordUnreadable(ctx, sheet, c, field, "近似数（约、左右），不是确切分值", projectId);
    return null;
  }
  return r.value;
}

function moneyFactor(rb: Rulebook, unit: string | null): number | null {
  if (!unit) return null;
  const f = rb.units.money[unit];
  return typeof f === "number" ? f : null;
}

function round(x: number): number {
  const y = Math.round(x * 1e6) / 1e6;
  return Number.isFinite(y) ? y : x;
}

/** An amount in the form's unit, converted to the book's unit. */
function readAmount(ctx: FormCtx, grid: MergedGrid, c: CellRead | undefined, field: string, projectId: string | null, formUnit: string): number | null {
  if (!c || isEmptyish(c.value)) return null;
  const sheet = grid.sheet.name;
  if (recordError(ctx, sheet, c, field, projectId)) return null;
  const r = parseNumber(c.value, { units: ctx.rulebook.units });
  if (!r.ok) {
    recordUnreadable(ctx, sheet, c, field, r.reason, projectId);
    return null;
  }
  if (r.approx) {
    recordUnreadable(ctx, sheet, c, field, "近似数（约、左右），不是确切金额", projectId);
    return null;
  }
  const unit = r.unit ?? formUnit;
  const from = moneyFactor(ctx.rulebook, unit);
  if (from === null) {
    recordUnreadable(ctx, sheet, c, field, `单位「${unit}」不是金额单位`, projectId);
    return null;
  }
  const to = moneyFactor(ctx.rulebook, ctx.bookUnit ?? formUnit);
  const value = to === null ? r.value : round((r.value * from) / to);
  // Beyond any plausible budget (1e308…): D011, and the amount is not used.
  return plausibleAmount(ctx.model, ctx.rulebook, ctx.bookUnit ?? formUnit, value, () => ({ sheet, cell: c.address, field, raw: c.value, projectId }));
}

function readText(ctx: FormCtx, grid: MergedGrid, c: CellRead | undefined, field: string, projectId: string | null): string | null {
  if (!c) return null;
  if (recordError(ctx, grid.sheet.name, c, field, projectId)) return null;
  const t = c.inline ?? cellText(c.value);
  return t === "" ? null : t;
}

function readDate(ctx: FormCtx, grid: MergedGrid, c: CellRead | undefined, field: string, projectId: string | null): string | null {
  if (!c || isBlank(c.value)) return null;
  if (recordError(ctx, grid.sheet.name, c, field, projectId)) return null;
  if (typeof c.value === "number" && isDateFormat(grid.format(c.address))) return excelSerialToISO(c.value) ?? cellText(c.value);
  const t = cellText(c.value);
  return t === "" ? null : t;
}

function readValue(ctx: FormCtx, grid: MergedGrid, c: CellRead | undefined, field: string, projectId: string | null, opts: { operatorCell?: CellValue; unitCell?: CellValue }): ParsedValue {
  if (!c || isEmptyish(c.value)) return { kind: "empty" };
  if (recordError(ctx, grid.sheet.name, c, field, projectId)) return { kind: "empty" };
  const fmt = grid.format(c.address);
  return parseIndicatorValue(c.value, {
    operatorCell: opts.operatorCell ?? null,
    unitCell: opts.unitCell ?? null,
    percentFormat: isPercentFormat(fmt),
    dateFormat: isDateFormat(fmt),
    units: ctx.rulebook.units,
  });
}

function plainCell(v: CellValue): CellValue {
  return isError(v) ? null : v;
}

// ------------------------------------------------------------------ labels and the funds block

type FundsTable = Partial<Record<FundsRow, Partial<Record<FundsCol, CellRead>>>>;

interface LabelScan {
  cells: Partial<Record<ProjectField, CellRead>>;
  seen: Set<ProjectField>;
  funds: FundsTable;
  unit: string | null;
  asOf: CellRead | string | null;
}

/**
 * The value of a label: the next segment to its right when that is a filled value; else the
 * filled cell below it (a row of heads with values under them, 湘潭 style); else the empty
 * value slot to its right. A label is never another label's value.
 */
function valueOf(grid: MergedGrid, idx: SynonymIndex, segs: Segment[], i: number, lastRow: number): CellRead | null {
  const s = segs[i];
  const next = segs[i + 1];
  const right = next && !next.label ? next : null;
  if (right && !isBlank(right.value)) return fromSegment(right);
  const under = below(grid, idx, s, lastRow);
  if (under && !isBlank(under.value)) return fromSegment(under);
  // An empty slot: right of the label, else under it (「预期目标」 over an empty goal) — the field's cell, empty.
  return right ? fromSegment(right) : under ? fromSegment(under) : null;
}

function below(grid: MergedGrid, idx: SynonymIndex, s: Segment, lastRow: number): Segment | null {
  const r = s.bottom + 1;
  if (r > lastRow || r >= grid.rows) return null;
  const [or, oc] = grid.origin(r, s.col);
  if (or !== r || oc !== s.col) return null;
  const segs = rowSegments(grid, r, idx);
  const k = segs.findIndex((x) => x.col === oc);
  if (k < 0 || segs[k].label) return null;
  // A value right of its own label (「项目属性 | 经常性」) belongs to that label, not to the head above.
  if (k > 0 && segs[k - 1].label && segs[k - 1].right === oc - 1) return null;
  return segs[k];
}

const FUNDS_ROW_OF: Partial<Record<ProjectField, FundsRow>> = { fiscalFunds: "fiscal", otherFunds: "other" };

/** Label/value pairs and the funds block in rows from..to. */
function scanLabels(grid: MergedGrid, idx: SynonymIndex, from: number, to: number): LabelScan {
  const out: LabelScan = { cells: {}, seen: new Set(), funds: {}, unit: null, asOf: null };
  const rows: Segment[][] = [];
  for (let r = from; r <= to; r++) rows.push(rowSegments(grid, r, idx));
  const consumed = new Set<Segment>();

  // The funds matrix: a row of column heads (年初预算数 | 全年预算数 | …) with row labels (年度资金总额 …) below, left of the heads.
  for (let i = 0; i < rows.length; i++) {
    const heads = rows[i].filter((s) => s.label?.kind === "fundsCol");
    if (heads.length < 2) continue;
    const firstHead = minOf(heads.map((h) => h.col));
    const bodyRows: { seg: Segment; row: FundsRow }[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const lab = rows[j].find((s) => s.col < firstHead && s.label?.kind === "fundsRow");
      if (!lab) {
        if (rows[j].some((s) => s.label && s.label.kind !== "other")) break;
        continue;
      }
      if (lab.label?.kind === "fundsRow") bodyRows.push({ seg: lab, row: lab.label.row });
    }
    if (!bodyRows.length) continue;
    for (const h of heads) {
      consumed.add(h);
      if (h.label?.kind === "fundsCol" && h.label.unit) out.unit = out.unit ?? h.label.unit;
    }
    for (const b of bodyRows) {
      consumed.add(b.seg);
      if (b.seg.label?.kind === "fundsRow" && b.seg.label.unit) out.unit = out.unit ?? b.seg.label.unit;
      const line = (out.funds[b.row] = out.funds[b.row] ?? {});
      for (const h of heads) {
        if (h.label?.kind !== "fundsCol") continue;
        const [or] = grid.origin(b.seg.row, h.col);
        if (or !== b.seg.row) continue;
        if (!line[h.label.col]) line[h.label.col] = read(grid, b.seg.row, h.col);
      }
    }
    break;
  }

  for (let i = 0; i < rows.length; i++) {
    const segs = rows[i];
    for (let k = 0; k < segs.length; k++) {
      const s = segs[k];
      const lab = s.label;
      // 「金额单位：万元」 written in one cell.
      if (s.text && typeof s.value === "string") out.unit = out.unit ?? unitLine(s.text);
      if (!lab) {
        // 「项目名称：XX」 and 「监控截止日期：2024-07-31」 written in one cell.
        const pair = s.text && typeof s.value === "string" ? inlinePair(s.text, idx) : null;
        if (pair) {
          out.seen.add(pair.field);
          if (!out.cells[pair.field]) out.cells[pair.field] = { ...fromSegment(s), inline: pair.value };
          continue;
        }
        if (s.text) {
          const inline = inlineAsOf(s.text);
          if (inline && !out.asOf) out.asOf = inline;
        }
        continue;
      }
      if (consumed.has(s)) continue;
      if (lab.kind === "funds") {
        out.unit = out.unit ?? lab.unit;
        continue;
      }
      if (lab.kind === "asOf") {
        const v = valueOf(grid, idx, segs, k, to);
        if (v && !out.asOf) out.asOf = v;
        continue;
      }
      if (lab.kind === "fundsRow") {
        out.unit = out.unit ?? lab.unit;
        const v = valueOf(grid, idx, segs, k, to);
        const line = (out.funds[lab.row] = out.funds[lab.row] ?? {});
        if (v && !line.initialBudget) line.initialBudget = v;
        continue;
      }
      if (lab.kind === "fundsCol") {
        out.unit = out.unit ?? lab.unit;
        const v = valueOf(grid, idx, segs, k, to);
        const line = (out.funds.total = out.funds.total ?? {});
        if (v && !line[lab.col]) line[lab.col] = v;
        continue;
      }
      if (lab.kind !== "project") continue;
      const f = lab.field;
      const row = FUNDS_ROW_OF[f];
      const v = valueOf(grid, idx, segs, k, to);
      if (row) {
        const line = (out.funds[row] = out.funds[row] ?? {});
        if (v && !line.initialBudget) line.initialBudget = v;
        continue;
      }
      out.seen.add(f);
      // A filled value wins over an empty slot found earlier for the same field.
      const cur = out.cells[f];
      if (v && (!cur || (isBlank(cur.value) && !cur.inline && !isBlank(v.value)))) out.cells[f] = v;
    }
  }
  return out;
}

// ------------------------------------------------------------------ one form

const NAME_KEY = "indicatorName";

function isoFrom(grid: MergedGrid, v: CellRead | string | null): string | null {
  if (v === null) return null;
  if (typeof v === "string") return isoText(v);
  if (typeof v.value === "number") return excelSerialToISO(v.value);
  if (typeof v.value === "string") return isoText(v.value);
  return null;
}

function isoText(t: string): string | null {
  const s = squeezeText(t);
  const m = /((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(s);
  if (!m) return null;
  const mm = Number(m[2]);
  const dd = Number(m[3]);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${m[1]}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/** Read one form. `top` is the first row of its title area (after the previous form). */
export function readForm(ctx: FormCtx, grid: MergedGrid, bounds: FormBounds, top: number): FormRead | null {
  const { idx, rulebook } = ctx;
  const sheet = grid.sheet.name;
  const headEnd = Math.min(bounds.bodyEnd, bounds.anchorRow + MAX_HEAD_ROWS);
  const gridHeader = findGridHeader(grid, idx, bounds.anchorRow + 1, headEnd);
  const labelEnd = gridHeader ? gridHeader.row - 1 : headEnd;
  if (!gridHeader && !hasFunds(grid, idx, bounds.anchorRow + 1, labelEnd)) return null;

  // Title area: year, unit line; notes of the previous form are skipped.
  for (let r = top; r < bounds.anchorRow; r++) {
    for (const s of rowSegments(grid, r, idx)) {
      if (typeof s.value !== "string" || !s.text || NOTE_LINE.test(squeezeText(s.text))) continue;
      const y = yearFromText(s.text);
      if (y && y.strict && ctx.year === null) ctx.year = y.year;
      if (y && !y.strict && ctx.looseYear === null) ctx.looseYear = y.year;
    }
  }
  const labels = scanLabels(grid, idx, top, labelEnd);
  const unit = labels.unit ?? rulebook.defaultUnit;
  if (ctx.bookUnit === null) ctx.bookUnit = unit;
  if (ctx.asOf === null) ctx.asOf = isoFrom(grid, labels.asOf);

  const cells: Partial<Record<ProjectField, string>> = {};
  const raw: Partial<Record<ProjectField, CellValue>> = {};
  const note = (f: ProjectField, c: CellRead | undefined) => {
    if (!c) return;
    cells[f] = c.address;
    raw[f] = c.value;
    ctx.projectFields.add(f);
  };
  for (const f of labels.seen) ctx.projectFields.add(f);
  for (const [f, c] of Object.entries(labels.cells) as [ProjectField, CellRead][]) note(f, c);

  const anchorRow = bounds.anchorRow + 1;
  const codeCell = labels.cells.code;
  const codeText = codeCell && !isError(codeCell.value) ? (codeCell.inline ?? cellText(codeCell.value)) || null : null;
  let id = codeText ?? `${sheet}!${anchorRow}`;
  if (ctx.usedIds.has(id)) id = `${id}@${sheet}!${anchorRow}`;
  ctx.usedIds.add(id);

  const t = (f: ProjectField) => readText(ctx, grid, labels.cells[f], f, id);
  const f = labels.funds;
  const amount = (c: CellRead | undefined, field: ProjectField) => readAmount(ctx, grid, c, field, id, unit);
  const total = f.total ?? {};
  const fiscal = f.fiscal ?? {};
  const other = f.other ?? {};
  const carry = f.carryover ?? {};

  const initialBudget = amount(total.initialBudget, "initialBudget");
  let budget = amount(total.budget, "budget");
  let spent = amount(total.spent, "spent");
  const cumulativeSpent = amount(total.cumulativeSpent, "cumulativeSpent");
  const forecastSpent = amount(total.forecastSpent, "forecastSpent");
  note("initialBudget", total.initialBudget);
  note("budget", total.budget);
  note("spent", total.spent);
  note("cumulativeSpent", total.cumulativeSpent);
  note("forecastSpent", total.forecastSpent);
  const declaredExecutionScore = readScore(ctx, grid, total.score, "declaredExecutionScore", id);
  note("declaredExecutionScore", total.score);

  // 财政拨款 and 其他资金 (上年结转资金 counts with 其他资金, so that 总额 = 财政拨款 + 其他资金 holds on a sound form).
  const firstOf = (line: Partial<Record<FundsCol, CellRead>>, field: ProjectField) => {
    const c = line.initialBudget && !isEmptyish(line.initialBudget.value) ? line.initialBudget : (line.budget ?? line.initialBudget);
    return { cell: c, value: amount(c, field) };
  };
  const fis = firstOf(fiscal, "fiscalFunds");
  const oth = firstOf(other, "otherFunds");
  const car = firstOf(carry, "otherFunds");
  const fiscalFunds = fis.value;
  const otherFunds = oth.value === null && car.value === null ? null : round((oth.value ?? 0) + (car.value ?? 0));
  if (f.fiscal) {
    ctx.projectFields.add("fiscalFunds");
    note("fiscalFunds", fis.cell);
  }
  if (f.other || f.carryover) {
    ctx.projectFields.add("otherFunds");
    note("otherFunds", oth.cell ?? car.cell);
  }

  // 池州: an all-zero (or empty) 年度资金总额 row beside a filled 财政拨款 row — the money is in the parts.
  const zeroOrNull = (x: number | null) => x === null || x === 0;
  if (zeroOrNull(initialBudget) && zeroOrNull(budget) && zeroOrNull(spent) && f.fiscal) {
    const parts = [fiscal, other, carry];
    const sum = (col: FundsCol, field: ProjectField): { value: number | null; cell: CellRead | undefined } => {
      let value: number | null = null;
      let cell: CellRead | undefined;
      for (const p of parts) {
        const c = p[col];
        if (!c || isEmptyish(c.value) || isError(c.value)) continue;
        const v = amount(c, field);
        if (v === null) continue;
        value = round((value ?? 0) + v);
        cell = cell ?? c;
      }
      return { value, cell };
    };
    const b = sum(fiscal.budget || other.budget ? "budget" : "initialBudget", "budget");
    const s = sum("spent", "spent");
    if (b.value !== null && b.value !== 0) {
      budget = b.value;
      note("budget", b.cell);
    }
    if (s.value !== null && s.value !== 0) {
      spent = s.value;
      note("spent", s.cell);
    }
  }
  if (budget === null && initialBudget !== null) budget = initialBudget;

  const project: Project = {
    id,
    origin: { sheet, row: anchorRow, cells, raw },
    code: t("code"),
    name: t("name") ?? "",
    department: t("department"),
    implementer: t("implementer"),
    attribute: t("attribute"),
    fundType: t("fundType"),
    initialBudget,
    budget,
    spent,
    fiscalFunds,
    otherFunds,
    cumulativeSpent,
    forecastSpent,
    goal: t("goal"),
    goalActual: t("goalActual"),
    executionReason: t("executionReason"),
    declaredExecutionScore,
    declaredTotal: readScore(ctx, grid, labels.cells.declaredTotal, "declaredTotal", id),
    declaredGrade: t("declaredGrade"),
    startDate: readDate(ctx, grid, labels.cells.startDate, "startDate", id),
    endDate: readDate(ctx, grid, labels.cells.endDate, "endDate", id),
    indicators: [],
  };
  ctx.projectFields.add("name");

  let next = bounds.bodyEnd + 1;
  if (gridHeader) {
    for (const fld of gridHeader.columns.keys()) ctx.indicatorFields.add(fld);
    const end = readGrid(ctx, grid, gridHeader, bounds.bodyEnd, project, cells, raw);
    next = end + 1;
    const miss = (["name", "target"] as IndicatorField[]).filter((x) => !gridHeader.columns.has(x));
    if (miss.length) ctx.model.missing.push({ sheet, headerRow: gridHeader.row + 1, role: "indicators", fields: miss });
  }
  // A form without any grid is left to D003 (a project without indicators): one finding, not two.
  return { project, gridHeader, unit, next };
}

/** Detection columns of a form: indicator field → letter (三级指标 as 「indicatorName」), project field → A1 address of its value cell. */
export function formColumns(read: FormRead): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, a] of Object.entries(read.project.origin.cells)) if (a) out[f] = a;
  if (read.gridHeader) {
    for (const [f, c] of read.gridHeader.columns) out[f === "name" ? NAME_KEY : f] = toA1(0, c).replace(/\d+$/, "");
  }
  return out;
}

// ------------------------------------------------------------------ the indicator grid

const TOTAL_WORD = /^(总分|合计|总计|得分合计|自评总分|总得分|综合得分|分值合计|合计得分)[:：]?$/;

/** Read indicator rows after the header until the 总分 row, a note, or the body's end. Returns the form's last row. */
function readGrid(ctx: FormCtx, grid: MergedGrid, header: GridHeader, bodyEnd: number, project: Project, pcells: Partial<Record<ProjectField, string>>, praw: Partial<Record<ProjectField, CellValue>>): number {
  const cols = header.columns;
  const nameCol = cols.get("name")!;
  const headerName = squeezeText(grid.text(header.row, nameCol));
  let l1: { text: string; address: string } | null = null;
  let l2: { text: string; address: string } | null = null;
  let last = header.row;
  for (let r = header.row + 1; r <= bodyEnd && r < grid.rows; r++) {
    const segs = rowSegments(grid, r, ctx.idx);
    const first = firstText(segs);
    if (first) {
      const key = squeezeText(first.text);
      if (TOTAL_WORD.test(normaliseHeader(first.text).key) || first.label?.kind === "total") {
        const sc = cols.get("score");
        if (sc !== undefined && sc > first.col) {
          const c = read(grid, r, sc);
          const v = readScore(ctx, grid, c, "declaredTotal", project.id);
          pcells.declaredTotal = c.address;
          praw.declaredTotal = c.value;
          ctx.projectFields.add("declaredTotal");
          if (v !== null) project.declaredTotal = v;
        }
        // The grade row belongs to this form, filled or not (else the next form would take it as its own).
        return Math.max(r, readGradeNear(ctx, grid, r, project, pcells, praw) ?? r);
      }
      if (NOTE_LINE.test(key)) return last;
      if (first.col < nameCol && first.label && (first.label.kind === "project" || first.label.kind === "asOf")) return last;
    }
    const at = (f: IndicatorField): CellRead | undefined => {
      const subs = header.choices?.get(f as ChoiceField);
      if (subs) return choiceCell(grid, r, f as ChoiceField, subs);
      const c = cols.get(f);
      return c === undefined ? undefined : read(grid, r, c);
    };
    // 一级 / 二级: merged downwards or left blank under the first row of their block.
    const c1 = at("level1");
    const c2 = at("level2");
    if (c1) recordError(ctx, grid.sheet.name, c1, "level1", project.id);
    if (c2) recordError(ctx, grid.sheet.name, c2, "level2", project.id);
    const t1 = c1 && !isError(c1.value) ? cellText(c1.value) : "";
    const t2 = c2 && !isError(c2.value) ? cellText(c2.value) : "";
    if (t1) {
      // A new 一级 block starts its 二级 afresh.
      if (!l1 || l1.text !== t1) l2 = null;
      l1 = { text: t1, address: c1!.address };
    }
    if (t2) l2 = { text: t2, address: c2!.address };
    const nameCell = at("name")!;
    // A title or text merged across the grid from the left (the next form's 「…自评表」): not an indicator.
    if (nameCell.col < nameCol) continue;
    const nameText = isError(nameCell.value) ? "" : cellText(nameCell.value);
    if (nameCell.row !== r && nameText) {
      // A 三级指标 merged down over several rows is one indicator, read on its first row.
      continue;
    }
    const tc = at("target");
    const ac = at("actual");
    const hasData = nameText !== "" || (tc && !isBlank(tc.value)) || (ac && !isBlank(ac.value));
    if (!hasData) continue;
    if (squeezeText(nameText) === headerName) continue;
    last = r;
    const ind = readIndicator(ctx, grid, r, at, l1, l2, nameText, project.id);
    project.indicators.push(ind);
  }
  return last;
}

const GRADE_LABEL = /^(自评等级|评价等级|绩效等级|自评结果|等级)$/;

/**
 * The declared grade where forms put it: 「自评等级」 (or 评价等级 …) beside its value on the
 * 总分 row or one of the two rows under it, or written in one cell 「自评等级：良」.
 */
function readGradeNear(ctx: FormCtx, grid: MergedGrid, totalRow: number, project: Project, pcells: Partial<Record<ProjectField, string>>, praw: Partial<Record<ProjectField, CellValue>>): number | null {
  let labelRow: number | null = null;
  const set = (c: CellRead, text: string) => {
    pcells.declaredGrade = c.address;
    praw.declaredGrade = c.value;
    ctx.projectFields.add("declaredGrade");
    project.declaredGrade = text;
    return c.row;
  };
  for (let r = totalRow; r <= totalRow + 2 && r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const [or, oc] = grid.origin(r, c);
      if (or !== r || oc !== c) continue; // inside a merge: read at its first cell only
      const text = grid.text(r, c);
      if (!text) continue;
      const inline = /^(自评等级|评价等级|绩效等级|自评结果|等级)[:：](.+)$/.exec(squeezeText(text));
      if (inline) return set(read(grid, r, c), inline[2]);
      if (!GRADE_LABEL.test(normaliseHeader(text).key)) continue;
      labelRow = labelRow ?? r;
      for (let c2 = c + 1; c2 < grid.cols; c2++) {
        if (grid.sameMerge(r, c, r, c2)) continue;
        const v = read(grid, r, c2);
        const vt = isError(v.value) ? "" : cellText(v.value);
        if (vt) return set(v, vt);
      }
    }
  }
  return labelRow;
}

function readIndicator(
  ctx: FormCtx,
  grid: MergedGrid,
  r: number,
  at: (f: IndicatorField) => CellRead | undefined,
  l1: { text: string; address: string } | null,
  l2: { text: string; address: string } | null,
  nameText: string,
  projectId: string,
): Indicator {
  const sheet = grid.sheet.name;
  const cells: Partial<Record<IndicatorField, string>> = {};
  const raw: Partial<Record<IndicatorField, CellValue>> = {};
  for (const f of GRID_FIELDS) {
    if (f === "level1" || f === "level2") continue;
    const c = at(f);
    if (!c) continue;
    cells[f] = c.address;
    raw[f] = c.value;
  }
  if (l1) {
    cells.level1 = l1.address;
    raw.level1 = l1.text;
  }
  if (l2) {
    cells.level2 = l2.address;
    raw.level2 = l2.text;
  }
  const opCell = at("operator");
  const unitCell = at("unit");
  const split = { operatorCell: opCell ? plainCell(opCell.value) : undefined, unitCell: unitCell ? plainCell(unitCell.value) : undefined };
  const unitOnly = { unitCell: split.unitCell };
  if (opCell) recordError(ctx, sheet, opCell, "operator", projectId);
  if (unitCell) recordError(ctx, sheet, unitCell, "unit", projectId);
  const nameCell = at("name");
  if (nameCell) recordError(ctx, sheet, nameCell, "name", projectId);
  const text = (f: IndicatorField) => readText(ctx, grid, at(f), f, projectId);
  return {
    id: `${sheet}!${r + 1}`,
    origin: { sheet, row: r + 1, cells, raw },
    level1: canonicalLevel1(l1?.text),
    level1Text: l1?.text ?? null,
    level2: canonicalLevel2(l2?.text, ctx.rulebook.framework),
    level2Text: l2?.text ?? null,
    name: nameText,
    target: readValue(ctx, grid, at("target"), "target", projectId, split),
    actual: readValue(ctx, grid, at("actual"), "actual", projectId, unitOnly),
    weight: readScore(ctx, grid, at("weight"), "weight", projectId),
    declaredScore: readScore(ctx, grid, at("score"), "score", projectId),
    reason: text("reason"),
    current: readValue(ctx, grid, at("current"), "current", projectId, unitOnly),
    forecast: readValue(ctx, grid, at("forecast"), "forecast", projectId, unitOnly),
    possibility: text("possibility"),
    lastYear: readValue(ctx, grid, at("lastYear"), "lastYear", projectId, unitOnly),
  };
}

