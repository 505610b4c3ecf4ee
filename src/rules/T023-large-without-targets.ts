/**
 * T023 达到规模的项目未设绩效目标 — error.
 * Source: seed 002 (新增项目 ≥ 50 万元 and 经常性项目 ≥ 500 万元 must set targets); thresholds
 * rulebook.targets.newProjectMin / recurringProjectMin, in 万元.
 * A project with no indicators at all whose budget (全年预算数, else 年初预算数, converted from
 * the sheet's unit to 万元) is at or above the threshold for its 项目属性: 新增 / 一次性 → new,
 * 经常性 / 延续性 → recurring; with no attribute only the recurring threshold is applied.
 * Points at the project's name cell. Variants: T023.new, T023.recurring, T023.unknown.
 * Not for a later occurrence of a duplicated project (D004 says it: its indicators went to the first).
 */
import type { Rule } from "./types";
import { SRC_SEED_002, budgetYuan, fmtNum, projectCell, squeeze, wanFactor } from "./T-common";
import { duplicateOccurrences } from "./D004-duplicate-project";

export const T023: Rule = {
  meta: {
    id: "T023",
    category: "T",
    severity: "error",
    title: { zh: "达到规模的项目未设置绩效目标", en: "Large project without targets" },
    source: SRC_SEED_002,
  },
  check(ctx) {
    const rb = ctx.rulebook;
    const duplicates = duplicateOccurrences(ctx.book.projects);
    for (const p of ctx.book.projects) {
      if (p.indicators.length > 0 || duplicates.has(p)) continue;
      const yuan = budgetYuan(p, ctx.book, rb);
      if (yuan === null) continue;
      const wan = yuan / wanFactor(rb);
      const attr = p.attribute ? squeeze(p.attribute) : "";
      const kind = /新增|一次性/.test(attr) ? "new" : /经常|延续/.test(attr) ? "recurring" : "unknown";
      const min = kind === "new" ? rb.targets.newProjectMin : rb.targets.recurringProjectMin;
      if (wan < min) continue;
      ctx.report({
        messageId: `T023.${kind}`,
        ...projectCell(p),
        project: p,
        params: { project: p.name, budget: fmtNum(wan), min: fmtNum(min), attribute: p.attribute ?? "" },
      });
    }
  },
};
