/**
 * M006 预计结余资金较多 — info.
 * Source: seed 000 / 003 (沉淀资金收回统筹); share monitoring.idleShare (default 10 %).
 * 全年预计执行数 leaves more than idleShare of the 全年预算数 unspent. Points at the forecast cell.
 */
import type { Rule } from "./types";
import { SRC_RESULTS, fixed, pct, projectCell } from "./E-common";
import { projectBudget } from "../scoring/project";
import { dec } from "../scoring/round";

export const M006: Rule = {
  meta: {
    id: "M006",
    category: "M",
    severity: "info",
    title: { zh: "全年预计结余资金较多", en: "Large forecast of unspent money" },
    source: SRC_RESULTS,
    modes: ["运行监控"],
  },
  check(ctx) {
    const share = ctx.rulebook.monitoring.idleShare;
    for (const p of ctx.book.projects) {
      const budget = projectBudget(p);
      if (p.forecastSpent === null || budget === null || budget <= 0) continue;
      const idle = dec(budget).minus(p.forecastSpent);
      const idleShare = idle.dividedBy(budget);
      if (idleShare.lte(share)) continue;
      ctx.report({
        ...projectCell(p, "forecastSpent"),
        project: p,
        params: { forecast: fixed(p.forecastSpent), budget: fixed(budget), idle: fixed(idle), unit: ctx.book.unit, share: pct(idleShare), threshold: pct(share, 0) },
      });
    }
  },
};
