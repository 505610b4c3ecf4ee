/**
 * Mid-year monitoring (双监控, domain.md §5): 序时进度, the budget light, indicator lights.
 * Thresholds come from rulebook.monitoring.
 */
import type { Indicator, Project } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import type { Light } from "../engine/results";
import { alignUnits, isRateName, isReverse } from "../scoring/score";
import { executionRate, projectBudget } from "../scoring/project";
import { Decimal, dec } from "../scoring/round";

function parseIso(asOf: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
  if (!m) throw new Error(`invalid as-of date: ${asOf}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** 序时进度 at `asOf`: month / 12, or elapsed days (the as-of day included) / days in the year. */
export function timeProgress(asOf: string, mode: "month" | "days"): number {
  const { y, m, d } = parseIso(asOf);
  if (mode === "month") return m / 12;
  const day = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000 + 1;
  const days = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86400000;
  return day / days;
}

/** A valid ISO date yyyy-mm-dd (month 1–12, day within the month). */
export function isIsoDate(s: string | null | undefined): s is string {
  if (typeof s !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * 序时进度 of a budget year: a date after that year is 100 %, a date before it 0; within it,
 * timeProgress(). `year` null: the as-of date's own year.
 */
export function timeProgressIn(asOf: string, mode: "month" | "days", year: number | null): number {
  if (year !== null) {
    const y = parseIso(asOf).y;
    if (y > year) return 1;
    if (y < year) return 0;
  }
  return timeProgress(asOf, mode);
}

const ORDER: Record<Light, number> = { red: 3, yellow: 2, green: 1, blue: 0 };

/** The worst light (red > yellow > green > blue), null when there is none. */
export function worstLight(lights: (Light | null)[]): Light | null {
  let w: Light | null = null;
  for (const l of lights) if (l !== null && (w === null || ORDER[l] > ORDER[w])) w = l;
  return w;
}

/** Budget light from execution rate ÷ 序时进度. */
export function budgetLightFor(ratio: number, rulebook: Rulebook): Light {
  const { budgetRed, budgetYellow } = rulebook.monitoring;
  if (ratio < budgetRed) return "red";
  if (ratio < budgetYellow) return "yellow";
  return "green";
}

export type MonitoringKind = "cumulative" | "level" | "qualitative";

/** Cumulative: a 正向 count or amount under a cumulative 二级 (数量, 效益, …) that is not a rate. */
export function monitoringKindOf(ind: Indicator, rulebook: Rulebook): MonitoringKind | null {
  const t = ind.target;
  if (t.kind === "tier" || ind.current.kind === "tier") return "qualitative";
  if (t.kind === "date") return "level";
  if (t.kind !== "number") return null;
  const cumulative =
    ind.level2 !== null &&
    rulebook.cumulativeLevel2.includes(ind.level2) &&
    t.unit !== null &&
    t.unit !== "%" &&
    rulebook.units.countable.includes(t.unit) &&
    !isReverse(t.operator) &&
    !isRateName(ind.name);
  return cumulative ? "cumulative" : "level";
}

export interface IndicatorLight {
  kind: MonitoringKind | null;
  light: Light | null;
  /** Cumulative: target × 序时进度. */
  expected: number | null;
  /** Cumulative: current / expected. */
  completion: number | null;
  /** current expressed in the target's unit. */
  current: number | null;
}

/** The light of one indicator from its 当前完成值. */
export function indicatorLight(ind: Indicator, rulebook: Rulebook, progress: number): IndicatorLight {
  const kind = monitoringKindOf(ind, rulebook);
  const none: IndicatorLight = { kind, light: null, expected: null, completion: null, current: null };
  const { target, current } = ind;
  const mon = rulebook.monitoring;
  if (kind === "qualitative") {
    if (current.kind !== "tier") return none;
    return { ...none, light: current.tier === "achieved" ? "green" : current.tier === "partial" ? "yellow" : "red" };
  }
  if (target.kind === "date") {
    if (current.kind !== "date") return none;
    return { ...none, light: current.date <= target.date ? "green" : "red" };
  }
  if (target.kind !== "number" || current.kind !== "number") return none;
  const aligned = alignUnits(target, current, rulebook);
  if ("reason" in aligned) return none;
  const c = aligned.value;
  const t = dec(target.value);
  if (kind === "cumulative") {
    const expected = t.times(progress);
    if (expected.lte(0)) return { ...none, light: c.gte(0) ? "green" : "red", current: c.toNumber() };
    // 序时进度 is a float (7/12): compare at 9 decimals so that exactly 60 % is 60 %.
    const completion = c.dividedBy(expected).toDecimalPlaces(9, Decimal.ROUND_HALF_UP);
    const light: Light = completion.lt(mon.cumulativeRed)
      ? "red"
      : completion.lt(mon.cumulativeYellow)
        ? "yellow"
        : completion.lt(mon.cumulativeBlue)
          ? "green"
          : "blue";
    return { kind, light, expected: expected.toNumber(), completion: completion.toNumber(), current: c.toNumber() };
  }
  // Level: within target green; off by no more than levelTolerance × |target| yellow; else red.
  const shortfall = isReverse(target.operator) ? c.minus(t) : t.minus(c);
  const tolerance = t.abs().times(mon.levelTolerance);
  const light: Light = shortfall.lte(0) ? "green" : shortfall.lte(tolerance) ? "yellow" : "red";
  return { ...none, light, current: c.toNumber() };
}

export interface ProjectMonitoring {
  /** 序时进度. */
  timeProgress: number;
  /** (累计执行数 ?? 全年执行数) / 全年预算数. */
  executionRate: number | null;
  /** executionRate ÷ 序时进度. */
  budgetRatio: number | null;
  budgetLight: Light | null;
  light: Light | null;
  indicators: Map<string, IndicatorLight>;
}

/** Lights of a project at `asOf`. `year`: the budget year when the sheet says (see timeProgressIn). */
export function monitorProject(project: Project, rulebook: Rulebook, asOf: string, year: number | null = null): ProjectMonitoring {
  const progress = timeProgressIn(asOf, rulebook.monitoring.timeProgress, year);
  const rate = executionRate(project.cumulativeSpent ?? project.spent, projectBudget(project));
  const budgetRatio = rate === null || progress <= 0 ? null : dec(rate).dividedBy(progress).toDecimalPlaces(9, Decimal.ROUND_HALF_UP).toNumber();
  const budgetLight = budgetRatio === null ? null : budgetLightFor(budgetRatio, rulebook);
  const indicators = new Map<string, IndicatorLight>();
  for (const ind of project.indicators) indicators.set(ind.id, indicatorLight(ind, rulebook, progress));
  const light = worstLight([budgetLight, ...[...indicators.values()].map((l) => l.light)]);
  return { timeProgress: progress, executionRate: rate, budgetRatio, budgetLight, light, indicators };
}
