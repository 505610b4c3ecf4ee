/**
 * Next-year budget suggestions (结果应用, domain.md §6): the grade table, the execution cap,
 * and in monitoring the recovery of money behind the 序时进度. Every number from the rulebook.
 */
import type { Project } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import type { ProjectResult, Suggestion } from "../engine/results";
import { projectBudget } from "../scoring/project";
import { Decimal, dec, fixed, pct, round2 } from "../scoring/round";
import { minusExact, timesExact } from "../core/exact";

export type SuggestMode = "绩效自评" | "运行监控";

export interface SuggestOptions {
  /** The sheet's amount unit (ModelBook.unit), for the sentence. Default 万元. */
  unit?: string;
  /** Monitoring date, for the sentence. */
  asOf?: string | null;
}

export function isOneOff(project: Project): boolean {
  return (project.attribute ?? "").includes("一次性");
}

/** A rulebook ratio as a percentage (0.9 → "90%"), remembered: a rulebook has a handful of them. */
const SHARES = new Map<number, string>();
function share(ratio: number): string {
  let s = SHARES.get(ratio);
  if (s === undefined) {
    s = dec(ratio).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString() + "%";
    if (SHARES.size > 1000) SHARES.clear();
    SHARES.set(ratio, s);
  }
  return s;
}

function changeZh(change: number, unit: string): string {
  if (change < 0) return `较本年减少 ${fixed(-change)} ${unit}`;
  if (change > 0) return `较本年增加 ${fixed(change)} ${unit}`;
  return "与本年持平";
}

function changeEn(change: number, unit: string): string {
  if (change < 0) return `${fixed(-change)} ${unit} less than this year`;
  if (change > 0) return `${fixed(change)} ${unit} more than this year`;
  return "the same as this year";
}

function evaluationSuggestion(project: Project, result: ProjectResult, rulebook: Rulebook, unit: string): Suggestion | null {
  const budget = projectBudget(project);
  if (result.grade === null || budget === null) return null;
  const row = rulebook.suggestions.table.find((r) => r.grade === result.grade);
  if (!row) return null;
  const oneOff = isOneOff(project);
  const ratio = oneOff && row.oneOffRatio !== undefined ? row.oneOffRatio : row.ratio;
  const action = oneOff && row.oneOffAction ? row.oneOffAction : row.action;
  // Exact products of short decimals as numbers (src/core/exact.ts), decimals beyond them.
  const product = (a: number, b: number): number | Decimal => timesExact(a, b) ?? dec(a).times(b);
  let amount = product(budget, ratio);
  const { capBelow, capFactor } = rulebook.suggestions;
  const rate = result.executionRate;
  let capped = false;
  if (rate !== null && rate < capBelow && project.spent !== null) {
    const cap = product(project.spent, capFactor);
    if (typeof cap === "number" && typeof amount === "number" ? cap < amount : dec(cap).lt(amount)) {
      // Decimal.max(cap, 0): a negative cap becomes 0, a zero keeps its sign.
      amount = typeof cap === "number" ? (cap < 0 ? 0 : cap) : Decimal.max(cap, 0);
      capped = true;
    }
  }
  const amt = round2(amount);
  const change = round2(minusExact(amt, budget) ?? dec(amt).minus(budget));
  const total = result.totalScore === null ? "—" : fixed(result.totalScore);

  const zh: string[] = [`自评总分 ${total} 分，等级“${result.grade}”`];
  const en: string[] = [`Self-evaluation total ${total}, grade “${result.grade}”`];
  if (rate !== null) {
    zh.push(`执行率 ${pct(rate)}` + (rate < capBelow ? `，低于 ${share(capBelow)}` : ""));
    en.push(`execution rate ${pct(rate)}` + (rate < capBelow ? ` (below ${share(capBelow)})` : ""));
  }
  const oneOffZh = oneOff && row.oneOffRatio !== undefined ? "一次性项目" : "";
  const oneOffEn = oneOff && row.oneOffRatio !== undefined ? " (one-off project)" : "";
  if (ratio < 1) {
    zh.push(`${oneOffZh}按“${action}”下调至 ${share(ratio)}`);
    en.push(`“${action}”${oneOffEn}: reduced to ${share(ratio)}`);
  } else if (ratio > 1) {
    zh.push(`${oneOffZh}按“${action}”上调至 ${share(ratio)}`);
    en.push(`“${action}”${oneOffEn}: raised to ${share(ratio)}`);
  } else {
    zh.push(`按“${action}”安排本年全年预算数的 ${share(ratio)}`);
    en.push(`“${action}”: ${share(ratio)} of this year's budget`);
  }
  if (capped) {
    zh.push(`并以全年执行数的 ${dec(capFactor).toString()} 倍封顶`);
    en.push(`capped at ${dec(capFactor).toString()} × this year's spending`);
  }
  const reason = `${zh.join("，")}，建议安排 ${fixed(amt)} ${unit}（${changeZh(change, unit)}）。`;
  const reasonEn = `${en.join("; ")}; suggested ${fixed(amt)} ${unit} (${changeEn(change, unit)}).`;
  return { action, amount: amt, change, reason, reasonEn };
}

function monitoringSuggestion(project: Project, result: ProjectResult, rulebook: Rulebook, unit: string, asOf: string | null): Suggestion | null {
  const budget = projectBudget(project);
  const tp = result.timeProgress;
  if (result.budgetLight === null || budget === null || tp === null) return null;
  const spent = project.cumulativeSpent ?? project.spent ?? 0;
  const rate = budget > 0 ? dec(spent).dividedBy(budget) : dec(0);
  const when = asOf ? `截至 ${asOf}，` : "";
  const whenEn = asOf ? `As of ${asOf}, ` : "";
  const head = `${when}序时进度 ${pct(tp)}，累计执行 ${fixed(spent)} ${unit}，执行率 ${pct(rate)}`;
  const headEn = `${whenEn}time progress ${pct(tp)}, spent ${fixed(spent)} ${unit}, execution rate ${pct(rate)}`;
  const gap = dec(tp).minus(rate);
  if (result.budgetLight === "red" && gap.gt(0)) {
    const amount = round2(dec(budget).times(gap));
    const ratio = tp > 0 ? pct(rate.dividedBy(tp)) : "—";
    return {
      action: "建议按支出进度收回",
      amount,
      change: round2(dec(amount).negated()),
      reason: `${head}，仅为序时进度的 ${ratio}（低于 ${share(rulebook.monitoring.budgetRed)}，红灯），建议按支出进度收回 ${fixed(amount)} ${unit}（全年预算 ${fixed(budget)} ${unit} ×（${pct(tp)} − ${pct(rate)}））。`,
      reasonEn: `${headEn}, only ${ratio} of time progress (below ${share(rulebook.monitoring.budgetRed)}, red); recover ${fixed(amount)} ${unit} in line with spending progress (budget ${fixed(budget)} ${unit} × (${pct(tp)} − ${pct(rate)})).`,
    };
  }
  if (result.budgetLight === "yellow" || result.budgetLight === "red") {
    return {
      action: "督促加快支出进度",
      amount: 0,
      change: 0,
      reason: `${head}，支出进度慢于序时进度（黄灯），建议督促加快支出进度，暂不收回资金。`,
      reasonEn: `${headEn}: spending is behind time progress (yellow); push for faster spending, no recovery for now.`,
    };
  }
  return {
    action: "按计划执行",
    amount: 0,
    change: 0,
    reason: `${head}，支出进度正常，建议按计划执行。`,
    reasonEn: `${headEn}: spending is on track; carry on as planned.`,
  };
}

/**
 * One suggestion for a project: in 绩效自评 from the grade (table, one-off ratio, execution
 * cap); in 运行监控 from the budget light (recovery when red). Null when there is nothing to
 * base it on (no grade / no light / no budget).
 */
export function suggest(project: Project, result: ProjectResult, rulebook: Rulebook, mode: SuggestMode, options: SuggestOptions = {}): Suggestion | null {
  const unit = options.unit ?? rulebook.defaultUnit;
  if (mode === "运行监控") return monitoringSuggestion(project, result, rulebook, unit, options.asOf ?? null);
  return evaluationSuggestion(project, result, rulebook, unit);
}
