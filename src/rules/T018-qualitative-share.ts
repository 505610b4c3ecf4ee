/**
 * T018 定性指标占比过高 — warning.
 * Source: 财预〔2015〕88号 (细化量化: 定量为主); 财预〔2021〕101号.
 * Qualitative indicators — a tier (「优良」「达成年度指标」), free text, or declared 定性 — are
 * more than `maxShare` (param, default 0.5) of a project's indicators that have a target.
 * Points at the project's name cell.
 */
import type { Rule } from "./types";
import { SRC_88, isQualitativeTarget, numParam, projectCell } from "./T-common";

export const T018: Rule = {
  meta: {
    id: "T018",
    category: "T",
    severity: "warning",
    title: { zh: "定性指标占比过高", en: "Too many qualitative indicators" },
    source: `${SRC_88}；财预〔2021〕101号`,
  },
  check(ctx) {
    const maxShare = numParam(ctx, "maxShare", 0.5);
    for (const p of ctx.book.projects) {
      const set = p.indicators.filter((ind) => ind.target.kind !== "empty");
      if (set.length === 0) continue;
      const qualitative = set.filter(isQualitativeTarget).length;
      const share = qualitative / set.length;
      if (share <= maxShare) continue;
      ctx.report({
        ...projectCell(p),
        project: p,
        params: { project: p.name, qualitative, total: set.length, share: Math.round(share * 1000) / 10, max: Math.round(maxShare * 1000) / 10 },
      });
    }
  },
};
