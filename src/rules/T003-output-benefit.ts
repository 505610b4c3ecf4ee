/**
 * T003 缺少产出指标或效益指标 — error.
 * Source: 财预〔2021〕101号 (every project has 产出 and 效益 indicators).
 * Only for projects that have indicators (D003 handles none) and only when every indicator's
 * 一级 can be told (precision: an unclassified row might be the missing one).
 * Points at the project's name cell. Variants: T003.output, T003.benefit, T003.both.
 */
import type { Rule } from "./types";
import { SRC_101, hasCategoryColumns, level1Of, presence, projectCell } from "./T-common";

export const T003: Rule = {
  meta: {
    id: "T003",
    category: "T",
    severity: "error",
    title: { zh: "缺少产出指标或效益指标", en: "No output or no outcome indicators" },
    source: SRC_101,
  },
  check(ctx) {
    if (!hasCategoryColumns(ctx.book)) return;
    for (const p of ctx.book.projects) {
      if (p.indicators.length === 0) continue;
      const has = (l1: string) =>
        presence(p.indicators, (ind) => {
          const l = level1Of(ind, ctx.rulebook);
          return l === null ? null : l === l1;
        });
      const noOutput = has("产出指标") === "no";
      const noBenefit = has("效益指标") === "no";
      if (!noOutput && !noBenefit) continue;
      const messageId = noOutput && noBenefit ? "T003.both" : noOutput ? "T003.output" : "T003.benefit";
      ctx.report({ messageId, ...projectCell(p), project: p, params: { project: p.name, count: p.indicators.length } });
    }
  },
};
