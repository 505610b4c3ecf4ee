/**
 * Finding the header row and the columns of each sheet by scoring candidate rows against the
 * synonyms, and deciding each sheet's role (project list, indicator list, or both in one).
 */
import type { WorkbookSnapshot } from "../core/grid";
import { OWN_SHEET_NAMES, type MappingOverride } from "../core/state";
import { colToLetters, lettersToCol } from "../core/address";
import type { IndicatorField, ProjectField } from "../model/fields";
import { INDICATOR_FIELDS, PROJECT_FIELDS } from "../model/fields";
import { excelSerialToISO, parseDate } from "../parse";
import { formatMessage } from "../messages";
import { gridOf, MergedGrid } from "./grid";
import { normaliseHeader, squeezeText } from "./header";
import { matchIndicatorHeader, matchProjectHeader, type SynonymIndex } from "./synonyms";
import { maxOf } from "../core/collections";

/** Sheets the add-in writes itself: never user data. */
export { OWN_SHEET_NAMES };
/** The header band above the add-in's result columns. */
export const RESULT_BAND = "绩效助手结果";
/** Header rows are looked for in the first this-many rows. */
export const MAX_HEADER_ROW = 20;
/** On a combined sheet the 三级指标 column is keyed so (project 「name」 is the 项目名称 column). */
export const COMBINED_INDICATOR_NAME_KEY = "indicatorName";

export type Role = "projects" | "indicators" | "combined";

export interface HeaderCandidate {
  /** 0-based index of the (last) header row. */
  row: number;
  /** 0-based index of the first header row (row − 1 for a two-row header). */
  top: number;
  project: Map<ProjectField, number>;
  indicator: Map<IndicatorField, number>;
  /** Column → unit from its header suffix (「（万元）」). */
  units: Map<number, string>;
  /** First column of the add-in's own result block (under 「绩效助手结果」), if any. */
  resultFrom: number | null;
  score: number;
  /** Columns matched by this row's own text (not only the row above). */
  direct: number;
  /** The latest year written in year-prefixed headers (「2024年预算数」), else null. */
  year: number | null;
  /** Fields whose own header text names more than one column (全年预算数 twice): field → every such column. */
  clashes?: { project: Map<ProjectField, number[]>; indicator: Map<IndicatorField, number[]> };
}

export interface SheetScan {
  sheet: string;
  grid: MergedGrid;
  header: HeaderCandidate;
  projectish: boolean;
  indicatorish: boolean;
}

const INDICATOR_CORE: IndicatorField[] = ["level1", "level2", "name", "target", "operator", "actual", "weight", "score", "current", "unit", "forecast"];
const INDICATOR_KEY: IndicatorField[] = ["level1", "level2", "name", "target"];

function resultBandFrom(grid: MergedGrid, row: number): number | null {
  let from: number | null = null;
  for (let r = Math.max(0, row - 2); r <= row; r++) {
    for (let c = 0; c < grid.cols; c++) {
      if (squeezeText(grid.text(r, c)) === RESULT_BAND) {
        if (from === null || c < from) from = c;
        break;
      }
    }
  }
  return from;
}

/** The add-in's own result-column labels (catalogue keys), the last one always written. */
const RESULT_LABEL_KEYS = ["executionRate", "executionScore", "indicatorScore", "totalScore", "grade", "light", "amount", "suggestion", "problemCount", "score", "problems"];
const RESULT_LAST_KEYS = ["problemCount", "problems"];
let resultLabels: { all: Set<string>; last: Set<string>; strong: Set<string> } | null = null;

function labels(): { all: Set<string>; last: Set<string>; strong: Set<string> } {
  if (resultLabels) return resultLabels;
  const text = (k: string, lang: "zh-CN" | "en") => squeezeText(formatMessage(`sheets.col.${k}`, {}, lang).message);
  const all = new Set<string>();
  const last = new Set<string>();
  for (const lang of ["zh-CN", "en"] as const) {
    for (const k of RESULT_LABEL_KEYS) all.add(text(k, lang));
    for (const k of RESULT_LAST_KEYS) last.add(text(k, lang));
  }
  const strong = new Set([text("problemCount", "zh-CN")]);
  resultLabels = { all, last, strong };
  return resultLabels;
}

/**
 * The add-in's result block written in the header row itself (header in row 1: no row above for
 * the band): a trailing run of its labels ending with 「问题数」/「问题」. Normally the previous
 * run's block is blanked before reading (engine userView); this guards a workbook whose state was lost.
 */
function trailingResultFrom(grid: MergedGrid, row: number): number | null {
  const L = labels();
  let c = grid.cols - 1;
  while (c >= 0 && grid.text(row, c) === "") c--;
  if (c < 0 || !L.last.has(squeezeText(grid.text(row, c)))) return null;
  const end = c;
  let start = c;
  while (start - 1 >= 0 && L.all.has(squeezeText(grid.text(row, start - 1)))) start--;
  if (end - start + 1 >= 2 || L.strong.has(squeezeText(grid.text(row, end)))) return start;
  return null;
}

/** Score one row as the (last) header row, with the row above as a possible band. */
const YEAR_PREFIX = /^((?:19|20)\d{2})年度?(.+)$/;

/**
 * One table's field → column assignment within a header row. Headers prefixed by a year
 * (「2024年预算数」) match as a fallback; a plain header beats a year-prefixed one, a later year
 * beats an earlier one, and a displaced earlier-year 实际完成值 becomes 上年实际完成值.
 */
class Assignment<F extends string> {
  readonly cols = new Map<F, number>();
  readonly years = new Map<F, number>();
  /** Fields a second column's own header also names (no year to tell them apart): field → all its columns. */
  readonly clashes = new Map<F, number[]>();
  /** Fields filled by demotion (上年实际完成值): an earlier year is what they mean. */
  private readonly past = new Set<F>();
  constructor(private readonly history: Partial<Record<F, F>> = {}) {}

  /** Try to give `field` to column `col`; true when the column got it. */
  take(field: F, col: number, year: number | undefined): boolean {
    if (!this.cols.has(field)) {
      this.cols.set(field, col);
      if (year !== undefined) this.years.set(field, year);
      return true;
    }
    const held = this.years.get(field);
    if (held === undefined) return false;
    if (year !== undefined && year <= held) {
      this.demote(field, col, year);
      return true;
    }
    // A plain header, or a later year, takes the field; the earlier-year column is history or dropped.
    const oldCol = this.cols.get(field)!;
    this.cols.set(field, col);
    if (year !== undefined) this.years.set(field, year);
    else this.years.delete(field);
    this.demote(field, oldCol, held);
    return true;
  }

  private demote(field: F, col: number, year: number): void {
    const h = this.history[field];
    if (h && !this.cols.has(h)) {
      this.cols.set(h, col);
      this.years.set(h, year);
      this.past.add(h);
    }
  }

  /** `col` names `field` too, but the field is held by a plain header: the field is ambiguous. */
  clash(field: F, col: number): void {
    const first = this.cols.get(field);
    if (first === undefined || this.years.has(field)) return;
    const list = this.clashes.get(field) ?? [first];
    if (!list.includes(col)) list.push(col);
    this.clashes.set(field, list);
  }

  /** The latest year among this-year fields, or null. */
  latest(): number | null {
    const ys = [...this.years].filter(([f]) => !this.past.has(f)).map(([, y]) => y);
    return ys.length ? maxOf(ys) : null;
  }

  /** With several years in one header, earlier-year columns are not this year's figures. */
  settle(): void {
    const ys = [...new Set([...this.years].filter(([f]) => !this.past.has(f)).map(([, y]) => y))];
    if (ys.length < 2) return;
    const max = maxOf(ys);
    for (const [f, y] of [...this.years]) {
      if (y >= max || this.past.has(f)) continue;
      const col = this.cols.get(f)!;
      this.cols.delete(f);
      this.years.delete(f);
      this.demote(f, col, y);
    }
  }
}

/** Score one row as the (last) header row, with the row above as a possible band. */
export function evaluateHeaderRow(grid: MergedGrid, row: number, idx: SynonymIndex): HeaderCandidate {
  const project = new Assignment<ProjectField>();
  const indicator = new Assignment<IndicatorField>({ actual: "lastYear" });
  const units = new Map<number, string>();
  const resultFrom = resultBandFrom(grid, row) ?? trailingResultFrom(grid, row);
  let score = 0;
  let direct = 0;
  let usedBand = false;
  const end = resultFrom ?? grid.cols;
  for (let c = 0; c < end; c++) {
    const sub = grid.text(row, c);
    const band = row > 0 && !grid.sameMerge(row - 1, c, row, c) ? grid.text(row - 1, c) : "";
    const subH = normaliseHeader(sub);
    let bandH = normaliseHeader(band);
    // A 「单位：万元」 or 「监控截止日期」 line above the header is not a header band.
    if (/^(金额|计量|货币)?单位$/.test(bandH.key) || AS_OF_LABEL.test(bandH.key)) bandH = { key: "", unit: null };
    const cands: { key: string; direct: boolean; year?: number }[] = [];
    if (subH.key) cands.push({ key: subH.key, direct: true });
    if (subH.key && bandH.key) cands.push({ key: bandH.key + subH.key, direct: true });
    if (!subH.key && bandH.key) cands.push({ key: bandH.key, direct: false });
    const y = YEAR_PREFIX.exec(subH.key);
    if (y) cands.push({ key: y[2], direct: true, year: Number(y[1]) });
    // A column named only by the row above (blank under a band) counts as much as one named
    // here: in a two-row header every column belongs to the lower row. A row still needs
    // names of its own (`direct`) to be a header at all.
    let best = 0;
    let hit = false;
    // A column whose own header names a field another plain header already holds: a clash (D012), not a silent first-wins.
    let clashP: ProjectField | null = null;
    let clashI: IndicatorField | null = null;
    let gotP = false;
    let gotI = false;
    for (const cand of cands) {
      const pf = matchProjectHeader(cand.key, idx);
      if (pf && project.take(pf, c, cand.year)) {
        best = 1;
        gotP = true;
        if (cand.direct) hit = true;
        if (!cand.direct || (cand.key !== subH.key && cand.year === undefined)) usedBand = true;
        break;
      }
      if (pf && clashP === null && cand.key === subH.key && cand.year === undefined) clashP = pf;
    }
    for (const cand of cands) {
      const inf = matchIndicatorHeader(cand.key, idx);
      if (inf && indicator.take(inf, c, cand.year)) {
        best = 1;
        gotI = true;
        if (cand.direct) hit = true;
        if (!cand.direct || (cand.key !== subH.key && cand.year === undefined)) usedBand = true;
        break;
      }
      if (inf && clashI === null && cand.key === subH.key && cand.year === undefined) clashI = inf;
    }
    // Only the same header written twice is a clash (全年预算数 | … | 全年预算数): not one merged
    // header over sub-columns, not two different wordings (the first, plainer one is the field).
    const twice = (first: number | undefined) => first !== undefined && !grid.sameMerge(row, first, row, c) && normaliseHeader(grid.text(row, first)).key === subH.key;
    if (!gotP && clashP && twice(project.cols.get(clashP))) project.clash(clashP, c);
    if (!gotI && clashI && twice(indicator.cols.get(clashI))) indicator.clash(clashI, c);
    score += best;
    if (hit) direct++;
    const unit = subH.unit ?? bandH.unit;
    if (unit) units.set(c, unit);
    // The row above belongs to the header when it carries a unit for this row or is merged into it.
    if (row > 0 && best > 0 && ((!subH.unit && bandH.unit) || grid.sameMerge(row - 1, c, row, c))) usedBand = true;
  }
  project.settle();
  indicator.settle();
  const years = [project.latest(), indicator.latest()].filter((v): v is number => v !== null);
  const year = years.length ? maxOf(years) : null;
  return { row, top: usedBand && row > 0 ? row - 1 : row, project: project.cols, indicator: indicator.cols, units, resultFrom, score, direct, year, clashes: { project: project.clashes, indicator: indicator.clashes } };
}

export function classify(h: HeaderCandidate): { projectish: boolean; indicatorish: boolean } {
  const core = INDICATOR_CORE.filter((f) => h.indicator.has(f)).length;
  const indicatorish = core >= 2 && INDICATOR_KEY.some((f) => h.indicator.has(f));
  const hasRef = h.project.has("name") || h.project.has("code");
  const extra = [...h.project.keys()].filter((f) => f !== "name" && f !== "code").length;
  const projectish = hasRef && (extra >= 1 || (h.project.has("name") && h.project.has("code")));
  return { projectish, indicatorish };
}

/** The best header row of a sheet (highest score; the earliest on a tie), or null when no row matches anything. */
export function findHeader(grid: MergedGrid, idx: SynonymIndex, maxRow = MAX_HEADER_ROW): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  const last = Math.min(grid.rows, maxRow);
  for (let r = 0; r < last; r++) {
    const h = evaluateHeaderRow(grid, r, idx);
    // A row must match something by itself to be a header (not just inherit the row above).
    if (h.direct === 0) continue;
    if (!best || h.score > best.score) best = h;
  }
  return best;
}

export function isOwnSheet(name: string): boolean {
  return OWN_SHEET_NAMES.includes(name);
}

/** Scan every user sheet; sheets without a usable header are left out. */
export function scanBook(book: WorkbookSnapshot, idx: SynonymIndex): SheetScan[] {
  const out: SheetScan[] = [];
  for (const sheet of book.sheets) {
    if (isOwnSheet(sheet.name)) continue;
    if (sheet.visibility === "hidden" || sheet.visibility === "veryHidden") continue;
    const grid = gridOf(sheet);
    const header = findHeader(grid, idx);
    if (!header) continue;
    const { projectish, indicatorish } = classify(header);
    if (!projectish && !indicatorish) continue;
    out.push({ sheet: sheet.name, grid, header, projectish, indicatorish });
  }
  return out;
}

/** Roles across the book: an indicator sheet carrying project columns is the project list only when no separate project sheet exists. */
export function assignRoles(scans: SheetScan[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  const projectOnly = scans.some((s) => s.projectish && !s.indicatorish);
  for (const s of scans) {
    if (s.projectish && !s.indicatorish) roles.set(s.sheet, "projects");
    else if (s.indicatorish && !projectOnly && (s.header.project.has("name") || s.header.project.has("code"))) roles.set(s.sheet, "combined");
    else if (s.indicatorish) roles.set(s.sheet, "indicators");
  }
  return roles;
}

/** Detection column keys for a role: field → 0-based column. */
export function columnsFor(role: Role, h: HeaderCandidate): Map<string, number> {
  const m = new Map<string, number>();
  if (role === "projects" || role === "combined") for (const [f, c] of h.project) m.set(f, c);
  if (role === "indicators") for (const [f, c] of h.indicator) m.set(f, c);
  if (role === "combined") {
    for (const [f, c] of h.indicator) {
      if (f === "projectCode" || f === "projectName") continue;
      // A column both tables claim (「自评得分」「偏差原因」) is the indicator's on indicator rows.
      for (const [k, pc] of [...m]) if (pc === c && k !== "code" && k !== "name") m.delete(k);
      m.set(f === "name" ? COMBINED_INDICATOR_NAME_KEY : f, c);
    }
  }
  return m;
}

const PROJECT_KEYS = new Set<string>(PROJECT_FIELDS);
const INDICATOR_KEYS = new Set<string>([...INDICATOR_FIELDS, COMBINED_INDICATOR_NAME_KEY]);

/** Apply a user's mapping corrections (field → letter, or null for "no such column") to a sheet's columns. */
export function applyOverride(role: Role, columns: Map<string, number>, override: Record<string, string | null> | undefined): void {
  if (!override) return;
  for (const [rawField, letter] of Object.entries(override)) {
    // On a combined sheet the project's own code / name columns are the indicators' project reference.
    const field = role === "combined" && rawField === "projectCode" ? "code" : role === "combined" && rawField === "projectName" ? "name" : rawField;
    const known = role === "projects" ? PROJECT_KEYS.has(field) : role === "indicators" ? INDICATOR_KEYS.has(field) && field !== COMBINED_INDICATOR_NAME_KEY : PROJECT_KEYS.has(field) || INDICATOR_KEYS.has(field);
    if (!known) continue;
    if (letter === null) {
      columns.delete(field);
      continue;
    }
    if (typeof letter !== "string" || !/^[A-Za-z]{1,3}$/.test(letter.trim())) continue;
    const col = lettersToCol(letter.trim());
    // One column, one field: the override takes the column from whatever field had it.
    for (const [f, c] of [...columns]) if (c === col && f !== field) columns.delete(f);
    columns.set(field, col);
  }
}

/** Role implied by overridden field keys, for a sheet detection missed. */
export function roleFromOverride(fields: string[]): Role | null {
  const hasProject = fields.some((f) => PROJECT_KEYS.has(f) && !INDICATOR_KEYS.has(f));
  const hasIndicator = fields.some((f) => INDICATOR_KEYS.has(f) && !PROJECT_KEYS.has(f));
  if (hasProject && hasIndicator) return "combined";
  if (hasIndicator) return "indicators";
  if (hasProject) return "projects";
  return null;
}

export interface AboveHeader {
  unit: string | null;
  year: number | null;
  asOf: string | null;
}

const UNIT_LINE = /(?:金额|计量|货币)?单位[:：]\s*(?:人民币)?\s*(亿元|千元|万元|元)/;
const YEAR_TITLE = /((?:19|20)\d{2})\s*年度/;
const YEAR_LOOSE = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
const AS_OF_LABEL = /(监控截止日期|监控截至日期|截止日期|截至日期|监控日期|数据截止日期)/;

function isoFromCell(v: unknown): string | null {
  if (typeof v === "number") return excelSerialToISO(v);
  if (typeof v === "string") return isoFromText(v);
  return null;
}

/** 「2024年7月31日」「2024-07-31」「2024.7.31」 (else the parser's reading of deadlines) → ISO date, or null. */
export function isoFromText(t: string): string | null {
  const s = squeezeText(t);
  const m = /((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(s);
  if (m) {
    const mm = Number(m[2]);
    const dd = Number(m[3]);
    if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) return `${m[1]}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  }
  return s ? parseDate(s) : null;
}

/** The unit line, budget year and monitoring date written above the last header row (rows 0 … before − 1). */
export function readAboveHeader(grid: MergedGrid, before: number): AboveHeader {
  let unit: string | null = null;
  let year: number | null = null;
  let looseYear: number | null = null;
  let asOf: string | null = null;
  let implied: string | null = null;
  for (let r = 0; r < before; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const raw = grid.raw(r, c);
      if (typeof raw !== "string") continue;
      const t = squeezeText(raw);
      if (!t) continue;
      if (!unit) {
        const m = UNIT_LINE.exec(t);
        if (m) unit = m[1];
      }
      const lab = AS_OF_LABEL.exec(t);
      if (lab && !asOf) {
        const rest = t.slice(lab.index + lab[0].length).replace(/^[:：]/, "");
        asOf = rest ? isoFromText(rest) : null;
        for (let k = c + 1; !asOf && k < grid.cols; k++) {
          const v = grid.raw(r, k);
          if (v === null || v === "") continue;
          asOf = isoFromCell(v);
          break;
        }
        continue;
      }
      if (implied === null) implied = impliedAsOf(t);
      if (year === null) {
        const y = YEAR_TITLE.exec(t);
        if (y) year = Number(y[1]);
      }
      if (looseYear === null && !/日期|时间/.test(t)) {
        const y = YEAR_LOOSE.exec(t);
        if (y) looseYear = Number(y[1]);
      }
    }
  }
  return { unit, year: year ?? looseYear, asOf: asOf ?? implied };
}

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A title that names the monitoring date without a label: 「截至2024年6月30日」「2024年1-6月…监控表」. */
export function impliedAsOf(t: string): string | null {
  const day = /截[至止](?:到)?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(t);
  if (day) return isoFromText(`${day[1]}年${day[2]}月${day[3]}日`);
  const month = /截[至止](?:到)?((?:19|20)\d{2})年(\d{1,2})月(?:底|末)?/.exec(t);
  if (month) return monthEnd(Number(month[1]), Number(month[2]));
  const span = /((?:19|20)\d{2})年度?1[-~至—–](\d{1,2})月/.exec(t);
  if (span) return monthEnd(Number(span[1]), Number(span[2]));
  return null;
}

export function letter(col: number): string {
  return colToLetters(col);
}

export type { MappingOverride };
