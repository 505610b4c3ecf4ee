/**
 * The exact number helpers (exact.ts) against decimal.js, the definition they stand in for:
 * whenever a helper answers, the answer is decimal.js's to the last bit (and the sign of zero);
 * and it answers for the ordinary values of a budget sheet.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { fixedHalfUp, halfUlpForTest, minusExact, percentHalfUp, quotientExact, roundHalfUp, timesExact } from "./exact";

const RUNS = { numRuns: 3000 };
const HALF_UP = Decimal.ROUND_HALF_UP;

const edges = [0.9277431234567891, 0.99951234567891, 0.0004999999999, 123.45678901234568, 9.999999999999999e22, 1.5e-7, 4.35e-5, 0, -0, 0.1, 0.2, 0.3, 0.005, -0.005, 0.015, 1.005, -1.005, 2.675, 8.875, 89.995, 99.995, 0.125, 1e-7, 1e-12, 5e-13, 123456789.125, 999999999999.995, 1e14, 9.99e14, 1e15, 1e16, 1 / 3, 2 / 3, 16.6666666667, 33.3333333333, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 0.1 + 0.2, 95, 100, 0.95, 0.9, 1.2, 12.5];
const cents = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((n) => n / 100);
const short = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k);
const anyNumber = fc.oneof(
  { weight: 3, arbitrary: cents },
  { weight: 3, arbitrary: short },
  { weight: 2, arbitrary: fc.constantFrom(...edges, ...edges.map((x) => -x)) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
);

/** Same number, the sign of zero included. */
const same = (a: number, b: number) => Object.is(a, b);

describe("exact number helpers agree with decimal.js", () => {
  it("roundHalfUp = toDecimalPlaces(places, ROUND_HALF_UP).toNumber()", () => {
    fc.assert(
      fc.property(anyNumber, fc.integer({ min: 0, max: 4 }), (x, places) => {
        const got = roundHalfUp(x, places);
        return got === undefined || same(got, new Decimal(x).toDecimalPlaces(places, HALF_UP).toNumber());
      }),
      RUNS,
    );
  });

  it("fixedHalfUp = toFixed(places, ROUND_HALF_UP)", () => {
    fc.assert(
      fc.property(anyNumber, fc.integer({ min: 0, max: 4 }), (x, places) => {
        const got = fixedHalfUp(x, places);
        return got === undefined || got === new Decimal(x).toFixed(places, HALF_UP);
      }),
      RUNS,
    );
  });

  it("percentHalfUp = times(100).toFixed(places, ROUND_HALF_UP)", () => {
    fc.assert(
      fc.property(anyNumber, fc.integer({ min: 0, max: 3 }), (x, places) => {
        const got = percentHalfUp(x, places);
        return got === undefined || got === new Decimal(x).times(100).toFixed(places, HALF_UP);
      }),
      RUNS,
    );
  });

  it("timesExact and minusExact = times / minus / plus, toNumber()", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        const t = timesExact(a, b);
        const m = minusExact(a, b);
        const p = minusExact(a, b, -1);
        return (
          (t === undefined || same(t, new Decimal(a).times(b).toNumber())) &&
          (m === undefined || same(m, new Decimal(a).minus(b).toNumber())) &&
          (p === undefined || same(p, new Decimal(a).plus(b).toNumber()))
        );
      }),
      RUNS,
    );
  });

  it("quotientExact = dividedBy(b).toNumber() (20 significant digits, then the nearest float)", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        const q = quotientExact(a, b);
        return q === undefined || same(q, new Decimal(a).dividedBy(b).toNumber());
      }),
      RUNS,
    );
  });

  it("halfUlp is half the gap to the next float up", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => Math.abs(x) >= 2.3e-308 && Math.abs(x) < 8e307), (x) => {
        const a = Math.abs(x);
        const k = Math.floor(Math.log2(a));
        const e = 2 ** k > a ? k - 1 : 2 ** (k + 1) <= a ? k + 1 : k;
        return halfUlpForTest(x) === 2 ** (e - 53);
      }),
      RUNS,
    );
    expect(halfUlpForTest(1)).toBe(2 ** -53);
    expect(halfUlpForTest(-3)).toBe(2 ** -52);
  });

  it("answers for the values of a budget sheet, and leaves the rest to decimal.js", () => {
    expect(roundHalfUp(89.995)).toBe(90);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(Object.is(roundHalfUp(-0.001), -0)).toBe(true);
    expect(fixedHalfUp(61.6)).toBe("61.60");
    expect(fixedHalfUp(-0.001)).toBe("-0.00");
    expect(fixedHalfUp(-0)).toBe("0.00");
    expect(fixedHalfUp(123456789.125)).toBe("123456789.13");
    expect(percentHalfUp(0.68)).toBe("68.0");
    expect(percentHalfUp(0.0005, 1)).toBe("0.1");
    expect(timesExact(1234.56, 0.9)).toBe(1111.104);
    expect(minusExact(0.3, 0.1)).toBe(0.2);
    expect(quotientExact(0.98, 0.95)).toBe(new Decimal(0.98).dividedBy(0.95).toNumber());
    expect(quotientExact(120.5, 200)).toBe(0.6025);
    expect(quotientExact(1, 3)).toBe(new Decimal(1).dividedBy(3).toNumber());
    // Long decimal forms are rounded on their digits: an execution rate, 1e21, the smallest float.
    expect(percentHalfUp(0.9277431234567891)).toBe("92.8");
    expect(percentHalfUp(0.99951234567891)).toBe("100.0");
    expect(fixedHalfUp(1e21)).toBe("1000000000000000000000.00");
    expect(fixedHalfUp(-5e-324)).toBe("-0.00");
    expect(roundHalfUp(1e16)).toBe(1e16);
    expect(Object.is(roundHalfUp(-5e-324), -0)).toBe(true);
    // Outside the exact range: no answer (the caller uses decimal.js).
    expect(fixedHalfUp(Number.NaN)).toBeUndefined();
    expect(roundHalfUp(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(quotientExact(1, 0)).toBeUndefined();
    expect(timesExact(1e10, 1e10)).toBeUndefined();
  });
});
