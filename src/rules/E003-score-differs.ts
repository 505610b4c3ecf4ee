/**
 * E003 自评得分与重算得分不一致 — warning.
 * Source: 财预〔2020〕10号 (评分规则); production systems recompute every score.
 * |declared 得分 − recomputed| > scoring.scoreTolerance (default 0.5; param `tolerance`).
 * Not for qualitative tiers (E009 says when a declared tier score is out of its band) nor when
 * the declared score exceeds the weight (E004). Points at the score cell; gives both scores.
 */
import type { Rule } from "./types";
import { SRC_10, indicatorCell, numParam, resultsOf, showValue, trim } from "./E-common";
import { dec } from "../scoring/round";

/**
 * |declared − computed| ≤ tolerance as decimals (the numbers as written, not their binary
 * approximations): decided in floating point when the difference is clearly away from the
 * tolerance, with decimal arithmetic only in the doubtful band (no decimal object per indicator).
 */
export function withinTolerance(declared: number, computed: number, tolerance: number): boolean {
  const d = Math.abs(declared - computed);
  const slack = 1e-9 * Math.max(1, Math.abs(declared), Math.abs(computed), Math.abs(tolerance));
  if (d < tolerance - slack) return true;
  if (d > tolerance + slack) return false;
  return dec(declared).minus(computed).abs().lte(tolerance);
}

export const E003: Rule = {
  meta: {
    id: "E003",
    category: "E",
    severity: "warning",
    title: { zh: "自评得分与重算得分不一致", en: "Declared score differs from the recomputed one" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const tolerance = numParam(ctx, "tolerance", ctx.rulebook.scoring.scoreTolerance);
    const results = resultsOf(ctx);
    for (const p of ctx.book.projects) {
      const pr = results.get(p.id);
      if (!pr) continue;
      for (const ind of p.indicators) {
        const r = pr.indicators[ind.id];
        const declared = ind.declaredScore;
        if (!r || declared === null || r.score === null || r.weight === null) continue;
        if (ind.actual.kind === "tier") continue;
        if (declared > r.weight) continue;
        if (withinTolerance(declared, r.score, tolerance)) continue;
        const diff = dec(declared).minus(r.score).abs();
        ctx.report({
          ...indicatorCell(ind, "score"),
          project: p,
          params: { name: ind.name, declared: trim(declared), computed: trim(r.score), diff: trim(diff.toNumber()), tolerance: trim(tolerance), target: showValue(ind.target), actual: showValue(ind.actual), weight: trim(r.weight) },
        });
      }
    }
  },
};
