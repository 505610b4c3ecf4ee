import fc from "fast-check";
import type { Operator, ParsedValue } from "../parse/types";
import { getPreset } from "../rulebook/load";
import { scoreIndicator } from "./score";
import { scoreProject } from "./project";
import { ind, num, project } from "./testing/fixtures";

const rb = getPreset("central-2020");
const ops = fc.constantFrom<Operator | null>("≥", ">", "=", "<", "≤", null);
const units = fc.constantFrom<string | null>(null, "%", "万元", "元", "个", "人次");
const amount = fc.double({ min: -1e6, max: 1e7, noNaN: true, noDefaultInfinity: true });
const value: fc.Arbitrary<ParsedValue> = fc.oneof(
  fc.record({ op: ops, v: amount, u: units }).map(({ op, v, u }) => num(op, v, u)),
  fc.constantFrom<ParsedValue>(
    { kind: "empty" },
    { kind: "tier", tier: "achieved", text: "达成" },
    { kind: "tier", tier: "partial", text: "部分达成" },
    { kind: "tier", tier: "failed", text: "未达成" },
    { kind: "date", operator: "≤", date: "2024-12-31", text: "" },
    { kind: "text", text: "进一步提高" },
  ),
);

describe("scoring properties", () => {
  it("never throws; a score is null or within [0, weight] with 2 decimals", () => {
    fc.assert(
      fc.property(value, value, fc.double({ min: 0, max: 100, noNaN: true }), fc.option(fc.double({ min: -10, max: 200, noNaN: true })), (t, a, w, declared) => {
        const s = scoreIndicator(ind(t, a, { declaredScore: declared ?? null }), w, rb);
        if (s.score === null) return true;
        return s.score >= 0 && s.score <= Math.round(w * 100) / 100 + 1e-9 && Math.round(s.score * 100) / 100 === s.score;
      }),
    );
  });

  it("正向: a larger actual never scores less", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), amount, amount, (target, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const s = (v: number) => scoreIndicator(ind(num("≥", target, "个"), num(null, v, "个")), 10, rb).score ?? -1;
        return s(lo) <= s(hi);
      }),
    );
  });

  it("反向: a larger actual never scores more, in both presets", () => {
    const ratio = getPreset();
    ratio.scoring.reverse = "ratio";
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), amount, amount, (target, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        for (const book of [rb, ratio]) {
          const s = (v: number) => scoreIndicator(ind(num("≤", target, "万元"), num(null, v, "万元")), 10, book).score ?? -1;
          if (s(lo) < s(hi)) return false;
        }
        return true;
      }),
    );
  });

  it("a project total never exceeds its maxScore and never throws on odd budgets", () => {
    fc.assert(
      fc.property(fc.option(amount), fc.option(amount), fc.double({ min: 0, max: 2, noNaN: true }), (budget, spent, share) => {
        const r = scoreProject(project({ budget, spent, indicators: [ind(num("≥", 100, "个"), num(null, share * 100, "个"))] }), rb);
        return r.totalScore === null || r.maxScore === null || r.totalScore <= r.maxScore;
      }),
    );
  });
});
