/**
 * Scoring a project (domain.md §4): budget execution + indicators, total, grade.
 * The total is kept as the sum of what exists (never rescaled); `maxScore` says out of what.
 */
import type { Project } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import type { IndicatorResult, ProjectResult } from "../engine/results";
import { Decimal, dec, round2 } from "./round";
import { scoreIndicatorExact } from "./score";
import { fastProject } from "./fast";
import { quotientExact } from "../core/exact";

/**
 * The weight of each indicator: the sheet's 分值 when the project gives any (missing ones are
 * null); otherwise, unless the preset requires sheet weights, the preset's category weights
 * split evenly among that category's indicators. An absent category's points are not moved.
 */
export function weightsFor(project: Project, rulebook: Rulebook): Map<string, number | null> {
  const ws = weightList(project, rulebook);
  const out = new Map<string, number | null>();
  project.indicators.forEach((i, k) => out.set(i.id, ws[k]));
  return out;
}

/** weightsFor as a list in indicator order (no map per project: scoring runs over every project). */
export function weightList(project: Project, rulebook: Rulebook): (number | null)[] {
  const inds = project.indicators;
  const out: (number | null)[] = new Array<number | null>(inds.length);
  if (inds.some((i) => i.weight !== null)) {
    for (let k = 0; k < inds.length; k++) out[k] = inds[k].weight;
    return out;
  }
  if (rulebook.scoring.weightsRequired) {
    out.fill(null);
    return out;
  }
  const counts = new Map<string, number>();
  for (const i of inds) if (i.level1 !== null) counts.set(i.level1, (counts.get(i.level1) ?? 0) + 1);
  for (let k = 0; k < inds.length; k++) {
    const i = inds[k];
    const points = i.level1 === null ? undefined : rulebook.scoring.categoryWeights[i.level1];
    // Kept exact enough that the category adds back up (50 / 3 × 3 = 50 after rounding the sum).
    out[k] = i.level1 === null || points === undefined ? null : splitWeight(points, counts.get(i.level1) ?? 1);
  }
  return out;
}

/** points / count to 10 decimals (decimal arithmetic), remembered: the same few splits recur in every project. */
const SPLITS = new Map<string, number>();
function splitWeight(points: number, count: number): number {
  const key = `${points}/${count}`;
  let w = SPLITS.get(key);
  if (w === undefined) {
    w = dec(points).dividedBy(count).toDecimalPlaces(10).toNumber();
    if (SPLITS.size > 10000) SPLITS.clear();
    SPLITS.set(key, w);
  }
  return w;
}

/** The grade of a total as displayed (rounded half-up to 2 decimals first): 89.995 → 90.00 → 优. */
export function gradeFor(total: number, rulebook: Rulebook): string | null {
  const shown = round2(total);
  for (const b of gradesHighFirst(rulebook.scoring.grades)) if (shown >= b.min) return b.grade;
  return null;
}

type Grades = Rulebook["scoring"]["grades"];
/** The grade bands, highest first: sorted once per grade list (again if the list or a band's minimum was edited since). */
const SORTED_GRADES = new WeakMap<Grades, { bands: Grades[number][]; mins: number[]; sorted: Grades }>();
function gradesHighFirst(grades: Grades): Grades {
  const hit = SORTED_GRADES.get(grades);
  if (hit && hit.bands.length === grades.length && grades.every((g, i) => g === hit.bands[i] && g.min === hit.mins[i])) return hit.sorted;
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  SORTED_GRADES.set(grades, { bands: [...grades], mins: grades.map((g) => g.min), sorted });
  return sorted;
}

/** 执行率 = spent / budget (全年预算数, else 年初预算数); null for a missing or zero denominator. */
export function executionRate(spent: number | null, budget: number | null): number | null {
  if (spent === null || budget === null || !Number.isFinite(spent) || !Number.isFinite(budget)) return null;
  if (budget <= 0) return null;
  const rate = quotientExact(spent, budget) ?? dec(spent).dividedBy(budget).toNumber();
  // A budget so small that the rate overflows (1 / 5e-324) is no rate at all.
  return Number.isFinite(rate) ? rate : null;
}

export function projectBudget(project: Project): number | null {
  return project.budget ?? project.initialBudget;
}

/** An empty result: every field null, every indicator listed. */
export function emptyResult(project: Project): ProjectResult {
  // Keyed by indicator id ("sheet!row", unique per indicator): a prototype-less dictionary, so that
  // V8 does not build a hidden class per distinct set of keys (one per project at county scale).
  const indicators: Record<string, IndicatorResult> = Object.create(null) as Record<string, IndicatorResult>;
  for (const i of project.indicators) {
    indicators[i.id] = { id: i.id, weight: null, score: null, ratio: null, overAchieved: false, light: null, monitoringKind: null };
  }
  return {
    id: project.id,
    executionRate: null,
    executionScore: null,
    indicatorScore: null,
    maxScore: null,
    totalScore: null,
    grade: null,
    timeProgress: null,
    budgetLight: null,
    light: null,
    suggestion: null,
    indicators,
  };
}

/**
 * Scores, total and grade of a project. Indicators that cannot be scored (no actual, unreadable
 * value) count 0 in the total — the E rules say why — but keep `score: null`.
 */
export function scoreProject(project: Project, rulebook: Rulebook): ProjectResult {
  const ws = weightList(project, rulebook);
  const rate = executionRate(project.spent, projectBudget(project));
  // Floats with error bounds (fast.ts); decimals for the rare project where a value sits on an edge.
  const f = fastProject(project, ws, rate, rulebook);
  if (f === undefined) return scoreProjectDecimal(project, rulebook);
  const r = emptyResult(project);
  project.indicators.forEach((ind, i) => {
    const entry = r.indicators[ind.id];
    const s = f.indicators[i];
    entry.weight = ws[i];
    entry.score = s.score;
    entry.ratio = s.ratio;
    entry.overAchieved = s.overAchieved;
  });
  r.executionRate = rate;
  r.executionScore = f.executionScore;
  if (!f.anyWeight) return r;
  r.indicatorScore = f.indicatorScore;
  r.maxScore = f.maxScore;
  r.totalScore = f.totalScore;
  r.grade = gradeFor(f.totalScore as number, rulebook);
  return r;
}

/** scoreProject in decimal arithmetic throughout: the definition the float scoring must match. */
export function scoreProjectDecimal(project: Project, rulebook: Rulebook): ProjectResult {
  const r = emptyResult(project);
  const weights = weightsFor(project, rulebook);
  let indicatorSum = new Decimal(0);
  let weightSum = new Decimal(0);
  let anyWeight = false;
  for (const ind of project.indicators) {
    const weight = weights.get(ind.id) ?? null;
    const s = scoreIndicatorExact(ind, weight, rulebook);
    const entry = r.indicators[ind.id];
    entry.weight = weight;
    entry.score = s.score;
    entry.ratio = s.ratio;
    entry.overAchieved = s.overAchieved;
    if (weight !== null) {
      anyWeight = true;
      weightSum = weightSum.plus(weight);
      if (s.exact !== null) indicatorSum = indicatorSum.plus(s.exact);
    }
  }
  const rate = executionRate(project.spent, projectBudget(project));
  r.executionRate = rate;
  const execWeight = rulebook.scoring.executionWeight;
  const execExact = rate === null ? null : Decimal.max(0, Decimal.min(rate, 1)).times(execWeight);
  r.executionScore = execExact === null ? null : round2(execExact);
  if (!anyWeight) return r;
  r.indicatorScore = round2(indicatorSum);
  r.maxScore = round2(weightSum.plus(execWeight));
  r.totalScore = round2(indicatorSum.plus(execExact ?? 0));
  r.grade = gradeFor(r.totalScore, rulebook);
  return r;
}
