/**
 * T021 指标分值合计不符 — error.
 * Source: 财预〔2020〕10号 (indicators 90 points + execution 10); total from
 * rulebook.scoring.indicatorTotal.
 * Where a project gives weights (分值): a weight ≤ 0 (T021.nonpositive, at the weight cell), or
 * the weights not adding up to the total within `tolerance` (param, default 0.01; T021.sum, at
 * the project's name cell; T021.partial when only some indicators carry a weight). A sheet that lists 预算执行率 as a weighted indicator may reach
 * indicatorTotal + executionWeight instead. Silent for a project where a weight cell could not be
 * read (D005 / D007 say so): its sum would be a guess.
 */
import type { Rule } from "./types";
import { SRC_10, fmtNum, indicatorCell, numParam, projectCell, squeeze } from "./T-common";

export const T021: Rule = {
  meta: {
    id: "T021",
    category: "T",
    severity: "error",
    title: { zh: "指标分值合计不等于规定总分", en: "Indicator weights do not add up" },
    source: SRC_10,
  },
  check(ctx) {
    if (!ctx.book.indicatorFields.includes("weight")) return;
    const total = ctx.rulebook.scoring.indicatorTotal;
    const withExecution = total + ctx.rulebook.scoring.executionWeight;
    const tolerance = numParam(ctx, "tolerance", 0.01);
    const unread = new Set([...ctx.book.unreadable, ...ctx.book.cellErrors].filter((u) => u.field === "weight").map((u) => `${u.sheet}!${u.cell}`));
    for (const p of ctx.book.projects) {
      const weighted = p.indicators.filter((ind) => ind.weight !== null);
      if (weighted.length === 0) continue;
      if (unread.size && p.indicators.some((ind) => ind.origin.cells.weight && unread.has(`${ind.origin.sheet}!${ind.origin.cells.weight}`))) continue;
      let sum = 0;
      for (const ind of weighted) {
        const w = ind.weight as number;
        sum += w;
        if (w <= 0) ctx.report({ messageId: "T021.nonpositive", ...indicatorCell(ind, "weight"), project: p, params: { name: ind.name, weight: fmtNum(w) } });
      }
      const executionListed = weighted.some((ind) => squeeze(ind.name).includes("执行率"));
      const ok = Math.abs(sum - total) <= tolerance || (executionListed && Math.abs(sum - withExecution) <= tolerance);
      if (ok) continue;
      if (weighted.length < p.indicators.length) {
        ctx.report({
          messageId: "T021.partial",
          ...projectCell(p),
          project: p,
          params: { project: p.name, sum: fmtNum(sum), total: fmtNum(total), count: weighted.length, all: p.indicators.length },
        });
        continue;
      }
      ctx.report({ messageId: "T021.sum", ...projectCell(p), project: p, params: { project: p.name, sum: fmtNum(sum), total: fmtNum(total), count: weighted.length } });
    }
  },
};
