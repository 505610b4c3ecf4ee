/**
 * D006 金额为负或资金来源不平 — error.
 * - any amount (年初预算数, 全年预算数, 执行数, 财政拨款, 其他资金, 累计执行数, 全年预计执行数) below 0;
 * - where both 财政拨款 and 其他资金 columns exist: 资金总额 (年初预算数, else 全年预算数) differs
 *   from 财政拨款 + 其他资金 by more than `tolerance` 万元 (param, default 0.1; converted to the
 *   sheet's unit, e.g. 1,000 when amounts are in 元).
 * Cell: the negative cell; the total's cell for a mismatch.
 */
import type { ProjectField } from "../model/fields";
import type { Rule } from "./types";
import { fieldParams, fromOwnCell, numParam, r2, SRC_10_FUNDS, unitParams, yuanFactor } from "./D-common";

const AMOUNTS: ProjectField[] = ["initialBudget", "budget", "spent", "fiscalFunds", "otherFunds", "cumulativeSpent", "forecastSpent"];
/** The unit the tolerance parameter is written in. */
const TOLERANCE_UNIT = "万元";

export const D006: Rule = {
  meta: {
    id: "D006",
    category: "D",
    severity: "error",
    title: { zh: "金额为负或资金来源不平", en: "Negative amount or funding sources do not add up" },
    source: SRC_10_FUNDS,
  },
  check(ctx) {
    const book = ctx.book;
    const unit = unitParams(book.unit);
    const tolWan = numParam(ctx, "tolerance", 0.1);
    const from = yuanFactor(ctx, TOLERANCE_UNIT);
    const to = yuanFactor(ctx, book.unit);
    const tol = from !== null && to !== null ? (tolWan * from) / to : tolWan;
    const sources = book.projectFields.includes("fiscalFunds") && book.projectFields.includes("otherFunds");
    for (const p of book.projects) {
      const values = p as unknown as Record<string, number | null>;
      for (const f of AMOUNTS) {
        const v = values[f];
        if (v === null || v === undefined || v >= 0 || !fromOwnCell(p, f)) continue;
        ctx.report({ messageId: "D006.negative", sheet: p.origin.sheet, cell: p.origin.cells[f]!, project: p, params: { ...fieldParams(f), ...unit, value: v } });
      }
      if (!sources) continue;
      const totalField: ProjectField | null = fromOwnCell(p, "initialBudget") ? "initialBudget" : fromOwnCell(p, "budget") ? "budget" : null;
      if (!totalField) continue;
      const total = values[totalField];
      if (total === null || total === undefined) continue;
      const fiscalGiven = fromOwnCell(p, "fiscalFunds");
      const otherGiven = fromOwnCell(p, "otherFunds");
      if (!fiscalGiven && !otherGiven) continue;
      // An unreadable source cell is D005's business, not a mismatch.
      if ((fiscalGiven && p.fiscalFunds === null) || (otherGiven && p.otherFunds === null)) continue;
      const fiscal = p.fiscalFunds ?? 0;
      const other = p.otherFunds ?? 0;
      const sum = fiscal + other;
      const diff = Math.abs(total - sum);
      if (diff <= tol + 1e-9) continue;
      ctx.report({
        messageId: "D006.sum",
        sheet: p.origin.sheet,
        cell: p.origin.cells[totalField]!,
        project: p,
        params: { ...unit, total: r2(total), fiscal: r2(fiscal), other: r2(other), sum: r2(sum), diff: r2(diff), tolerance: r2(tol) },
      });
    }
  },
};
