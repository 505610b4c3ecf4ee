/**
 * Test helper: a compact way to build a ModelBook for rule, scoring and monitoring tests.
 * Values written as strings go through the real parsers, as the reader would.
 *
 * Fixed layout, so tests can name cells:
 *   project sheet 「项目表」, header row 1, projects from row 2 —
 *     A code, B name, C department, D attribute, E initialBudget, F budget, G spent,
 *     H fiscalFunds, I otherFunds, J goal, K executionReason, L declaredTotal, M declaredGrade,
 *     N cumulativeSpent, O forecastSpent, P declaredExecutionScore, Q startDate, R endDate
 *   indicator sheet 「指标表」, header row 1, indicators from row 2 in order —
 *     A projectCode, B level1, C level2, D name, E operator, F target, G unit, H actual,
 *     I weight, J score, K reason, L current, M forecast, N possibility, O lastYear
 */
import type { CellValue } from "../../core/grid";
import type { IndicatorField, ProjectField } from "../../model/fields";
import type { Indicator, Mode, ModelBook, Project } from "../../model/model";
import { canonicalLevel1, canonicalLevel2 } from "../../model/framework";
import { parseIndicatorValue } from "../../parse";
import type { ParsedValue } from "../../parse/types";
import type { Rulebook } from "../../rulebook/schema";
import { getPreset } from "../../rulebook/load";

export const PROJECT_SHEET = "项目表";
export const INDICATOR_SHEET = "指标表";

const PCOL: Partial<Record<ProjectField, string>> = {
  code: "A", name: "B", department: "C", attribute: "D", initialBudget: "E", budget: "F", spent: "G",
  fiscalFunds: "H", otherFunds: "I", goal: "J", executionReason: "K", declaredTotal: "L", declaredGrade: "M",
  cumulativeSpent: "N", forecastSpent: "O", declaredExecutionScore: "P", startDate: "Q", endDate: "R",
};
const ICOL: Partial<Record<IndicatorField, string>> = {
  projectCode: "A", level1: "B", level2: "C", name: "D", operator: "E", target: "F", unit: "G", actual: "H",
  weight: "I", score: "J", reason: "K", current: "L", forecast: "M", possibility: "N", lastYear: "O",
};

export interface IndicatorSpec {
  l1?: string;
  l2?: string;
  name: string;
  /** Operator in its own column (Sichuan layout). */
  op?: string;
  target?: string | number;
  unit?: string;
  actual?: string | number;
  weight?: number;
  score?: number;
  reason?: string;
  current?: string | number;
  forecast?: string | number;
  possibility?: string;
  lastYear?: string | number;
}

export interface ProjectSpec {
  code?: string;
  name?: string;
  department?: string;
  attribute?: string;
  initialBudget?: number;
  budget?: number;
  spent?: number;
  fiscalFunds?: number;
  otherFunds?: number;
  goal?: string;
  executionReason?: string;
  declaredTotal?: number;
  declaredGrade?: string;
  cumulativeSpent?: number;
  forecastSpent?: number;
  declaredExecutionScore?: number;
  startDate?: string;
  endDate?: string;
  indicators?: IndicatorSpec[];
}

export interface BookOptions {
  modes?: Mode[];
  rulebook?: Rulebook;
  year?: number | null;
  unit?: string;
  asOfInSheet?: string | null;
}

const EMPTY: ParsedValue = { kind: "empty" };

function value(v: string | number | undefined, rb: Rulebook, extra?: { op?: string; unit?: string }): ParsedValue {
  if (v === undefined) return EMPTY;
  return parseIndicatorValue(v as CellValue, { operatorCell: extra?.op ?? null, unitCell: extra?.unit ?? null, units: rb.units });
}

/** A default sound indicator set, handy as a base: 数量 + 质量 + 时效 + 经济效益 + 满意度. */
export function soundIndicators(): IndicatorSpec[] {
  return [
    { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次" },
    { l1: "产出指标", l2: "质量指标", name: "培训合格率", target: "≥95%" },
    { l1: "产出指标", l2: "时效指标", name: "培训完成时间", target: "2024年12月底前" },
    { l1: "效益指标", l2: "社会效益指标", name: "新增就业人数", target: "≥200人" },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%" },
  ];
}

export function makeBook(specs: ProjectSpec[], options: BookOptions = {}): ModelBook {
  const rb = options.rulebook ?? getPreset();
  let irow = 2;
  const projects: Project[] = specs.map((spec, i) => {
    const row = i + 2;
    const cells: Partial<Record<ProjectField, string>> = {};
    const raw: Partial<Record<ProjectField, CellValue>> = {};
    for (const [field, col] of Object.entries(PCOL) as [ProjectField, string][]) {
      cells[field] = `${col}${row}`;
      const v = (spec as Record<string, unknown>)[field];
      raw[field] = v === undefined ? null : (v as CellValue);
    }
    const code = spec.code ?? `P${String(i + 1).padStart(3, "0")}`;
    raw.code = code;
    const name = spec.name ?? `测试项目${i + 1}`;
    raw.name = name;
    const project: Project = {
      id: code,
      origin: { sheet: PROJECT_SHEET, row, cells, raw },
      code,
      name,
      department: spec.department ?? "测试局",
      implementer: null,
      attribute: spec.attribute ?? null,
      fundType: null,
      initialBudget: spec.initialBudget ?? null,
      budget: spec.budget ?? spec.initialBudget ?? null,
      spent: spec.spent ?? null,
      fiscalFunds: spec.fiscalFunds ?? null,
      otherFunds: spec.otherFunds ?? null,
      cumulativeSpent: spec.cumulativeSpent ?? null,
      forecastSpent: spec.forecastSpent ?? null,
      goal: spec.goal ?? null,
      executionReason: spec.executionReason ?? null,
      declaredExecutionScore: spec.declaredExecutionScore ?? null,
      declaredTotal: spec.declaredTotal ?? null,
      declaredGrade: spec.declaredGrade ?? null,
      startDate: spec.startDate ?? null,
      endDate: spec.endDate ?? null,
      indicators: [],
    };
    project.indicators = (spec.indicators ?? []).map((ind): Indicator => {
      const r = irow++;
      const icells: Partial<Record<IndicatorField, string>> = {};
      const iraw: Partial<Record<IndicatorField, CellValue>> = {};
      const src: Record<string, unknown> = { projectCode: code, level1: ind.l1, level2: ind.l2, name: ind.name, operator: ind.op, target: ind.target, unit: ind.unit, actual: ind.actual, weight: ind.weight, score: ind.score, reason: ind.reason, current: ind.current, forecast: ind.forecast, possibility: ind.possibility, lastYear: ind.lastYear };
      for (const [field, col] of Object.entries(ICOL) as [IndicatorField, string][]) {
        icells[field] = `${col}${r}`;
        iraw[field] = src[field] === undefined ? null : (src[field] as CellValue);
      }
      const extra = { op: ind.op, unit: ind.unit };
      return {
        id: `${INDICATOR_SHEET}!${r}`,
        origin: { sheet: INDICATOR_SHEET, row: r, cells: icells, raw: iraw },
        level1: canonicalLevel1(ind.l1),
        level1Text: ind.l1 ?? null,
        level2: canonicalLevel2(ind.l2, rb.framework),
        level2Text: ind.l2 ?? null,
        name: ind.name,
        target: value(ind.target, rb, extra),
        actual: value(ind.actual, rb, { unit: ind.unit }),
        weight: ind.weight ?? null,
        declaredScore: ind.score ?? null,
        reason: ind.reason ?? null,
        current: value(ind.current, rb, { unit: ind.unit }),
        forecast: value(ind.forecast, rb, { unit: ind.unit }),
        possibility: ind.possibility ?? null,
        lastYear: value(ind.lastYear, rb, { unit: ind.unit }),
      };
    });
    return project;
  });
  const anyActual = specs.some((s) => s.indicators?.some((i) => i.actual !== undefined));
  const anyCurrent = specs.some((s) => s.cumulativeSpent !== undefined || s.indicators?.some((i) => i.current !== undefined));
  const modes: Mode[] = options.modes ?? ["目标审核", ...(anyActual ? (["绩效自评"] as Mode[]) : []), ...(anyCurrent ? (["运行监控"] as Mode[]) : [])];
  const projectFields = (Object.keys(PCOL) as ProjectField[]).filter((f) => f === "code" || f === "name" || specs.some((s) => (s as Record<string, unknown>)[f] !== undefined));
  const indicatorFields = (Object.keys(ICOL) as IndicatorField[]).filter(
    (f) => f === "projectCode" || specs.some((s) => s.indicators?.some((i) => (i as unknown as Record<string, unknown>)[fieldToSpec(f)] !== undefined)),
  );
  return {
    name: "test.xlsx",
    layout: "list",
    unit: options.unit ?? "万元",
    detections: [],
    projectFields,
    indicatorFields,
    modes,
    asOfInSheet: options.asOfInSheet ?? null,
    year: options.year === undefined ? 2024 : options.year,
    projects,
    orphans: [],
    unreadable: [],
    cellErrors: [],
    missing: [],
  };
}

function fieldToSpec(f: IndicatorField): string {
  const map: Partial<Record<IndicatorField, string>> = { level1: "l1", level2: "l2", operator: "op" };
  return map[f] ?? f;
}
