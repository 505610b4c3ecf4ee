/**
 * E006 超额完成未说明原因 — warning.
 * Source: 财预〔2020〕10号 (「完成值高于指标值较多的，要分析原因」).
 * A 正向 indicator whose actual ≥ scoring.overAchievement (default 130 %) × target, with no
 * 偏差原因. Points at the actual cell.
 */
import type { Rule } from "./types";
import { SRC_10, blank, indicatorCell, pct, resultsOf, showValue } from "./E-common";

export const E006: Rule = {
  meta: {
    id: "E006",
    category: "E",
    severity: "warning",
    title: { zh: "超额完成未说明原因", en: "Over-achievement without a reason" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    const threshold = pct(ctx.rulebook.scoring.overAchievement, 0);
    for (const p of ctx.book.projects) {
      const pr = results.get(p.id);
      if (!pr) continue;
      for (const ind of p.indicators) {
        const r = pr.indicators[ind.id];
        if (!r || !r.overAchieved || r.ratio === null || !blank(ind.reason)) continue;
        ctx.report({
          ...indicatorCell(ind, "actual"),
          project: p,
          params: { name: ind.name, actual: showValue(ind.actual), target: showValue(ind.target), ratio: pct(r.ratio), threshold },
        });
      }
    }
  },
};
