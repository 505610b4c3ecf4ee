/**
 * E007 执行率偏低未说明原因 — warning.
 * Source: 四川省 2023 年自评表 (执行率低于 90% 须说明原因); threshold scoring.executionReasonBelow.
 * 执行率 (全年执行数 / 全年预算数) below the threshold and no 执行偏差原因. Where the sheet has
 * no execution-reason column, a deviation reason on any of the project's indicators counts.
 * Points at the project's 全年执行数 cell.
 */
import type { Rule } from "./types";
import { SRC_SICHUAN, blank, fixed, pct, projectCell, resultsOf } from "./E-common";
import { projectBudget } from "../scoring/project";

export const E007: Rule = {
  meta: {
    id: "E007",
    category: "E",
    severity: "warning",
    title: { zh: "执行率偏低未说明原因", en: "Low execution rate without a reason" },
    source: SRC_SICHUAN,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    const below = ctx.rulebook.scoring.executionReasonBelow;
    const hasColumn = ctx.book.projectFields.includes("executionReason");
    for (const p of ctx.book.projects) {
      const rate = results.get(p.id)?.executionRate ?? null;
      const budget = projectBudget(p);
      if (rate === null || budget === null || p.spent === null || rate >= below) continue;
      const explained = hasColumn ? !blank(p.executionReason) : !blank(p.executionReason) || p.indicators.some((i) => !blank(i.reason));
      if (explained) continue;
      ctx.report({
        ...projectCell(p, "spent"),
        project: p,
        params: { rate: pct(rate), spent: fixed(p.spent), budget: fixed(budget), unit: ctx.book.unit, threshold: pct(below, 0) },
      });
    }
  },
};
