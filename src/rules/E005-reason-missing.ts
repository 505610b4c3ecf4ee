/**
 * E005 未满分缺偏差原因 — error.
 * Source: 财预〔2020〕10号 (未完成目标的指标须分析偏差原因并提出改进措施).
 * An indicator whose recomputed score is below its weight and whose 偏差原因分析 is empty.
 * Points at the reason cell, or the actual cell when the sheet has no reason column.
 */
import type { Rule } from "./types";
import { SRC_10, blank, hasIndicatorField, indicatorCell, resultsOf, trim } from "./E-common";

export const E005: Rule = {
  meta: {
    id: "E005",
    category: "E",
    severity: "error",
    title: { zh: "未满分指标缺少偏差原因", en: "No deviation reason for an indicator below full marks" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    const field = hasIndicatorField(ctx.book, "reason") ? "reason" : "actual";
    for (const p of ctx.book.projects) {
      const pr = results.get(p.id);
      if (!pr) continue;
      for (const ind of p.indicators) {
        const r = pr.indicators[ind.id];
        if (!r || r.score === null || r.weight === null || r.weight <= 0) continue;
        if (Math.round(r.score * 100) >= Math.round(r.weight * 100)) continue;
        if (!blank(ind.reason)) continue;
        ctx.report({ ...indicatorCell(ind, field), project: p, params: { name: ind.name, score: trim(r.score), weight: trim(r.weight) } });
      }
    }
  },
};
