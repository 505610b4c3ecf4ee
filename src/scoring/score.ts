/**
 * Scoring one indicator (domain.md §4, 财预〔2020〕10号 and production practice).
 * Decimal arithmetic throughout; the public score is rounded half-up to 2 decimals, the
 * exact value is kept for project totals so that rounding happens once, at the end.
 */
import type { Indicator } from "../model/model";
import type { Operator, ParsedValue, Tier } from "../parse/types";
import type { Rulebook } from "../rulebook/schema";
import { Decimal, dec, round2 } from "./round";
import { timesExact } from "../core/exact";

export interface IndicatorScore {
  score: number | null;
  /** actual / target for quantitative indicators (null for qualitative, dates, target 0). */
  ratio: number | null;
  /** A 正向 target exceeded by scoring.overAchievement × target or more (flag only). */
  overAchieved: boolean;
  fullMarks: boolean;
  /** Why no score (or how it was obtained), English, for logs and tests. */
  reason?: string;
}

export interface ExactScore extends IndicatorScore {
  exact: Decimal | null;
  kind: "positive" | "equal" | "reverse" | "tier" | "date" | null;
}

type NumberValue = Extract<ParsedValue, { kind: "number" }>;

const REVERSE: ReadonlySet<Operator> = new Set<Operator>(["≤", "<"]);

export function isReverse(op: Operator | null): boolean {
  return op !== null && REVERSE.has(op);
}

/** A name that denotes a rate or percentage (合格率, 覆盖率, 比例, 占比 …). */
export function isRateName(name: string): boolean {
  return /率|比例|占比|百分比/.test(name);
}

/**
 * The actual value expressed in the target's unit, or a reason why the two cannot be compared.
 * 「万元」 vs 「元」 (money units of the rulebook) are converted; a bare number against a %
 * target (or the reverse) is read as %.
 */
export function alignUnits(target: NumberValue, actual: NumberValue, rulebook: Rulebook): { value: Decimal } | { reason: string } {
  const tu = target.unit;
  const au = actual.unit;
  if (tu === au || tu === null || au === null) {
    return { value: dec(actual.value) };
  }
  const money = rulebook.units.money;
  if (money[tu] !== undefined && money[au] !== undefined) {
    return { value: dec(actual.value).times(money[au]).dividedBy(money[tu]) };
  }
  if (tu === "%" || au === "%" || money[tu] !== undefined || money[au] !== undefined) {
    return { reason: `unit mismatch: target ${tu}, actual ${au}` };
  }
  // Two count units written differently (人 / 人次): compare the numbers as they are.
  return { value: dec(actual.value) };
}

export interface Band {
  lo: Decimal;
  hi: Decimal;
  /** The achieved band includes 100 %. */
  hiInclusive: boolean;
}

/** The band of points a tier's declared score must lie in: [lo, hi) × weight ([lo, hi] for 达成). */
export function tierBand(tier: Tier, weight: number, rulebook: Rulebook): Band {
  const [lo, hi] = rulebook.scoring.tierBands[tier];
  return { lo: dec(weight).times(lo), hi: dec(weight).times(hi), hiInclusive: tier === "achieved" };
}

export function inBand(score: number, band: Band): boolean {
  const s = dec(score);
  return s.gte(band.lo) && (band.hiInclusive ? s.lte(band.hi) : s.lt(band.hi));
}

/**
 * inBand(score, tierBand(tier, weight, rulebook)) without decimals when the band's limits are
 * short decimals (weight × 80 %): then comparing the numbers is comparing the decimals.
 */
export function inTierBand(score: number, tier: Tier, weight: number, rulebook: Rulebook): boolean {
  const [lo, hi] = rulebook.scoring.tierBands[tier];
  const l = timesExact(weight, lo);
  const h = timesExact(weight, hi);
  if (l !== undefined && h !== undefined && Number.isFinite(score)) return score >= l && (tier === "achieved" ? score <= h : score < h);
  return inBand(score, tierBand(tier, weight, rulebook));
}

function result(exact: Decimal | null, weight: number, extra: Partial<ExactScore> & { kind: ExactScore["kind"] }): ExactScore {
  const clamped = exact === null ? null : Decimal.max(0, Decimal.min(exact, weight));
  return {
    exact: clamped,
    score: clamped === null ? null : round2(clamped),
    ratio: null,
    overAchieved: false,
    fullMarks: clamped !== null && clamped.gte(weight),
    ...extra,
  };
}

/** Score with the exact (unrounded) value, for project totals. */
export function scoreIndicatorExact(ind: Indicator, weight: number | null, rulebook: Rulebook): ExactScore {
  const none = (reason: string): ExactScore => ({ exact: null, score: null, ratio: null, overAchieved: false, fullMarks: false, reason, kind: null });
  if (weight === null || !Number.isFinite(weight)) return none("no weight");
  const { target, actual } = ind;
  const w = dec(weight);

  // Qualitative: the actual is a tier (达成 / 部分达成 / 未达成), whatever the target says.
  if (actual.kind === "tier") {
    if (target.kind === "number" || target.kind === "date") return none("qualitative actual against a quantitative target");
    const band = tierBand(actual.tier, weight, rulebook);
    if (ind.declaredScore !== null && inBand(ind.declaredScore, band)) {
      return result(dec(ind.declaredScore), weight, { kind: "tier", reason: "declared score inside its tier band" });
    }
    return result(w.times(rulebook.scoring.tierValues[actual.tier]), weight, {
      kind: "tier",
      reason: ind.declaredScore === null ? "tier value" : "declared score outside its tier band: tier value used",
    });
  }
  if (actual.kind === "empty") return none("no actual value");

  // Dates (时效): not later than the target = full marks, else 0.
  if (target.kind === "date") {
    if (actual.kind !== "date") return none("target is a date, actual is not");
    return result(actual.date <= target.date ? w : dec(0), weight, { kind: "date" });
  }
  if (target.kind !== "number") return none("target is not a number");
  if (actual.kind !== "number") return none("actual is not a number");

  const aligned = alignUnits(target, actual, rulebook);
  if ("reason" in aligned) return none(aligned.reason);
  const a = aligned.value;
  const t = dec(target.value);
  const op = target.operator;
  const ratio = t.isZero() ? null : a.dividedBy(t).toNumber();

  if (isReverse(op)) {
    if (a.lte(t)) return result(w, weight, { kind: "reverse", ratio });
    if (t.lte(0)) return result(dec(0), weight, { kind: "reverse", ratio, reason: "reverse target 0 exceeded" });
    const exact =
      rulebook.scoring.reverse === "linear"
        ? w.times(Decimal.max(0, dec(1).minus(a.minus(t).dividedBy(t))))
        : w.times(t).dividedBy(a);
    return result(exact, weight, { kind: "reverse", ratio });
  }

  const kind = op === "=" ? "equal" : "positive";
  if (t.isZero()) {
    // ＝0: nothing may happen (actual ≤ 0); ≥0: anything non-negative is enough.
    const full = op === "=" ? a.lte(0) : a.gte(0);
    return result(full ? w : dec(0), weight, { kind, ratio: null });
  }
  const over = t.gt(0) && a.gte(t.times(rulebook.scoring.overAchievement));
  if (a.gte(t)) return result(w, weight, { kind, ratio, overAchieved: over });
  if (t.lt(0)) return none("negative target");
  return result(w.times(a).dividedBy(t), weight, { kind, ratio });
}

export function scoreIndicator(ind: Indicator, weight: number | null, rulebook: Rulebook): IndicatorScore {
  const { score, ratio, overAchieved, fullMarks, reason } = scoreIndicatorExact(ind, weight, rulebook);
  return reason === undefined ? { score, ratio, overAchieved, fullMarks } : { score, ratio, overAchieved, fullMarks, reason };
}
