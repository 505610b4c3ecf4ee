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
import type { ProjectResult } from "../engine/results";
import type { Finding } from "../rules/types";
import { t, type Lang } from "../messages";
import { GridBuilder } from "./grid";
import { BAND, GRADE_FORMAT, LABEL, LIGHT_FORMAT, NUM, PCT, SCORE } from "./style";
import { normaliseCell } from "./highlights";
import { maxOf, minOf } from "../core/collections";

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

/** One result line: column → value, and formats of single cells (grade and light colours). */
type Line = Partial<Record<ColumnKey, PlanValue>>;

interface Group {
  sheet: string;
  /** 1-based row of the labels. */
  headerRow: number;
  /** 1-based row → project line / indicator line. */
  projectLines: Map<number, Line>;
  indicatorLines: Map<number, Line>;
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

function lightWord(light: string | null | undefined, lang: Lang): string | null {
  return light ? t(`sheets.light.${light}`, lang) : null;
}

function suggestionText(r: ProjectResult | undefined): string | null {
  const s = r?.suggestion;
  if (!s) return null;
  if (!s.reason) return s.action;
  return s.reason.startsWith(s.action) ? s.reason : `${s.action}：${s.reason}`;
}

function projectLine(p: Project, r: ProjectResult | undefined, problems: number, lang: Lang): Line {
  return {
    executionRate: r?.executionRate ?? null,
    executionScore: r?.executionScore ?? null,
    indicatorScore: r?.indicatorScore ?? null,
    totalScore: r?.totalScore ?? null,
    grade: r?.grade ?? null,
    light: lightWord(r?.light, lang),
    amount: r?.suggestion ? r.suggestion.amount : null,
    suggestion: suggestionText(r),
    problemCount: problems,
  };
}

function problemsText(findings: Finding[], lang: Lang): string | null {
  if (!findings.length) return null;
  const messages = [...new Set(findings.map((f) => (lang === "en" ? f.messageEn : f.message)))];
  // Messages end with their own 。; others are joined with ；.
  const shown = messages.slice(0, 2).reduce((acc, m) => (!acc ? m : /[。！？.!?]$/.test(acc) ? acc + m : `${acc}；${m}`), "");
  return messages.length > 2 ? shown + t("sheets.problems.more", lang, { n: messages.length - 2 }) : shown;
}

function indicatorLine(ind: Indicator, r: ProjectResult | undefined, rowFindings: Finding[], lang: Lang): Line {
  const ir = r?.indicators[ind.id];
  return {
    score: ir?.score ?? null,
    indicatorLight: lightWord(ir?.light, lang),
    problems: problemsText(rowFindings, lang),
  };
}

function groupsOf(input: BlockInput): Group[] {
  const { model, results, findings, lang } = input;
  const perProject = new Map<string, number>();
  const perRow = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.project !== null) perProject.set(f.project, (perProject.get(f.project) ?? 0) + 1);
    const cell = normaliseCell(f.cell);
    if (!cell) continue;
    const key = `${f.sheet}!${fromA1(cell).row + 1}`;
    const list = perRow.get(key) ?? [];
    list.push(f);
    perRow.set(key, list);
  }
  const groups = new Map<string, Group>();
  const headerOf = (sheet: string, firstRow: number): number => {
    const d = model.detections.find((x) => x.sheet === sheet);
    return d ? d.headerRow : Math.max(1, firstRow - 1);
  };
  const groupFor = (sheet: string, key: string, headerRow: number): Group => {
    let g = groups.get(key);
    if (!g) {
      g = { sheet, headerRow, projectLines: new Map(), indicatorLines: new Map(), indicatorHeaderRow: null };
      groups.set(key, g);
    }
    return g;
  };
  const form = model.layout === "form";
  for (const p of model.projects) {
    const r = results.get(p.id);
    const pk = projectKey(p);
    const firstRow = minOf(p.indicators.filter((i) => i.origin.sheet === p.origin.sheet).map((i) => i.origin.row), p.origin.row);
    const g = form
      ? groupFor(p.origin.sheet, `${p.origin.sheet}#${p.id}#${p.origin.row}`, Math.max(1, p.origin.row - 1))
      : groupFor(p.origin.sheet, p.origin.sheet, headerOf(p.origin.sheet, firstRow));
    if (p.origin.row > g.headerRow) g.projectLines.set(p.origin.row, projectLine(p, r, perProject.get(pk) ?? 0, lang));
    for (const ind of p.indicators) {
      const sheet = ind.origin.sheet;
      const ig = form && sheet === p.origin.sheet ? g : groupFor(sheet, form ? `${sheet}#${p.id}#i` : sheet, form ? Math.max(1, ind.origin.row - 1) : headerOf(sheet, ind.origin.row));
      if (ind.origin.row <= ig.headerRow) continue;
      ig.indicatorLines.set(ind.origin.row, indicatorLine(ind, r, perRow.get(`${sheet}!${ind.origin.row}`) ?? [], lang));
    }
    if (form) {
      const rows = p.indicators.filter((i) => i.origin.sheet === p.origin.sheet).map((i) => i.origin.row);
      if (rows.length) {
        const above = minOf(rows) - 1;
        if (above > g.headerRow && !g.projectLines.has(above)) g.indicatorHeaderRow = above;
      }
    }
  }
  return [...groups.values()].filter((g) => g.projectLines.size || g.indicatorLines.size);
}

function inside(row: number, col: number, ranges: CellRange[]): boolean {
  return ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

/** First column (0-based) right of every user cell and merged area in rows top..bottom (0-based), and right of `taken`. */
export function freeColumn(sheet: SheetSnapshot | undefined, top: number, bottom: number, exclude: CellRange[], taken: CellRange[]): number {
  let max = -1;
  if (sheet) {
    for (let r = top; r <= bottom && r < sheet.values.length; r++) {
      const line = sheet.values[r] ?? [];
      for (let c = line.length - 1; c > max; c--) {
        const v = line[c];
        if (v !== null && v !== undefined && v !== "" && !inside(r, c, exclude)) {
          max = c;
          break;
        }
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

export function planResultBlocks(input: BlockInput): PlannedBlock[] {
  const { snapshot, lang } = input;
  const out: PlannedBlock[] = [];
  const taken = new Map<string, CellRange[]>();
  for (const g of groupsOf(input)) {
    const projectCols = g.projectLines.size ? PROJECT_COLUMNS.filter((c) => c.always || [...g.projectLines.values()].some((l) => l[c.key] !== null && l[c.key] !== undefined)) : [];
    const indicatorCols = g.indicatorLines.size ? INDICATOR_COLUMNS.filter((c) => c.always || [...g.indicatorLines.values()].some((l) => l[c.key] !== null && l[c.key] !== undefined)) : [];
    // Form layout: the indicator results sit below the project's line (their own label row),
    // so they share the block's columns instead of being appended after the project columns.
    const stacked = g.indicatorHeaderRow !== null && indicatorCols.length > 0 && maxOf(g.projectLines.keys(), 0) < g.indicatorHeaderRow;
    const indicatorOffset = stacked ? 0 : projectCols.length;
    const cols = [...projectCols, ...indicatorCols];
    if (!cols.length) continue;
    const hasBand = g.headerRow > 1;
    const top = (hasBand ? g.headerRow - 1 : g.headerRow) - 1; // 0-based
    const lastRow = maxOf(g.indicatorLines.keys(), maxOf(g.projectLines.keys(), g.headerRow)); // 1-based
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
    headCols.forEach((c, i) => grid.set(labelRow, i, t(c.label, lang)));
    if (headCols.length) grid.format(labelFormat, labelRow, 0, labelRow, headCols.length - 1);
    if (stacked) {
      // Form layout: the indicator labels go on the row above the form's indicator grid.
      const r = (g.indicatorHeaderRow as number) - 1 - top;
      indicatorCols.forEach((c, j) => grid.set(r, j, t(c.label, lang)));
      grid.format(labelFormat, r, 0, r, indicatorCols.length - 1);
    }
    const write = (lines: Map<number, Line>, specs: ColumnSpec[], offset: number) => {
      for (const [row, line] of lines) {
        const r = row - 1 - top;
        specs.forEach((c, j) => {
          const v = line[c.key] ?? null;
          const col = offset + j;
          if (v === null) return;
          grid.set(r, col, v);
          if (c.numberFormat && typeof v === "number") grid.format({ numberFormat: c.numberFormat }, r, col);
          if (c.key === "grade" && typeof v === "string" && GRADE_FORMAT[v]) grid.format(GRADE_FORMAT[v], r, col);
          if ((c.key === "light" || c.key === "indicatorLight") && typeof v === "string") {
            const light = (["green", "yellow", "red", "blue"] as const).find((l) => t(`sheets.light.${l}`, lang) === v);
            if (light) grid.format(LIGHT_FORMAT[light], r, col);
          }
        });
      }
    };
    write(g.projectLines, projectCols, 0);
    write(g.indicatorLines, indicatorCols, indicatorOffset);
    // Result values never wrap, whatever the user's row style says: a wrapped 调整建议 in a
    // row of fixed height would print over the rows below (the full text is in the cell).
    const valueRows = [...g.projectLines.keys(), ...g.indicatorLines.keys()].map((row) => row - 1 - top);
    for (const r of valueRows) grid.format({ wrap: false }, r, 0, r, width - 1);
    // Pad to the full rectangle so that the block covers every row it owns.
    grid.set(bottom - top, width - 1, grid.rows[bottom - top]?.[width - 1] ?? null);
    const rect: CellRange = { top, left, bottom, right: left + width - 1 };
    sheetTaken.push(rect);
    taken.set(g.sheet, sheetTaken);
    out.push({ sheet: g.sheet, range: rangeToA1(rect), actions: grid.actions(g.sheet, top, left, width) });
  }
  return out;
}
