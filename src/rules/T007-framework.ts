/**
 * T007 指标层级不符合框架 — error.
 * Source: 财预〔2021〕101号 (indicator framework, domain.md §2; old, 2021 and hybrid layouts all accepted).
 * Fires when a 一级 name is not in the framework (T007.level1, at the 一级 cell), a 二级 name is
 * not in it (T007.level2, at the 二级 cell), or a known 二级 sits under the wrong 一级
 * (T007.misplaced, at the 二级 cell: 社会效益 under 产出, 数量 under 效益, …).
 * An empty 一级/二级 cell is not this rule's business. Any 二级 naming 满意度 (「社会公众或
 * 服务对象满意度指标」, older forms) is accepted under 满意度指标 or 效益指标.
 */
import type { Rule } from "./types";
import { level2Allowed } from "../model/framework";
import { SRC_101, indicatorCell, squeeze } from "./T-common";

export const T007: Rule = {
  meta: {
    id: "T007",
    category: "T",
    severity: "error",
    title: { zh: "一级/二级指标不符合指标框架", en: "Level-1/level-2 indicator not in the framework" },
    source: SRC_101,
  },
  check(ctx) {
    const fw = ctx.rulebook.framework;
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const l1Text = ind.level1Text === null ? "" : squeeze(ind.level1Text);
        const l2Text = ind.level2Text === null ? "" : squeeze(ind.level2Text);
        const l1Known = ind.level1 !== null && ind.level1 in fw;
        if (l1Text && !l1Known) {
          ctx.report({ messageId: "T007.level1", ...indicatorCell(ind, "level1"), project: p, params: { name: ind.name, text: l1Text } });
        }
        // Older forms: 「社会公众或服务对象满意度指标」; evaluation frameworks put 满意度 under 效益.
        const satisfaction = ind.level2 === "服务对象满意度指标" || (ind.level2 === null && l2Text.includes("满意度"));
        if (satisfaction && (ind.level1 === null || ind.level1 === "满意度指标" || ind.level1 === "效益指标")) continue;
        if (l2Text && ind.level2 === null) {
          ctx.report({ messageId: "T007.level2", ...indicatorCell(ind, "level2"), project: p, params: { name: ind.name, text: l2Text } });
        } else if (l1Known && ind.level1 !== null && ind.level2 !== null && !level2Allowed(ind.level1, ind.level2, fw)) {
          ctx.report({
            messageId: "T007.misplaced",
            ...indicatorCell(ind, "level2"),
            project: p,
            params: { name: ind.name, level1: ind.level1, level2: ind.level2, allowed: (fw[ind.level1] ?? []).join("、") },
          });
        }
      }
    }
  },
};
