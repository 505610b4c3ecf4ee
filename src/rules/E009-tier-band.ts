/**
 * E009 定性得分不在档次区间 — warning.
 * Source: 财预〔2020〕10号 and production systems: 达成 [80 %, 100 %], 部分达成 [60 %, 80 %),
 * 未达成 [0, 60 %) of the weight (scoring.tierBands). A declared 得分 of a qualitative indicator
 * outside its tier's band (the score then uses the preset's tier value). Points at the score cell.
 */
import type { Rule } from "./types";
import type { Tier } from "../parse/types";
import { SRC_10, indicatorCell, pct, resultsOf, trim } from "./E-common";
import { inTierBand, tierBand } from "../scoring/score";

const TIER_ZH: Record<Tier, string> = { achieved: "达成", partial: "部分达成", failed: "未达成" };
const TIER_EN: Record<Tier, string> = { achieved: "achieved", partial: "partly achieved", failed: "not achieved" };

export const E009: Rule = {
  meta: {
    id: "E009",
    category: "E",
    severity: "warning",
    title: { zh: "定性指标得分不在档次区间", en: "Qualitative score outside its tier band" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    for (const p of ctx.book.projects) {
      const pr = results.get(p.id);
      for (const ind of p.indicators) {
        if (ind.actual.kind !== "tier" || ind.declaredScore === null) continue;
        const weight = pr?.indicators[ind.id]?.weight ?? ind.weight;
        if (weight === null || weight === undefined) continue;
        if (inTierBand(ind.declaredScore, ind.actual.tier, weight, ctx.rulebook)) continue;
        const band = tierBand(ind.actual.tier, weight, ctx.rulebook);
        const [lo, hi] = ctx.rulebook.scoring.tierBands[ind.actual.tier];
        ctx.report({
          ...indicatorCell(ind, "score"),
          messageId: ind.actual.tier === "achieved" ? "E009" : "E009.open",
          project: p,
          params: {
            name: ind.name,
            tier: TIER_ZH[ind.actual.tier],
            tierEn: TIER_EN[ind.actual.tier],
            declared: trim(ind.declaredScore),
            lo: trim(band.lo.toNumber()),
            hi: trim(band.hi.toNumber()),
            loPct: pct(lo, 0),
            hiPct: pct(hi, 0),
            weight: trim(weight),
          },
        });
      }
    }
  },
};
