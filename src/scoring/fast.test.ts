/**
 * The float scoring (fast.ts) against the decimal definition: the same result object, field
 * for field (scores to the cent, ratios to the last bit, totals, grades), on random projects
 * and on the edges where binary floats and decimals disagree (89.995, 8.875, 0.1 + 0.2, band
 * limits exactly at weight × band).
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import type { Operator, ParsedValue } from "../parse/types";
import { getPreset } from "../rulebook/load";
import type { Rulebook } from "../rulebook/schema";
import { scoreProject, scoreProjectDecimal } from "./project";
import { centsOf, fastProject, scaled } from "./fast";
import { integerQuotient as decimalRatio } from "../core/exact";
import { executionRate, projectBudget, weightsFor } from "./project";
import { date, ind, num, project, tier } from "./testing/fixtures";
import { inBand, inTierBand, tierBand } from "./score";

const presets: Rulebook[] = [getPreset("central-2020"), getPreset("sichuan-2023"), getPreset("five-grade"), { ...getPreset("central-2020"), scoring: { ...getPreset("central-2020").scoring, reverse: "ratio" } }];

const cents = fc.integer({ min: 0, max: 2_000_000 }).map((n) => n / 100);
const small = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 4, arbitrary: cents },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 5000, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom(5e-324, 1.5e-323, -0, 0, 0.1, 0.2, 0.3, 89.995, 8.875, 1.005, 95, 100, 1e-7) },
);
const weight = fc.oneof(fc.constantFrom(10, 7.5, 5, 20, 2.5, 12.5, 0.1, 16.6666666667, 33.3333333333, 6.25, 0, 3), cents.map((c) => c % 40), fc.double({ min: 0, max: 50, noNaN: true }));
const op = fc.constantFrom<Operator | null>("≥", ">", "=", "<", "≤", null);
const unit = fc.constantFrom<string | null>(null, "%", "万元", "元", "个", "人次");
const numberValue = fc.record({ op, v: small, u: unit }).map(({ op: o, v, u }) => num(o, v, u));
const value: fc.Arbitrary<ParsedValue> = fc.oneof(
  { weight: 6, arbitrary: numberValue },
  { weight: 1, arbitrary: fc.constantFrom(tier("achieved"), tier("partial"), tier("failed"), date("2024-12-31"), date("2025-01-31"), { kind: "empty" } as ParsedValue, { kind: "text", text: "进一步提高" } as ParsedValue) },
);

const indicatorArb = fc.record({ t: value, a: value, w: fc.option(weight, { freq: 8 }), declared: fc.option(fc.oneof(cents.map((c) => c % 30), weight, weight.map((w) => w * 0.8), weight.map((w) => w * 0.6)), { freq: 2 }) });

function build(inds: { t: ParsedValue; a: ParsedValue; w: number | null; declared: number | null }[], spent: number | null, budget: number | null, level1 = "产出指标" as const) {
  return project({ spent, budget, indicators: inds.map((x) => ind(x.t, x.a, { weight: x.w, declaredScore: x.declared, level1 })) });
}

describe("float scoring equals decimal scoring", () => {
  it("on random projects, under every preset", () => {
    fc.assert(
      fc.property(fc.array(indicatorArb, { maxLength: 12 }), fc.option(small), fc.option(small), fc.constantFrom(...presets), (inds, spent, budget, rb) => {
        const p = build(inds, spent, budget);
        expect(scoreProject(p, rb)).toEqual(scoreProjectDecimal(p, rb));
      }),
      { numRuns: 2500 },
    );
  });

  it("on projects as sheets write them, nearly all decided in floats (so the test above is not only the fallback)", () => {
    const sheetNumber = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 100000 }).map((n) => n / 100));
    const sheetValue: fc.Arbitrary<ParsedValue> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ op, v: sheetNumber, u: fc.constantFrom<string | null>(null, "%", "个") }).map(({ op: o, v, u }) => num(o, v, u)) },
      { weight: 1, arbitrary: fc.constantFrom(tier("achieved"), tier("partial"), tier("failed"), date("2024-12-31")) },
    );
    const sheetIndicator = fc.record({ t: sheetValue, a: sheetValue, w: fc.constantFrom(10, 7.5, 5, 20, 2.5, 12.5, 6.25), declared: fc.option(fc.integer({ min: 0, max: 2000 }).map((n) => n / 100)) });
    let decided = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(sheetIndicator, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 10000000 }).map((n) => n / 100), fc.integer({ min: 1, max: 10000000 }).map((n) => n / 100), fc.constantFrom(...presets), (inds, spent, budget, rb) => {
        const p = build(inds, spent, budget);
        expect(scoreProject(p, rb)).toEqual(scoreProjectDecimal(p, rb));
        const w = weightsFor(p, rb);
        runs++;
        if (fastProject(p, p.indicators.map((i) => w.get(i.id) ?? null), executionRate(p.spent, projectBudget(p)), rb)) decided++;
      }),
      { numRuns: 2500 },
    );
    expect(decided / runs).toBeGreaterThan(0.9);
  });

  it("with the preset's category weights (no sheet weights)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: value, a: value, l: fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标") }), { maxLength: 12 }), fc.option(small), fc.option(small), fc.constantFrom(...presets), (inds, spent, budget, rb) => {
        const p = project({ spent, budget, indicators: inds.map((x) => ind(x.t, x.a, { level1: x.l as "产出指标" })) });
        expect(scoreProject(p, rb)).toEqual(scoreProjectDecimal(p, rb));
      }),
      { numRuns: 2000 },
    );
  });

  it("on the edges: half cents, band limits, binary noise", () => {
    const rb = presets[0];
    const cases = [
      build([{ t: num("≥", 160, "个"), a: num(null, 142, "个"), w: 10, declared: null }], 100, 100),
      build([{ t: num("≥", 100, "个"), a: num(null, 89.995, "个"), w: 100, declared: null }], null, null),
      build([{ t: num("≥", 0.3, null), a: num(null, 0.1, null), w: 0.3, declared: null }], 0.1, 0.3),
      build([{ t: tier("achieved"), a: tier("partial"), w: 7.5, declared: 6 }, { t: tier("achieved"), a: tier("achieved"), w: 7.5, declared: 7.5 }], 95.5, 100),
      build([{ t: num("≤", 40, "万元"), a: num(null, 400000, "元"), w: 10, declared: null }], 1, 3),
    ];
    for (const p of cases) expect(scoreProject(p, rb)).toEqual(scoreProjectDecimal(p, rb));
  });
});

describe("the exact helpers", () => {
  it("decimalRatio is decimal.js's quotient whenever it answers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, t) => {
        const r = decimalRatio(a, t);
        if (r !== undefined) expect(r).toBe(new Decimal(a).dividedBy(t).toNumber());
      }),
      { numRuns: 8000 },
    );
  });

  it("centsOf rounds half-up like decimals, or declines near a half cent", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (x) => {
        const c = centsOf(x, 0);
        if (c !== undefined) expect(c).toBe(new Decimal(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());
      }),
      { numRuns: 8000 },
    );
    expect(centsOf(89.995, 0)).toBeUndefined();
    expect(centsOf(1.005, 0)).toBeUndefined();
  });

  it("scaled is the shortest decimal form", () => {
    fc.assert(
      fc.property(fc.oneof(cents, fc.double({ min: -1e4, max: 1e4, noNaN: true })), (x) => {
        const s = scaled(x);
        if (s !== undefined) expect(new Decimal(s[0]).dividedBy(10 ** s[1]).equals(new Decimal(x))).toBe(true);
      }),
      { numRuns: 8000 },
    );
  });
});

describe("inTierBand", () => {
  it("is inBand(tierBand(…)) for every tier, weight and score", () => {
    const tiers = ["achieved", "partial", "failed"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...tiers), weight, fc.oneof(small, cents.map((c) => c % 30), weight.map((w) => w * 0.8), weight.map((w) => w * 0.6)), fc.constantFrom(...presets), (t, w, s, rb) => {
        return inTierBand(s, t, w, rb) === inBand(s, tierBand(t, w, rb));
      }),
      { numRuns: 3000 },
    );
  });
});
