/**
 * T004 缺少满意度指标 — warning (a preset may raise it to error).
 * Source: 财预〔2021〕101号 (满意度 where a project serves people).
 * Only for projects with indicators, and only when every indicator can be classified: an
 * indicator counts as satisfaction by its 一级 (满意度指标), its 二级 (服务对象满意度指标) or
 * its name (「…满意度」「…满意率」). Points at the project's name cell.
 */
import type { Rule } from "./types";
import { SRC_101, hasCategoryColumns, isSatisfaction, level1Of, presence, projectCell } from "./T-common";

export const T004: Rule = {
  meta: {
    id: "T004",
    category: "T",
    severity: "warning",
    title: { zh: "缺少满意度指标", en: "No satisfaction indicator" },
    source: SRC_101,
  },
  check(ctx) {
    if (!hasCategoryColumns(ctx.book)) return;
    for (const p of ctx.book.projects) {
      if (p.indicators.length === 0) continue;
      const r = presence(p.indicators, (ind) => (isSatisfaction(ind, ctx.rulebook) ? true : level1Of(ind, ctx.rulebook) === null ? null : false));
      if (r !== "no") continue;
      ctx.report({ ...projectCell(p), project: p, params: { project: p.name, count: p.indicators.length } });
    }
  },
};
