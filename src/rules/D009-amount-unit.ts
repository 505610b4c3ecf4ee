/**
 * D009 金额疑似单位错误 — warning.
 * - a 万元 (or larger-unit) amount of `maxWanYuan` 万元 or more (param, default 100,000 万元 =
 *   10 亿元, implausible for a county project): probably entered in 元;
 * - a 元 amount above 0 and below `minYuan` (param, default 1 元): probably entered in 万元.
 * Amounts are in the book's unit (the reader converts columns with other units). Cell: that cell.
 */
import type { ProjectField } from "../model/fields";
import type { Rule } from "./types";
import { fieldParams, fromOwnCell, numParam, r2, SRC_SHEET, unitParams, yuanFactor } from "./D-common";

const AMOUNTS: ProjectField[] = ["initialBudget", "budget", "spent", "fiscalFunds", "otherFunds", "cumulativeSpent", "forecastSpent"];
const WAN = "万元";
const YUAN = "元";

export const D009: Rule = {
  meta: {
    id: "D009",
    category: "D",
    severity: "warning",
    title: { zh: "金额疑似单位错误", en: "Amount looks like the wrong unit" },
    source: SRC_SHEET,
  },
  check(ctx) {
    const book = ctx.book;
    const factor = yuanFactor(ctx, book.unit);
    const wan = yuanFactor(ctx, WAN);
    const yuan = yuanFactor(ctx, YUAN);
    if (factor === null || wan === null || yuan === null) return;
    const max = numParam(ctx, "maxWanYuan", 100000);
    const min = numParam(ctx, "minYuan", 1);
    const unit = unitParams(book.unit);
    for (const p of book.projects) {
      const values = p as unknown as Record<string, number | null>;
      for (const f of AMOUNTS) {
        const v = values[f];
        if (v === null || v === undefined || !fromOwnCell(p, f)) continue;
        const cell = p.origin.cells[f]!;
        if (factor > yuan && (v * factor) / wan >= max) {
          ctx.report({ messageId: "D009.large", sheet: p.origin.sheet, cell, project: p, params: { ...fieldParams(f), ...unit, value: r2(v), max } });
        } else if (factor === yuan && v > 0 && v < min) {
          ctx.report({ messageId: "D009.small", sheet: p.origin.sheet, cell, project: p, params: { ...fieldParams(f), ...unit, value: v, min } });
        }
      }
    }
  },
};
