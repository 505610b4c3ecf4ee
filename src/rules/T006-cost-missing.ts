/**
 * T006 缺少成本指标 — info.
 * Source: 财预〔2021〕101号 (the 2021 layout adds 成本指标).
 * Only where the preset expects cost indicators (rulebook.targets.expectCost) and the project has
 * indicators; quiet when some indicator could be a cost one but cannot be classified.
 * Points at the project's name cell.
 */
import type { Rule } from "./types";
import { SRC_101, hasCategoryColumns, isCost, level1Of, presence, projectCell } from "./T-common";

export const T006: Rule = {
  meta: {
    id: "T006",
    category: "T",
    severity: "info",
    title: { zh: "缺少成本指标", en: "No cost indicator" },
    source: SRC_101,
  },
  check(ctx) {
    if (!ctx.rulebook.targets.expectCost || !hasCategoryColumns(ctx.book)) return;
    for (const p of ctx.book.projects) {
      if (p.indicators.length === 0) continue;
      const r = presence(p.indicators, (ind) => {
        if (isCost(ind)) return true;
        const l1 = level1Of(ind, ctx.rulebook);
        if (l1 === null || (l1 === "产出指标" && ind.level2 === null)) return null;
        return false;
      });
      if (r !== "no") continue;
      ctx.report({ ...projectCell(p), project: p, params: { project: p.name } });
    }
  },
};
