/**
 * T017 指标数量过少 — warning.
 * Source: 财预〔2021〕101号 (产出, 效益, 满意度 each need indicators); practice.
 * A project with at least one indicator but fewer than `min` (param, default 3). None at all is
 * D003. Points at the project's name cell.
 */
import type { Rule } from "./types";
import { SRC_101, numParam, projectCell } from "./T-common";

export const T017: Rule = {
  meta: {
    id: "T017",
    category: "T",
    severity: "warning",
    title: { zh: "绩效指标数量过少", en: "Too few indicators" },
    source: SRC_101,
  },
  check(ctx) {
    const min = numParam(ctx, "min", 3);
    for (const p of ctx.book.projects) {
      const n = p.indicators.length;
      if (n === 0 || n >= min) continue;
      ctx.report({ ...projectCell(p), project: p, params: { project: p.name, count: n, min } });
    }
  },
};
