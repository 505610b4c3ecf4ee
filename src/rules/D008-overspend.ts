/**
 * D008 执行数超过预算或没有预算 — warning.
 * - 全年执行数 > 全年预算数 (年初预算数 where no adjusted figure exists) by more than `tolerance`
 *   (param, in the sheet's unit, default 0); without 全年执行数, 累计执行数 > 全年预算数;
 * - 执行数 > 0 with no budget (blank or 0) while a budget column exists.
 * Silent when a budget cell could not be read (D005) or is negative (D006). Cell: the 执行数 cell.
 */
import type { Rule } from "./types";
import { fromOwnCell, numParam, r2, SRC_10_FUNDS, unitParams } from "./D-common";

export const D008: Rule = {
  meta: {
    id: "D008",
    category: "D",
    severity: "warning",
    title: { zh: "执行数超过预算或没有预算", en: "Spending over budget or without a budget" },
    source: SRC_10_FUNDS,
  },
  check(ctx) {
    const book = ctx.book;
    const tol = numParam(ctx, "tolerance", 0);
    const unit = unitParams(book.unit);
    const hasBudgetColumn = book.projectFields.includes("budget") || book.projectFields.includes("initialBudget");
    for (const p of book.projects) {
      const budgetUnreadable = (fromOwnCell(p, "budget") && p.budget === null) || (fromOwnCell(p, "initialBudget") && p.initialBudget === null);
      if (budgetUnreadable) continue;
      const budget = p.budget;
      // A negative budget is D006's finding; comparing with it would only repeat it.
      if (budget !== null && budget < 0) continue;
      const useSpent = p.spent !== null;
      const spent = useSpent ? p.spent : p.cumulativeSpent;
      const field = useSpent ? "spent" : "cumulativeSpent";
      if (spent === null) continue;
      const cell = p.origin.cells[field];
      if (!cell) continue;
      if (budget !== null && budget > 0) {
        if (spent > budget + tol + 1e-9) {
          ctx.report({ messageId: useSpent ? "D008" : "D008.cumulative", sheet: p.origin.sheet, cell, project: p, params: { ...unit, spent: r2(spent), budget: r2(budget), over: r2(spent - budget) } });
        }
        continue;
      }
      if (spent > 0 && hasBudgetColumn) {
        ctx.report({ messageId: "D008.noBudget", sheet: p.origin.sheet, cell, project: p, params: { ...unit, spent: r2(spent) } });
      }
    }
  },
};
