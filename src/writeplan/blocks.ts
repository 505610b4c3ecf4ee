/**
 * Result columns beside the user's data.
 *
 * List layout: one block per sheet holding projects and/or indicators. The block starts in
 * the first column right of every user cell (value, number format or merged area) in the
 * block's rows, ignoring the previous run's own block, so a user cell never gets written
 * over. Rows: a band 「绩效助手结果」 merged over the block on the row above the header
 * row, the labels in the header row, one line of results on each record's row.
 * When the header row is row 1 there is no row above it: the labels then go in row 1 with
 * the band's colours (white on dark blue) so that they still read as the add-in's, and
 * 运行记录 names the block; no row is ever inserted into the user's sheet.
 *
 * Form layout: the same, one block per form: labels on the row above the project's own row,
 * indicator labels on the row above its first indicator, the band above the labels.
 */
import type { CellFormat, PlanAction, PlanValue } from "../core/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { fromA1, parseRange, rangeToA1, type CellRange } from "../core/address";
import type { Indicator, ModelBook, Project } from "../model/model";
import type { Light, ProjectResult } from "../engine/results";
import type { Finding } from "../rules/types";
import { t, type Lang } from "../messages";
import { GridBuilder } from "./grid";
import { BAND, GRADE_FORMAT, LABEL, LIGHT_FORMAT, NUM, PCT, SCORE } from "./style";
import { cellPoint } from "./highlights";

type ColumnKey =
  | "executionRate"
  | "executionScore"
  | "indicatorScore"
  | "totalScore"
  | "grade"
  | "light"
  | "amount"
  | "suggestion"
  | "problemCount"
  | "score"
  | "indicatorLight"
  | "problems";

interface ColumnSpec {
  key: ColumnKey;
  label: string;
  numberFormat?: string;
  /** Shown even when every value is empty. */
  always?: boolean;
}

/** Stable column order. */
const PROJECT_COLUMNS: ColumnSpec[] = [
  { key: "executionRate", label: "sheets.col.executionRate", numberFormat: PCT },
  { key: "executionScore", label: "sheets.col.executionScore", numberFormat: SCORE },
  { key: "indicatorScore", label: "sheets.col.indicatorScore", numberFormat: SCORE },
  { key: "totalScore", label: "sheets.col.totalScore", numberFormat: SCORE },
  { key: "grade", label: "sheets.col.grade" },
  { key: "light", label: "sheets.col.light" },
  { key: "amount", label: "sheets.col.amount", numberFormat: NUM },
  { key: "suggestion", label: "sheets.col.suggestion" },
  { key: "problemCount", label: "sheets.col.problemCount", always: true },
];
const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: "score", label: "sheets.col.score", numberFormat: SCORE },
  { key: "indicatorLight", label: "sheets.col.light" },
  { key: "problems", label: "sheets.col.problems", always: true },
];

/**
 * The result lines of a group: 1-based row → one value per column of its layout (PROJECT_COLUMNS
 * or INDICATOR_COLUMNS), kept by column (no object per line). Rows in the order first given; a
 * row given again keeps its place and takes the new values (as a Map would). Rows usually come
 * ascending: then no index is needed.
 */
class Lines {
  readonly rows: number[] = [];
  /** values[column][line]. */
  readonly values: (PlanValue | undefined)[][];
  private index: Map<number, number> | null = null;
  private last = -Infinity;
  constructor(columns: number) {
    this.values = [];
    for (let i = 0; i < columns; i++) this.values.push([]);
  }
  get size(): number {
    return this.rows.length;
  }
  private find(row: number): number {
    const n = this.rows.length;
    if (n === 0 || (this.index === null && row > this.rows[n - 1])) return -1;
    if (this.index === null) {
      this.index = new Map();
      for (let i = 0; i < n; i++) this.index.set(this.rows[i], i);
    }
    return this.index.get(row) ?? -1;
  }
  has(row: number): boolean {
    return this.find(row) >= 0;
  }
  /** Whether the rows came ascending (each row below the one before). */
  get ascending(): boolean {
    return this.index === null;
  }
  /** The line of `row` to write every column of: a new one, or the row's own. */
  line(row: number): number {
    const at = this.find(row);
    if (at >= 0) return at;
    this.index?.set(row, this.rows.length);
    if (row > this.last) this.last = row;
    this.rows.push(row);
    return this.rows.length - 1;
  }
  /** The last row, or `init` when larger (or there are no rows). */
  maxRow(init: number): number {
    return this.last > init ? this.last : init;
  }
}

interface Group {
  sheet: string;
  /** 1-based row of the labels. */
  headerRow: number;
  /** 1-based row → project line / indicator line. */
  projectLines: Lines;
  indicatorLines: Lines;
  /** Form layout: the row above the first indicator gets the indicator labels. */
  indicatorHeaderRow: number | null;
}

export interface PlannedBlock {
  sheet: string;
  range: string;
  actions: PlanAction[];
}

export interface BlockInput {
  snapshot: WorkbookSnapshot;
  model: ModelBook;
  results: Map<string, ProjectResult>;
  findings: Finding[];
  /** The previous run's blocks: their cells are the add-in's, not the user's. */
  previous: { sheet: string; range: string }[];
  lang: Lang;
}

export function projectKey(p: Project): string {
  return p.code ?? p.name;
}

/** Words of the lights in one language, looked up once a run (not once a cell). */
class LightWords {
  private readonly words = new Map<string, string>();
  private back: Map<string, Light> | null = null;
  constructor(private readonly lang: Lang) {}
  word(light: string | null | undefined): string | null {
    if (!light) return null;
    let w = this.words.get(light);
    if (w === undefined) {
      w = t(`sheets.light.${light}`, this.lang);
      this.words.set(light, w);
    }
    return w;
  }
  /** The first of the four lights whose word `text` is. */
  lightOf(text: string): Light | undefined {
    if (!this.back) {
      this.back = new Map();
      for (const l of ["green", "yellow", "red", "blue"] as const) {
        const w = t(`sheets.light.${l}`, this.lang);
        if (!this.back.has(w)) this.back.set(w, l);
      }
    }
    return this.back.get(text);
  }
}

function suggestionText(r: ProjectResult | undefined): string | null {
  const s = r?.suggestion;
  if (!s) return null;
  if (!s.reason) return s.action;
  return s.reason.startsWith(s.action) ? s.reason : `${s.action}：${s.reason}`;
}

/** A project's line, in PROJECT_COLUMNS order. */
function putProjectLine(lines: Lines, row: number, r: ProjectResult | undefined, problems: number, words: LightWords): void {
  const k = lines.line(row);
  const v = lines.values;
  v[0][k] = r?.executionRate ?? null;
  v[1][k] = r?.executionScore ?? null;
  v[2][k] = r?.indicatorScore ?? null;
  v[3][k] = r?.totalScore ?? null;
  v[4][k] = r?.grade ?? null;
  v[5][k] = words.word(r?.light);
  v[6][k] = r?.suggestion ? r.suggestion.amount : null;
  v[7][k] = suggestionText(r);
  v[8][k] = problems;
}

function problemsText(findings: Finding[], lang: Lang): string | null {
  if (!findings.length) return null;
  if (findings.length === 1) return lang === "en" ? findings[0].messageEn : findings[0].message;
  const messages = [...new Set(findings.map((f) => (lang === "en" ? f.messageEn : f.message)))];
  // Messages end with their own 。; others are joined with ；.
  const shown = messages.slice(0, 2).reduce((acc, m) => (!acc ? m : /[。！？.!?]$/.test(acc) ? acc + m : `${acc}；${m}`), "");
  return messages.length > 2 ? shown + t("sheets.problems.more", lang, { n: messages.length - 2 }) : shown;
}

const NO_FINDINGS: Finding[] = [];

/** An indicator's line, in INDICATOR_COLUMNS order. */
function putIndicatorLine(lines: Lines, row: number, ind: Indicator, r: ProjectResult | undefined, rowFindings: Finding[], lang: Lang, words: LightWords): void {
  const ir = r?.indicators[ind.id];
  const k = lines.line(row);
  const v = lines.values;
  v[0][k] = ir?.score ?? null;
  v[1][k] = words.word(ir?.light);
  v[2][k] = problemsText(rowFindings, lang);
}

function groupsOf(input: BlockInput, words: LightWords): Group[] {
  const { model, results, findings, lang } = input;
  const perProject = new Map<string, number>();
  // sheet → 1-based row → the findings on that row.
  const perRow = new Map<string, Map<number, Finding[]>>();
  for (const f of findings) {
    if (f.project !== null) perProject.set(f.project, (perProject.get(f.project) ?? 0) + 1);
    const cell = cellPoint(f.cell);
    if (!cell) continue;
    let bySheet = perRow.get(f.sheet);
    if (!bySheet) {
      bySheet = new Map();
      perRow.set(f.sheet, bySheet);
    }
    const list = bySheet.get(cell.row + 1);
    if (list) list.push(f);
    else bySheet.set(cell.row + 1, [f]);
  }
  const groups = new Map<string, Group>();
  // The header row of the first detection of each sheet.
  const detected = new Map<string, number>();
  for (const d of model.detections) if (!detected.has(d.sheet)) detected.set(d.sheet, d.headerRow);
  const headerOf = (sheet: string, firstRow: number): number => (detected.has(sheet) ? (detected.get(sheet) as number) : Math.max(1, firstRow - 1));
  const newGroup = (sheet: string, key: string, headerRow: number): Group => {
    const g: Group = { sheet, headerRow, projectLines: new Lines(PROJECT_COLUMNS.length), indicatorLines: new Lines(INDICATOR_COLUMNS.length), indicatorHeaderRow: null };
    groups.set(key, g);
    return g;
  };
  const groupFor = (sheet: string, key: string, headerRow: number): Group => groups.get(key) ?? newGroup(sheet, key, headerRow);
  const form = model.layout === "form";
  const projects = model.projects;
  // List layout: the group of the last indicator's sheet (most indicators follow on one sheet).
  let lastSheet: string | null = null;
  let lastGroup: Group | null = null;
  for (let pi = 0; pi < projects.length; pi++) {
    const p = projects[pi];
    const r = results.get(p.id);
    const pk = projectKey(p);
    const psheet = p.origin.sheet;
    let g: Group;
    if (form) g = groupFor(psheet, `${psheet}#${p.id}#${p.origin.row}`, Math.max(1, p.origin.row - 1));
    else {
      // List layout: one group per sheet; its header row is needed only when the group is new.
      const found = groups.get(psheet);
      if (found) g = found;
      else {
        let firstRow = p.origin.row;
        for (const i of p.indicators) if (i.origin.sheet === psheet && i.origin.row < firstRow) firstRow = i.origin.row;
        g = newGroup(psheet, psheet, headerOf(psheet, firstRow));
      }
    }
    if (p.origin.row > g.headerRow) putProjectLine(g.projectLines, p.origin.row, r, perProject.get(pk) ?? 0, words);
    const indicators = p.indicators;
    for (let k = 0; k < indicators.length; k++) {
      const ind = indicators[k];
      const sheet = ind.origin.sheet;
      const row = ind.origin.row;
      let ig: Group;
      if (form) ig = sheet === psheet ? g : groupFor(sheet, `${sheet}#${p.id}#i`, Math.max(1, row - 1));
      else if (sheet === lastSheet && lastGroup) ig = lastGroup;
      else {
        ig = groups.get(sheet) ?? newGroup(sheet, sheet, headerOf(sheet, row));
        lastSheet = sheet;
        lastGroup = ig;
      }
      if (row <= ig.headerRow) continue;
      putIndicatorLine(ig.indicatorLines, row, ind, r, perRow.get(sheet)?.get(row) ?? NO_FINDINGS, lang, words);
    }
    if (form) {
      let above = Infinity;
      for (const i of p.indicators) if (i.origin.sheet === psheet && i.origin.row - 1 < above) above = i.origin.row - 1;
      if (above !== Infinity && above > g.headerRow && !g.projectLines.has(above)) g.indicatorHeaderRow = above;
    }
  }
  const out: Group[] = [];
  for (const g of groups.values()) if (g.projectLines.size || g.indicatorLines.size) out.push(g);
  return out;
}

function inside(row: number, col: number, ranges: CellRange[]): boolean {
  return rangeAt(row, col, ranges) !== undefined;
}

/** The first of `ranges` holding (row, col). */
function rangeAt(row: number, col: number, ranges: CellRange[]): CellRange | undefined {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return r;
  }
  return undefined;
}

/** First column (0-based) right of every user cell and merged area in rows top..bottom (0-based), and right of `taken`. */
export function freeColumn(sheet: SheetSnapshot | undefined, top: number, bottom: number, exclude: CellRange[], taken: CellRange[]): number {
  let max = -1;
  if (sheet) {
    for (let r = top; r <= bottom && r < sheet.values.length; r++) {
      const line = sheet.values[r] ?? [];
      let c = line.length - 1;
      while (c > max) {
        // Cells of the add-in's own block are skipped a whole range at a time.
        const own = rangeAt(r, c, exclude);
        if (own) {
          c = own.left - 1;
          continue;
        }
        const v = line[c];
        if (v !== null && v !== undefined && v !== "") {
          max = c;
          break;
        }
        c--;
      }
    }
    for (const a1 of Object.keys(sheet.formats)) {
      const p = fromA1(a1);
      if (p.row >= top && p.row <= bottom && p.col > max && !inside(p.row, p.col, exclude)) max = p.col;
    }
    for (const m of sheet.merges) {
      const r = parseRange(m);
      if (r.bottom < top || r.top > bottom || r.right <= max) continue;
      const ours = exclude.some((e) => r.top >= e.top && r.bottom <= e.bottom && r.left >= e.left && r.right <= e.right);
      if (!ours) max = r.right;
    }
  }
  for (const b of taken) if (b.bottom >= top && b.top <= bottom && b.right > max) max = b.right;
  return max + 1;
}

/** Excel's last column is XFD (16,384 columns). */
const EXCEL_COLS = 16384;

/** Result values never wrap (see planResultBlocks). */
const NO_WRAP: CellFormat = { wrap: false };
const NUMBER_FORMATS = new Map<string, CellFormat>();
/** One format object per number format, so that the grid knows it again without its JSON. */
function numberFormatOf(numberFormat: string): CellFormat {
  let f = NUMBER_FORMATS.get(numberFormat);
  if (!f) {
    f = { numberFormat };
    NUMBER_FORMATS.set(numberFormat, f);
  }
  return f;
}

/** A column shown in a block: its spec and where its values are in the lines. */
interface Shown {
  spec: ColumnSpec;
  values: (PlanValue | undefined)[];
}

/** The columns shown for these lines: the `always` ones and those with a value somewhere. */
function shownColumns(lines: Lines, specs: ColumnSpec[]): Shown[] {
  if (!lines.size) return [];
  const out: Shown[] = [];
  for (let i = 0; i < specs.length; i++) {
    const values = lines.values[i];
    let shown = specs[i].always === true;
    for (let k = 0; !shown && k < values.length; k++) shown = values[k] !== null && values[k] !== undefined;
    if (shown) out.push({ spec: specs[i], values });
  }
  return out;
}

/** A group's lines into the block's rows (0-based row = sheet row - 1 - top), with their cell formats. */
function writeLines(grid: GridBuilder, lines: Lines, shown: Shown[], offset: number, top: number, width: number, words: LightWords): void {
  const n = shown.length;
  const count = lines.rows.length;
  const out: PlanValue[][] = [];
  for (let k = 0; k < count; k++) out.push(grid.lineAt(lines.rows[k] - 1 - top, width));
  // The cells of each format, by column; the formats go to the grid in the order a walk
  // line by line, column by column first meets them (the order of the plan's setFormat).
  const firstUse = new Map<CellFormat, number>();
  const cells = new Map<CellFormat, Map<number, number[]>>();
  const rowsOf = (f: CellFormat, k: number, j: number): number[] => {
    const at = k * n + j;
    const seen = firstUse.get(f);
    if (seen === undefined || at < seen) firstUse.set(f, at);
    let byCol = cells.get(f);
    if (!byCol) {
      byCol = new Map();
      cells.set(f, byCol);
    }
    let rows = byCol.get(offset + j);
    if (!rows) {
      rows = [];
      byCol.set(offset + j, rows);
    }
    return rows;
  };
  for (let j = 0; j < n; j++) {
    const { spec: c, values } = shown[j];
    const col = offset + j;
    const nf = c.numberFormat ? numberFormatOf(c.numberFormat) : null;
    const grade = c.key === "grade";
    const light = c.key === "light" || c.key === "indicatorLight";
    let lastFormat: CellFormat | null = null;
    let lastRows: number[] = [];
    for (let k = 0; k < count; k++) {
      const v = values[k] ?? null;
      if (v === null) continue;
      out[k][col] = v;
      // At most one format a cell: a number's format, a grade's or a light's colours.
      let f: CellFormat | null = null;
      if (nf && typeof v === "number") f = nf;
      else if (grade && typeof v === "string" && GRADE_FORMAT[v]) f = GRADE_FORMAT[v];
      else if (light && typeof v === "string") {
        const l = words.lightOf(v);
        if (l) f = LIGHT_FORMAT[l];
      }
      if (f === null) continue;
      if (f !== lastFormat) {
        lastRows = rowsOf(f, k, j);
        lastFormat = f;
      }
      lastRows.push(lines.rows[k] - 1 - top);
    }
  }
  const order = Array.from(firstUse.keys()).sort((x, y) => (firstUse.get(x) as number) - (firstUse.get(y) as number));
  for (const f of order) (cells.get(f) as Map<number, number[]>).forEach((rows, col) => grid.formatRows(f, rows, col, col, lines.ascending));
}

export function planResultBlocks(input: BlockInput): PlannedBlock[] {
  const { snapshot, lang } = input;
  const words = new LightWords(lang);
  const out: PlannedBlock[] = [];
  const taken = new Map<string, CellRange[]>();
  for (const g of groupsOf(input, words)) {
    const projectCols = shownColumns(g.projectLines, PROJECT_COLUMNS);
    const indicatorCols = shownColumns(g.indicatorLines, INDICATOR_COLUMNS);
    // Form layout: the indicator results sit below the project's line (their own label row),
    // so they share the block's columns instead of being appended after the project columns.
    const stacked = g.indicatorHeaderRow !== null && indicatorCols.length > 0 && g.projectLines.maxRow(0) < g.indicatorHeaderRow;
    const indicatorOffset = stacked ? 0 : projectCols.length;
    const cols = projectCols.concat(indicatorCols);
    if (!cols.length) continue;
    const hasBand = g.headerRow > 1;
    const top = (hasBand ? g.headerRow - 1 : g.headerRow) - 1; // 0-based
    const lastRow = g.indicatorLines.maxRow(g.projectLines.maxRow(g.headerRow)); // 1-based
    const bottom = lastRow - 1;
    const exclude = input.previous.filter((b) => b.sheet === g.sheet).map((b) => parseRange(b.range));
    const sheetTaken = taken.get(g.sheet) ?? [];
    const left = freeColumn(snapshot.sheets.find((s) => s.name === g.sheet), top, bottom, exclude, sheetTaken);
    const width0 = stacked ? Math.max(projectCols.length, indicatorCols.length) : cols.length;
    // A user cell in the sheet's last columns (XFD3): the results do not fit beside it, so none are written there (D010 says why).
    if (left + width0 > EXCEL_COLS) continue;

    const grid = new GridBuilder();
    const labelRow = g.headerRow - 1 - top; // relative
    const width = stacked ? Math.max(projectCols.length, indicatorCols.length) : cols.length;
    if (hasBand) {
      grid.set(0, 0, t("sheets.band", lang));
      grid.merge(0, 0, width - 1);
      grid.format(BAND, 0, 0, 0, width - 1);
    }
    const labelFormat: CellFormat = hasBand ? LABEL : { ...BAND, wrap: true, border: true };
    const headCols = stacked ? projectCols : cols;
    headCols.forEach((c, i) => grid.set(labelRow, i, t(c.spec.label, lang)));
    if (headCols.length) grid.format(labelFormat, labelRow, 0, labelRow, headCols.length - 1);
    if (stacked) {
      // Form layout: the indicator labels go on the row above the form's indicator grid.
      const r = (g.indicatorHeaderRow as number) - 1 - top;
      indicatorCols.forEach((c, j) => grid.set(r, j, t(c.spec.label, lang)));
      grid.format(labelFormat, r, 0, r, indicatorCols.length - 1);
    }
    writeLines(grid, g.projectLines, projectCols, 0, top, width, words);
    writeLines(grid, g.indicatorLines, indicatorCols, indicatorOffset, top, width, words);
    // Result values never wrap, whatever the user's row style says: a wrapped 调整建议 in a
    // row of fixed height would print over the rows below (the full text is in the cell).
    const valueRows: number[] = [];
    for (const rows of [g.projectLines.rows, g.indicatorLines.rows]) for (let i = 0; i < rows.length; i++) valueRows.push(rows[i] - 1 - top);
    const p = g.projectLines;
    const i = g.indicatorLines;
    const ascending = p.ascending && i.ascending && (!p.size || !i.size || p.rows[p.size - 1] < i.rows[0]);
    if (valueRows.length) grid.formatRows(NO_WRAP, valueRows, 0, width - 1, ascending);
    // Pad to the full rectangle so that the block covers every row it owns.
    grid.set(bottom - top, width - 1, grid.rows[bottom - top]?.[width - 1] ?? null);
    const rect: CellRange = { top, left, bottom, right: left + width - 1 };
    sheetTaken.push(rect);
    taken.set(g.sheet, sheetTaken);
    out.push({ sheet: g.sheet, range: rangeToA1(rect), actions: grid.actions(g.sheet, top, left, width) });
  }
  return out;
}
