/**
 * Exact decimal arithmetic on plain numbers, for the common case, without a big-number object.
 *
 * A number is taken as decimal.js takes it: as its shortest decimal form (String(x): 0.1 is
 * 0.1, 89.995 is 89.995). `split` writes that form as m / 10^k with an integer |m| < 10^15;
 * below that bound every step here is exact in floating point (integers below 2^53, one
 * correctly rounded division at the end), and a decimal of at most 15 significant digits is
 * the shortest form of its nearest float, so a result can be handed on as a number without
 * losing its decimal value. Each function gives `undefined` when the operands fall outside
 * that range (huge, or more than 12 decimals); the caller then uses decimal.js. exact.test.ts
 * compares every function with decimal.js on random and edge values.
 */

/** 10^k for k = 0 … 22 (all exact as floats). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Integers below this have at most 15 digits (exact as floats, and exact in products below 2^53 checked separately). */
const BOUND = 1e15;

/** The last split: m and k of x = m / 10^k (module scratch, so that splitting allocates nothing). */
let SM = 0;
let SK = 0;

/** x as m / 10^k (its shortest decimal form), into SM / SK; false when it does not fit. */
function split(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  for (let k = 0; k <= 12; k++) {
    const p = POW10[k];
    const y = x * p;
    if (!(Math.abs(y) < BOUND)) return false;
    const m = Math.round(y);
    if (m / p === x) {
      SM = m;
      SK = k;
      return true;
    }
  }
  return false;
}

/** |m| / 10^k rounded half-up (away from zero) to `places` decimals, as an integer count of 10^-places. */
export function roundedUnits(m: number, k: number, places: number): number {
  const a = Math.abs(m);
  if (k <= places) return a * POW10[places - k];
  const div = POW10[k - places];
  const r = a % div;
  const c = (a - r) / div;
  return 2 * r >= div ? c + 1 : c;
}

/**
 * |x| × 10^shift rounded half-up to `places` decimals, as fixed-point text, worked on the digits of
 * String(x) — the very text decimal.js reads a number from (「0.9277431234567891」, 「1.5e-7」,
 * 「1e+21」) — so any finite number is rounded exactly, however many digits it has.
 */
function fixedFromDigits(x: number, places: number, shift: number): string {
  let s = String(Math.abs(x));
  let exp = 0;
  const e = s.indexOf("e");
  if (e >= 0) {
    exp = Number(s.slice(e + 1));
    s = s.slice(0, e);
  }
  const dot = s.indexOf(".");
  const digits = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  // How many of the digits stand before the decimal point once rounded to `places`.
  const keep = (dot < 0 ? s.length : dot) + exp + shift + places;
  let units: string;
  if (keep <= 0) units = keep === 0 && digits.charCodeAt(0) >= 53 ? "1" : "0";
  else {
    units = digits.length >= keep ? digits.slice(0, keep) : digits + "0".repeat(keep - digits.length);
    if (digits.length > keep && digits.charCodeAt(keep) >= 53) units = increment(units);
  }
  units = units.replace(/^0+(?=\d)/, "");
  if (places === 0) return units;
  const padded = units.padStart(places + 1, "0");
  return `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
}

/** A string of decimal digits plus one: 「1299」 → 「1300」, 「99」 → 「100」. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return "1" + "0".repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + "0".repeat(digits.length - i - 1);
}

/**
 * `new Decimal(x).toDecimalPlaces(places, ROUND_HALF_UP).toNumber()`: 89.995 → 90, 0.125 → 0.13,
 * −0.001 → −0. Undefined only for a non-finite x or places outside 0–12.
 */
export function roundHalfUp(x: number, places = 2): number | undefined {
  if (places < 0 || places > 12 || !Number.isFinite(x)) return undefined;
  if (!split(x)) return Number((x < 0 ? "-" : "") + fixedFromDigits(x, places, 0));
  if (SK <= places) return x;
  const v = roundedUnits(SM, SK, places) / POW10[places];
  return SM < 0 || Object.is(SM, -0) ? -v : v;
}

/** The integer `units` (a count of 10^-places, ≥ 0) as fixed-point text: (6160, 2) → "61.60". */
function unitsText(units: number, places: number): string {
  if (places === 0) return String(units);
  const s = String(units).padStart(places + 1, "0");
  return `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
}

/** m / 10^k (x's sign given apart) as decimal.js's toFixed(places, ROUND_HALF_UP) writes it. */
function fixedOf(m: number, k: number, places: number, negative: boolean): string | undefined {
  const units = roundedUnits(m, k, places);
  if (!Number.isSafeInteger(units)) return undefined;
  const t = unitsText(units, places);
  return negative ? "-" + t : t;
}

/** `new Decimal(x).toFixed(places, ROUND_HALF_UP)`: 61.6 → "61.60", −0.001 → "-0.00", −0 → "0.00". */
export function fixedHalfUp(x: number, places = 2): string | undefined {
  if (places < 0 || places > 12 || !Number.isFinite(x)) return undefined;
  const sign = x < 0 ? "-" : "";
  if (!split(x)) return sign + fixedFromDigits(x, places, 0);
  return fixedOf(SM, SK, places, x < 0) ?? sign + fixedFromDigits(x, places, 0);
}

/** `new Decimal(x).times(100).toFixed(places, ROUND_HALF_UP)`: 0.68 → "68.0" (places 1). */
export function percentHalfUp(x: number, places = 1): string | undefined {
  if (places < 0 || places > 12 || !Number.isFinite(x)) return undefined;
  const sign = x < 0 ? "-" : "";
  if (split(x)) {
    if (SK >= 2) return fixedOf(SM, SK - 2, places, x < 0) ?? sign + fixedFromDigits(x, places, 2);
    const m = SM * POW10[2 - SK];
    if (Math.abs(m) < BOUND) return fixedOf(m, 0, places, x < 0) ?? sign + fixedFromDigits(x, places, 2);
  }
  return sign + fixedFromDigits(x, places, 2);
}

/** `new Decimal(a).times(b).toNumber()` when the exact product has at most 15 digits. */
export function timesExact(a: number, b: number): number | undefined {
  if (!split(a)) return undefined;
  const ma = SM;
  const ka = SK;
  if (!split(b)) return undefined;
  const m = ma * SM;
  const k = ka + SK;
  if (!(Math.abs(m) < BOUND) || k > 22) return undefined;
  return m / POW10[k];
}

/** `new Decimal(a).minus(b).toNumber()` (and with `sign` −1, plus) when the exact result has at most 15 digits. */
export function minusExact(a: number, b: number, sign: 1 | -1 = 1): number | undefined {
  if (!split(a)) return undefined;
  const ma = SM;
  const ka = SK;
  if (!split(b)) return undefined;
  const k = Math.max(ka, SK);
  const m = ma * POW10[k - ka] - sign * SM * POW10[k - SK];
  if (!(Math.abs(m) < BOUND)) return undefined;
  // decimal.js: x − x is +0, and −0 − +0 is −0 (the floats do the same with the same signs).
  if (m === 0) return sign === 1 ? a - b : a + b;
  return m / POW10[k];
}

// ---------------------------------------------------------------- a / b as decimal.js divides

/** 2^27 + 1, for Veltkamp's splitting. */
const SPLIT = 134217729;

/** The rounding error of the float product a·b = p (Dekker): a·b = p + e exactly. */
function productError(a: number, b: number, p: number): number {
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Half the distance from |r| to the next float up (r normal, non-zero). */
function halfUlp(r: number): number {
  if (LITTLE_ENDIAN) {
    // 2^(exponent − 53), made from r's exponent bits (no logarithm: this runs for every ratio).
    BITS[0] = r;
    const e = (WORDS[1] >>> 20) & 0x7ff;
    if (e > 53) {
      WORDS[1] = (e - 53) << 20;
      WORDS[0] = 0;
      return BITS[0];
    }
  }
  const x = Math.abs(r);
  let k = Math.floor(Math.log2(x));
  if (2 ** k > x) k--;
  else if (2 ** (k + 1) <= x) k++;
  return 2 ** (k - 53);
}
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * decimal.js's `new Decimal(a).dividedBy(t).toNumber()` for integers a, t: the quotient rounded
 * to 20 digits, then to the nearest float. It is the float quotient unless the exact quotient
 * lies (within 20-digit rounding) next to the midpoint between two floats; undefined then,
 * and for non-integers (whose decimal form is not their binary value).
 */
/** halfUlp, for the tests. */
export const halfUlpForTest = halfUlp;

export function integerQuotient(a: number, t: number): number | undefined {
  if (!Number.isInteger(a) || !Number.isInteger(t) || a === 0 || t === 0) return undefined;
  if (Math.abs(a) > 2 ** 53 || Math.abs(t) > 2 ** 53) return undefined;
  const r = a / t;
  if (!Number.isFinite(r) || Math.abs(r) < 1e-290) return undefined;
  const p = r * t;
  const delta = (a - p - productError(r, t, p)) / t; // exact quotient − r, very nearly
  const h = halfUlp(r);
  const tol = 1e-19 * Math.abs(r) + 1e-12 * h;
  return h - Math.abs(delta) > tol ? r : undefined;
}

/** `new Decimal(a).dividedBy(b).toNumber()` for numbers with short decimal forms (0.98 / 0.95, 120.5 / 200). */
export function quotientExact(a: number, b: number): number | undefined {
  if (!split(a)) return undefined;
  const ma = SM;
  const ka = SK;
  if (!split(b) || SM === 0) return undefined;
  // decimal.js: 0 / b is a zero with the sign of the quotient, as in floats.
  if (ma === 0) return a / b;
  let n = ma;
  let d = SM;
  if (ka >= SK) d *= POW10[ka - SK];
  else n *= POW10[SK - ka];
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return undefined;
  return integerQuotient(n, d);
}
