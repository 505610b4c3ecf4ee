/**
 * Scoring in floating point, exactly as the decimal arithmetic of score.ts / project.ts would
 * score (to the cent, the same grade), without a decimal object per indicator.
 *
 * How it stays exact: every value is carried with a bound on how far it can be from the
 * decimal result (inputs are read as their shortest decimal form, as decimal.js reads them;
 * decimal.js works to 20 significant digits; the floats to 53 bits). A comparison or a
 * rounding to the cent is decided in floating point only when the value is farther than that
 * bound from the edge; otherwise the function gives up (`undefined`) and the caller scores
 * the project with decimals. The property test (fast.test.ts) checks equality with the
 * decimal scoring on random projects and on ties such as 89.995.
 */
import Decimal from "decimal.js";
import { POW10, quotientExact, roundedUnits } from "../core/exact";
import type { Indicator, Project } from "../model/model";
import type { Rulebook } from "../rulebook/schema";

/** Relative error allowed for a value computed in floats (true worst case ≈ 1e-15). */
const REL = 1e-12;
/** Beyond this, cents no longer fit in a float's integer range comfortably: decide with decimals. */
const LIMIT = 1e12;
/** Below this, a float product may be subnormal. */
const TINY = 1e-100;

export interface FastIndicator {
  score: number | null;
  ratio: number | null;
  overAchieved: boolean;
  /** The clamped exact score (as a float) and its error bound; null when not scored. */
  exact: number | null;
  err: number;
}

const NONE: FastIndicator = { score: null, ratio: null, overAchieved: false, exact: null, err: 0 };

/** x rounded half-up to 2 decimals, as decimals would round the exact value within ±err; undefined when too close to call. */
export function centsOf(x: number, err: number): number | undefined {
  if (!(Math.abs(x) < LIMIT)) return undefined;
  const y = x * 100;
  const frac = y - Math.floor(y);
  // 1e-6 cent also covers the gap between a float and its shortest decimal (1.005 is 1.00499999…).
  if (Math.abs(frac - 0.5) <= err * 100 + 1e-6 + Math.abs(y) * 1e-15) return undefined;
  return Math.round(y) / 100;
}

/** Is x (± err) certainly different from y? */
function apart(x: number, y: number, err: number): boolean {
  return Math.abs(x - y) > err;
}

// ---------------------------------------------------------------- short decimals as scaled integers

/** A decimal m / 10^k with integer m (|m| < 2^53). */
type Scaled = readonly [m: number, k: number];

/** x as its shortest decimal form m / 10^k (k ≤ 10 decimals, |x| < 1e5), or undefined. */
export function scaled(x: number): Scaled | undefined {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e5) return undefined;
  for (let k = 0; k <= 10; k++) {
    const m = Math.round(x * POW10[k]);
    if (m / POW10[k] === x) return [m === 0 ? 0 : m, k];
  }
  return undefined;
}

function mul(a: Scaled | undefined, b: Scaled | undefined): Scaled | undefined {
  if (!a || !b) return undefined;
  const m = a[0] * b[0];
  return Number.isSafeInteger(m) && a[1] + b[1] <= 22 ? [m, a[1] + b[1]] : undefined;
}

/** Sign of a − b, exactly; undefined when the integers would not fit. */
function cmp(a: Scaled, b: Scaled): number | undefined {
  const k = Math.max(a[1], b[1]);
  const x = a[0] * POW10[k - a[1]];
  const y = b[0] * POW10[k - b[1]];
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return undefined;
  return Math.sign(x - y);
}

/** A non-negative scaled decimal rounded half-up to cents, exactly. */
function scaledCents(v: Scaled): number {
  return roundedUnits(v[0], v[1], 2) / 100;
}

/** max(0, min(v, weight)) for an exact decimal v, rounded to cents exactly. */
function clampedScaled(v: Scaled | undefined, w: Scaled, weight: number, extra: { ratio: number | null }): FastIndicator | undefined {
  if (!v) return undefined;
  const c = cmp(v, w);
  if (c === undefined) return undefined;
  if (c >= 0) return { score: scaledCents(w), ratio: extra.ratio, overAchieved: false, exact: weight, err: 0 };
  if (v[0] <= 0) return { score: 0, ratio: extra.ratio, overAchieved: false, exact: 0, err: 0 };
  const x = v[0] / POW10[v[1]];
  return { score: scaledCents(v), ratio: extra.ratio, overAchieved: false, exact: x, err: Math.abs(x) * 2 ** -52 };
}

// ---------------------------------------------------------------- one indicator

function clamped(x: number, err: number, weight: number, extra: { ratio: number | null; overAchieved?: boolean }): FastIndicator | undefined {
  let c = x;
  let e = err;
  if (e > 0 && (!apart(x, weight, e) || !apart(x, 0, e))) return undefined;
  if (x >= weight) {
    c = weight;
    e = 0;
  } else if (x <= 0) {
    c = 0;
    e = 0;
  }
  const sc = e === 0 ? scaled(c) : undefined;
  const score = sc && sc[0] >= 0 ? scaledCents(sc) : centsOf(c, e);
  if (score === undefined) return undefined;
  return { score, ratio: extra.ratio, overAchieved: extra.overAchieved ?? false, exact: c, err: e };
}

/** scoreIndicatorExact in floats; undefined when only decimals can tell. */
export function fastIndicator(ind: Indicator, weight: number | null, rulebook: Rulebook): FastIndicator | undefined {
  if (weight === null || !Number.isFinite(weight)) return NONE;
  if (weight < 0 || weight > LIMIT || (weight !== 0 && weight < TINY)) return undefined;
  const { target, actual } = ind;
  const sc = rulebook.scoring;

  if (actual.kind === "tier") {
    if (target.kind === "number" || target.kind === "date") return NONE;
    // Bands and tier values are short decimals times the weight: compared and rounded exactly.
    const [lo, hi] = sc.tierBands[actual.tier];
    const sw = scaled(weight);
    if (!sw) return undefined;
    const d = ind.declaredScore;
    if (d !== null) {
      const sd = scaled(d);
      const sl = mul(sw, scaled(lo));
      const sh = mul(sw, scaled(hi));
      if (!sd || !sl || !sh) return undefined;
      const cl = cmp(sd, sl);
      const ch = cmp(sd, sh);
      if (cl === undefined || ch === undefined) return undefined;
      const inside = cl >= 0 && (actual.tier === "achieved" ? ch <= 0 : ch < 0);
      if (inside) return clampedScaled(sd, sw, weight, { ratio: null });
    }
    return clampedScaled(mul(sw, scaled(sc.tierValues[actual.tier])), sw, weight, { ratio: null });
  }
  if (actual.kind === "empty") return NONE;

  if (target.kind === "date") {
    if (actual.kind !== "date") return NONE;
    return clamped(actual.date <= target.date ? weight : 0, 0, weight, { ratio: null });
  }
  if (target.kind !== "number" || actual.kind !== "number") return NONE;

  const tu = target.unit;
  const au = actual.unit;
  if (!(tu === au || tu === null || au === null)) {
    const money = rulebook.units.money;
    if (money[tu] !== undefined && money[au] !== undefined) return undefined; // 万元 ↔ 元: converted with decimals
    if (tu === "%" || au === "%" || money[tu] !== undefined || money[au] !== undefined) return NONE;
  }
  const a = actual.value;
  const t = target.value;
  if (!Number.isFinite(a) || !Number.isFinite(t) || Math.abs(a) > LIMIT || Math.abs(t) > LIMIT) return undefined;
  // Near the bottom of the float range products lose their digits (subnormals): decimals decide.
  if ((a !== 0 && Math.abs(a) < TINY) || (t !== 0 && Math.abs(t) < TINY)) return undefined;
  let ratio: number | null = null;
  // The one division whose unrounded result is kept: decimals only when floats cannot prove it.
  if (t !== 0) ratio = quotientExact(a, t) ?? new Decimal(a).dividedBy(t).toNumber();
  const op = target.operator;

  if (op === "≤" || op === "<") {
    if (a <= t) return clamped(weight, 0, weight, { ratio });
    if (t <= 0) return clamped(0, 0, weight, { ratio });
    if (sc.reverse === "linear") {
      const y = 1 - (a - t) / t;
      const ey = (REL * (Math.abs(a) + Math.abs(t))) / Math.abs(t) + REL;
      if (!apart(y, 0, ey)) return undefined;
      if (y < 0) return clamped(0, 0, weight, { ratio });
      const x = weight * y;
      return clamped(x, weight * ey + REL * x, weight, { ratio });
    }
    const x = (weight * t) / a;
    return clamped(x, REL * Math.abs(x), weight, { ratio });
  }

  if (t === 0) {
    const full = op === "=" ? a <= 0 : a >= 0;
    return clamped(full ? weight : 0, 0, weight, { ratio: null });
  }
  let overAchieved = false;
  if (t > 0) {
    const p = t * sc.overAchievement;
    if (!apart(a, p, REL * Math.abs(p))) return undefined;
    overAchieved = a >= p;
  }
  if (a >= t) return clamped(weight, 0, weight, { ratio, overAchieved });
  if (t < 0) return NONE;
  const x = (weight * a) / t;
  return clamped(x, REL * Math.abs(x), weight, { ratio });
}

// ---------------------------------------------------------------- a project

export interface FastProjectScore {
  indicators: FastIndicator[];
  executionScore: number | null;
  indicatorScore: number | null;
  maxScore: number | null;
  totalScore: number | null;
  anyWeight: boolean;
}

/**
 * The sums and roundings of scoreProject in floats, given each indicator's weight and the
 * execution rate; undefined when any step is too close to call.
 */
export function fastProject(project: Project, weights: (number | null)[], rate: number | null, rulebook: Rulebook): FastProjectScore | undefined {
  const inds = project.indicators;
  if (inds.length > 1000) return undefined;
  const out: FastIndicator[] = [];
  let sum = 0;
  let sumErr = 0;
  let sumAbs = 0;
  let wSum = 0;
  let wAbs = 0;
  let anyWeight = false;
  for (let i = 0; i < inds.length; i++) {
    const weight = weights[i];
    const s = fastIndicator(inds[i], weight, rulebook);
    if (s === undefined) return undefined;
    out.push(s);
    if (weight !== null) {
      anyWeight = true;
      wSum += weight;
      wAbs += Math.abs(weight);
      if (s.exact !== null) {
        sum += s.exact;
        sumErr += s.err;
        sumAbs += Math.abs(s.exact);
      }
    }
  }
  const execWeight = rulebook.scoring.executionWeight;
  let exec: number | null = null;
  let execErr = 0;
  if (rate !== null) {
    const c = Math.max(0, Math.min(rate, 1));
    exec = c * execWeight;
    execErr = c === 0 || c === 1 ? 0 : REL * Math.abs(exec);
  }
  const executionScore = exec === null ? null : centsOf(exec, execErr);
  if (executionScore === undefined) return undefined;
  if (!anyWeight) return { indicators: out, executionScore, indicatorScore: null, maxScore: null, totalScore: null, anyWeight };
  const iErr = sumErr + REL * sumAbs;
  const indicatorScore = centsOf(sum, iErr);
  const maxScore = centsOf(wSum + execWeight, REL * (wAbs + execWeight));
  const total = sum + (exec ?? 0);
  const totalScore = centsOf(total, iErr + execErr + REL * Math.abs(total));
  if (indicatorScore === undefined || maxScore === undefined || totalScore === undefined) return undefined;
  return { indicators: out, executionScore, indicatorScore, maxScore, totalScore, anyWeight };
}
