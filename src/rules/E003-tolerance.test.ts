import fc from "fast-check";
import Decimal from "decimal.js";
import { withinTolerance } from "./E003-score-differs";

describe("E003 tolerance without a decimal per indicator", () => {
  const cents = fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100);
  const any = fc.oneof(cents, fc.double({ min: -1000, max: 1000, noNaN: true }));
  it("decides exactly as decimal arithmetic, ties included", () => {
    fc.assert(
      fc.property(any, any, fc.constantFrom(0, 0.5, 0.1, 1, 0.3, 2.25), (a, b, tol) => {
        expect(withinTolerance(a, b, tol)).toBe(new Decimal(a).minus(b).abs().lte(tol));
      }),
      { numRuns: 20000 },
    );
    // Binary noise would say 0.30000000000000004 > 0.3 and 0.49999999999999994 < 0.5.
    expect(withinTolerance(8.3, 7.8, 0.5)).toBe(true);
    expect(withinTolerance(0.3, 0.2, 0.1)).toBe(true);
    expect(withinTolerance(0.7, 0.2, 0.5)).toBe(true);
    expect(withinTolerance(0.71, 0.2, 0.5)).toBe(false);
  });
});
