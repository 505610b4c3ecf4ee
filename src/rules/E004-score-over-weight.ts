/**
 * E004 得分超过分值 — error.
 * Source: 财预〔2020〕10号 (各指标得分不超过其分值).
 * The declared 得分 exceeds the indicator's weight (the sheet's 分值, else the preset split).
 * Points at the score cell.
 */
import type { Rule } from "./types";
import { SRC_10, indicatorCell, resultsOf, trim } from "./E-common";

export const E004: Rule = {
  meta: {
    id: "E004",
    category: "E",
    severity: "error",
    title: { zh: "得分超过分值", en: "Score above the weight" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    for (const p of ctx.book.projects) {
      const pr = results.get(p.id);
      for (const ind of p.indicators) {
        const weight = pr?.indicators[ind.id]?.weight ?? ind.weight;
        const declared = ind.declaredScore;
        if (weight === null || weight === undefined || declared === null) continue;
        if (Math.round(declared * 100) <= Math.round(weight * 100)) continue;
        ctx.report({ ...indicatorCell(ind, "score"), project: p, params: { name: ind.name, declared: trim(declared), weight: trim(weight) } });
      }
    }
  },
};
