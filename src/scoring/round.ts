/**
 * Decimal helpers: scores and amounts rounded half-up to 2 decimals without binary noise.
 * Plain numbers with short decimal forms are done exactly without a decimal object
 * (src/core/exact.ts); decimal.js for the rest, and for Decimal arguments.
 */
import Decimal from "decimal.js";
import { fixedHalfUp, percentHalfUp, roundHalfUp } from "../core/exact";

export { Decimal };

/** A number (or Decimal) as a Decimal from its shortest decimal representation (89.995 stays 89.995). */
export function dec(x: number | Decimal): Decimal {
  return x instanceof Decimal ? x : new Decimal(x);
}

/** Half-up to `places` decimals (default 2): 89.995 → 90, 0.125 → 0.13. */
export function round2(x: number | Decimal, places = 2): number {
  if (typeof x === "number") {
    const r = roundHalfUp(x, places);
    if (r !== undefined) return r;
  }
  return dec(x).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

/** Fixed-decimals text, half-up: fixed(61.6) → "61.60". */
export function fixed(x: number | Decimal, places = 2): string {
  if (typeof x === "number") {
    const r = fixedHalfUp(x, places);
    if (r !== undefined) return r;
  }
  return dec(x).toFixed(places, Decimal.ROUND_HALF_UP);
}

/** A fraction as a percentage text with `places` decimals: pct(0.68) → "68.0%". */
export function pct(x: number | Decimal, places = 1): string {
  if (typeof x === "number") {
    const r = percentHalfUp(x, places);
    if (r !== undefined) return r + "%";
  }
  return dec(x).times(100).toFixed(places, Decimal.ROUND_HALF_UP) + "%";
}
