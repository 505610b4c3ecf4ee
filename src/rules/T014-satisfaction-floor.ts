/**
 * T014 满意度目标低于下限 — warning.
 * Source: practice of review (满意度 floored, domain.md §3); floor from
 * rulebook.targets.satisfactionFloor (default 85), overridable by param `floor`.
 * A satisfaction indicator (name ending in 满意度 / 满意率 — not 「满意度调查覆盖率」 — or 二级
 * 服务对象满意度指标 with a % target) whose numeric target in % (or unit-less between 1 and 100) is below the floor, with
 * ≥, ＞, ＝ or no operator. Points at the target cell.
 */
import type { Rule } from "./types";
import { SRC_101, fmtNum, indicatorCell, namesSatisfactionLevel, numParam, showValue } from "./T-common";

export const T014: Rule = {
  meta: {
    id: "T014",
    category: "T",
    severity: "warning",
    title: { zh: "满意度目标低于下限", en: "Satisfaction target below the floor" },
    source: `${SRC_101}；practice（满意度目标不低于预设下限）`,
  },
  check(ctx) {
    const floor = numParam(ctx, "floor", ctx.rulebook.targets.satisfactionFloor);
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind !== "number" || t.operator === "≤" || t.operator === "<") continue;
        const percent = t.unit === "%" || (t.unit === null && t.value > 1 && t.value <= 100);
        if (!percent) continue;
        const satisfaction = namesSatisfactionLevel(ind.name) || (ind.level2 === "服务对象满意度指标" && t.unit === "%");
        if (!satisfaction || t.value >= floor) continue;
        ctx.report({ ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, value: showValue(t), floor: fmtNum(floor) } });
      }
    }
  },
};
