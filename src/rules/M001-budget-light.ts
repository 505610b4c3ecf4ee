/**
 * M001 预算执行进度滞后 — error (red) / warning (yellow).
 * Source: 财预〔2019〕136号 (“双监控”); thresholds monitoring.budgetRed / budgetYellow.
 * ratio = 执行率 (累计执行数, else 全年执行数, / 全年预算数) ÷ 序时进度: below budgetRed
 * (default 60 %) red, below budgetYellow (80 %) yellow. Points at the 累计执行数 cell (or 全年执行数).
 */
import type { Rule } from "./types";
import { SRC_136, fixed, pct, projectCell, resultsOf } from "./E-common";
import { asOfOf } from "./M-common";
import { executionRate, projectBudget } from "../scoring/project";
import { dec } from "../scoring/round";

export const M001: Rule = {
  meta: {
    id: "M001",
    category: "M",
    severity: "error",
    title: { zh: "预算执行进度滞后于序时进度", en: "Budget execution behind time progress" },
    source: SRC_136,
    modes: ["运行监控"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    const asOf = asOfOf(ctx);
    for (const p of ctx.book.projects) {
      const r = results.get(p.id);
      if (!r || r.timeProgress === null || (r.budgetLight !== "red" && r.budgetLight !== "yellow")) continue;
      const spent = p.cumulativeSpent ?? p.spent;
      const budget = projectBudget(p);
      const rate = executionRate(spent, budget);
      if (rate === null || spent === null || budget === null) continue;
      const red = r.budgetLight === "red";
      ctx.report({
        ...projectCell(p, p.cumulativeSpent !== null ? "cumulativeSpent" : "spent"),
        messageId: red ? "M001.red" : "M001.yellow",
        severity: red ? "error" : "warning",
        project: p,
        params: {
          asOf,
          spent: fixed(spent),
          budget: fixed(budget),
          unit: ctx.book.unit,
          rate: pct(rate),
          progress: pct(r.timeProgress),
          ratio: pct(dec(rate).dividedBy(r.timeProgress)),
          threshold: pct(red ? ctx.rulebook.monitoring.budgetRed : ctx.rulebook.monitoring.budgetYellow, 0),
        },
      });
    }
  },
};
