/**
 * T022 目标值低于上年实际 — info (practice).
 * Source: common review practice (targets not below last year's actual where a history column
 * exists, domain.md §3 "matched").
 * A 正向 target (≥, ＞ or bare) below last year's actual, both numbers in the same unit (or one
 * without a unit); cost indicators are left out. Points at the target cell.
 */
import type { Rule } from "./types";
import { SRC_PRACTICE, fmtNum, indicatorCell, isCost, showValue } from "./T-common";

export const T022: Rule = {
  meta: {
    id: "T022",
    category: "T",
    severity: "info",
    title: { zh: "目标值低于上年实际完成值", en: "Target below last year's actual" },
    source: SRC_PRACTICE,
    practice: true,
  },
  check(ctx) {
    if (!ctx.book.indicatorFields.includes("lastYear")) return;
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        const last = ind.lastYear;
        if (t.kind !== "number" || last.kind !== "number" || isCost(ind)) continue;
        if (t.operator !== null && t.operator !== "≥" && t.operator !== ">") continue;
        if (t.unit !== null && last.unit !== null && t.unit !== last.unit) continue;
        if (t.value >= last.value) continue;
        ctx.report({
          ...indicatorCell(ind, "target"),
          project: p,
          params: { name: ind.name, value: showValue(t), last: `${fmtNum(last.value)}${last.unit ?? t.unit ?? ""}` },
        });
      }
    }
  },
};
