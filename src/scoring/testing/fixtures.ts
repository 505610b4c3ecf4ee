/** Test helpers for scoring, monitoring and suggestions: models built directly, without the parsers. */
import type { Indicator, Project } from "../../model/model";
import type { Operator, ParsedValue, Tier } from "../../parse/types";

export const EMPTY: ParsedValue = { kind: "empty" };
export const num = (operator: Operator | null, value: number, unit: string | null = null): ParsedValue => ({ kind: "number", operator, value, unit, approx: false });
export const tier = (t: Tier): ParsedValue => ({ kind: "tier", tier: t, text: t });
export const date = (d: string): ParsedValue => ({ kind: "date", operator: "≤", date: d, text: d });

let seq = 0;
export function ind(target: ParsedValue, actual: ParsedValue, extra: Partial<Indicator> = {}): Indicator {
  const row = ++seq + 1;
  return {
    id: `指标表!${row}`,
    origin: { sheet: "指标表", row, cells: {}, raw: {} },
    level1: "产出指标",
    level1Text: "产出指标",
    level2: "数量指标",
    level2Text: "数量指标",
    name: "培训人次",
    target,
    actual,
    weight: null,
    declaredScore: null,
    reason: null,
    current: EMPTY,
    forecast: EMPTY,
    possibility: null,
    lastYear: EMPTY,
    ...extra,
  };
}

export function project(p: Partial<Project>): Project {
  return {
    id: p.code ?? "P001",
    origin: { sheet: "项目表", row: 2, cells: {}, raw: {} },
    code: "P001",
    name: "测试项目",
    department: null,
    implementer: null,
    attribute: null,
    fundType: null,
    initialBudget: null,
    budget: 100,
    spent: 100,
    fiscalFunds: null,
    otherFunds: null,
    cumulativeSpent: null,
    forecastSpent: null,
    goal: null,
    executionReason: null,
    declaredExecutionScore: null,
    declaredTotal: null,
    declaredGrade: null,
    startDate: null,
    endDate: null,
    indicators: [],
    ...p,
  };
}
