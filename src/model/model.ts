/**
 * The model the rules, scoring and monitoring work on: projects and their indicators,
 * each value with the cell it came from. Built by src/read from a snapshot.
 */
import type { CellValue } from "../core/grid";
import type { IndicatorField, ProjectField } from "./fields";
import type { ParsedValue } from "../parse/types";

/** Where a record sits: sheet name, 1-based Excel row, and field → A1 address of each cell read. */
export interface Origin<F extends string> {
  sheet: string;
  row: number;
  cells: Partial<Record<F, string>>;
  /** The raw cell values as read, by field. */
  raw: Partial<Record<F, CellValue>>;
  /** Whether `cells` has this field, answered without working the addresses out (origins that make them on demand). */
  hasCell?(field: F): boolean;
  /** One raw value, without making the whole `raw` record (origins that make it on demand). */
  rawValue?(field: F): CellValue | undefined;
  /** Each field with its cell address, in `cells` order, without keeping the addresses (origins that make them on demand). */
  forEachCell?(fn: (field: F, address: string) => void): void;
}

/** The raw value of one field as read (undefined: no such cell). */
export function rawOf<F extends string>(origin: Origin<F>, field: F): CellValue | undefined {
  return origin.rawValue ? origin.rawValue(field) : origin.raw[field];
}

/** Each field of the record with its cell address, in `cells` order (nothing kept that was not already). */
export function eachCell<F extends string>(origin: Origin<F>, fn: (field: F, address: string) => void): void {
  if (origin.forEachCell) return origin.forEachCell(fn);
  for (const [f, a] of Object.entries(origin.cells) as [F, string | undefined][]) if (a !== undefined) fn(f, a);
}

/** Does the record have a cell for this field (its column exists where it was read)? */
export function hasCell<F extends string>(origin: Origin<F>, field: F): boolean {
  return origin.hasCell ? origin.hasCell(field) : origin.cells[field] !== undefined;
}

/** The four 一级 names (a plain list: the model does not load zod). */
export const LEVEL1_NAMES = ["产出指标", "效益指标", "满意度指标", "成本指标"] as const;
export type Level1 = (typeof LEVEL1_NAMES)[number];

export interface Indicator {
  /** Stable id within a run: `${sheet}!${row}`. */
  id: string;
  origin: Origin<IndicatorField>;
  /** Canonical 一级 name when recognised (产出指标 …), else null; `level1Text` keeps what was written. */
  level1: Level1 | null;
  level1Text: string | null;
  /** Canonical 二级 name when recognised (数量指标, 经济成本指标 …), else null. */
  level2: string | null;
  level2Text: string | null;
  /** 三级指标 name as written (trimmed). */
  name: string;
  /** 指标值: operator from a separate column is merged in here. */
  target: ParsedValue;
  /** 实际完成值 (self-evaluation). */
  actual: ParsedValue;
  /** 分值 / 权重 when given. */
  weight: number | null;
  /** 得分 as declared in the sheet. */
  declaredScore: number | null;
  reason: string | null;
  /** Monitoring: completion to the as-of date. */
  current: ParsedValue;
  forecast: ParsedValue;
  possibility: string | null;
  lastYear: ParsedValue;
}

export interface Project {
  /** Stable id within a run: the code, or `${sheet}!${row}` without one. */
  id: string;
  origin: Origin<ProjectField>;
  code: string | null;
  name: string;
  department: string | null;
  implementer: string | null;
  /** 经常性 / 一次性 / 延续性 / 新增 as written. */
  attribute: string | null;
  fundType: string | null;
  /** Amounts in the sheet's unit (`ModelBook.unit`). */
  initialBudget: number | null;
  budget: number | null;
  spent: number | null;
  fiscalFunds: number | null;
  otherFunds: number | null;
  cumulativeSpent: number | null;
  forecastSpent: number | null;
  goal: string | null;
  /** 总体目标实际完成情况 (self-evaluation forms), when the sheet gives it. */
  goalActual?: string | null;
  executionReason: string | null;
  declaredExecutionScore: number | null;
  declaredTotal: number | null;
  declaredGrade: string | null;
  startDate: string | null;
  endDate: string | null;
  indicators: Indicator[];
}

export type Mode = "目标审核" | "绩效自评" | "运行监控";

/** What the reader found, reported to the user (and overridable). */
export interface SheetDetection {
  sheet: string;
  role: "projects" | "indicators" | "combined";
  /** 1-based Excel row of the (last) header row. */
  headerRow: number;
  /** field → column letter. */
  columns: Record<string, string>;
  /** Unit of amounts on this sheet ("万元" unless a header suffix or 单位 line says otherwise). */
  unit: string;
}

export interface ModelBook {
  name: string;
  layout: "list" | "form";
  unit: string;
  detections: SheetDetection[];
  /** Which fields exist at all (drives modes and "when the column exists" rules). */
  projectFields: ProjectField[];
  indicatorFields: IndicatorField[];
  modes: Mode[];
  /** 监控截止日期 found above the headers (ISO), if any. */
  asOfInSheet: string | null;
  /** Budget year if the sheet says (title 「2024年度…」), else null. */
  year: number | null;
  projects: Project[];
  /** Indicator rows whose project could not be found (D002); `projectText` is what the row named. */
  orphans: { indicator: Indicator; projectText: string; cell: string }[];
  /** Cells in numeric columns that could not be read as numbers (D005). */
  unreadable: { sheet: string; cell: string; field: string; raw: CellValue; reason: string; projectId: string | null }[];
  /** Cells holding an Excel error value (D007). */
  cellErrors: { sheet: string; cell: string; field: string; error: string; projectId: string | null }[];
  /** Required columns or sheets that could not be found (D001). sheet null: no such sheet at all. */
  missing: { sheet: string | null; headerRow: number | null; role: "projects" | "indicators"; fields: string[] }[];
  /** Input the reader did not take at face value (D010 stray cells, D011 implausible amounts, D012 two columns for one field). */
  anomalies?: Anomaly[];
}

export type Anomaly =
  /** A value far below the table (after a long run of empty rows; `end` its last row, 1-based) or far to its right (`endCol` its last column). */
  | { kind: "stray"; sheet: string; cell: string; row: number; raw: string; end: number; more: number; endCol?: string }
  /** An amount beyond any plausible budget (or not a finite number): treated as empty. */
  | { kind: "implausible"; sheet: string; cell: string; field: string; raw: string; max: number; projectId: string | null }
  /** Two or more columns matching one field: the field is treated as missing until the user picks one. */
  | { kind: "ambiguous"; sheet: string; cell: string; field: string; columns: string[]; headers: string[] };

/** A model with nothing read yet: the readers (list and form) and test builders start from it. */
export function emptyModel(name: string, layout: ModelBook["layout"], unit: string): ModelBook {
  return {
    name,
    layout,
    unit,
    detections: [],
    projectFields: [],
    indicatorFields: [],
    modes: ["目标审核"],
    asOfInSheet: null,
    year: null,
    projects: [],
    orphans: [],
    unreadable: [],
    cellErrors: [],
    missing: [],
  };
}
