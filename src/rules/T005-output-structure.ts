/**
 * T005 产出指标结构不全 — warning.
 * Source: 财预〔2021〕101号 (产出: 数量 plus 质量 or 时效).
 * For projects that have 产出 indicators (T003 handles none): no 数量指标 (T005.quantity), or
 * neither 质量指标 nor 时效指标 (T005.qualityTime). Quiet when some 产出 indicator's 二级
 * cannot be told. Points at the project's name cell.
 */
import type { Rule } from "./types";
import { SRC_101, level1Of, presence, projectCell } from "./T-common";

export const T005: Rule = {
  meta: {
    id: "T005",
    category: "T",
    severity: "warning",
    title: { zh: "产出指标缺少数量或质量/时效指标", en: "Outputs lack quantity or quality/timeliness" },
    source: SRC_101,
  },
  check(ctx) {
    for (const p of ctx.book.projects) {
      const outputs = p.indicators.filter((ind) => level1Of(ind, ctx.rulebook) === "产出指标");
      if (outputs.length === 0) continue;
      const byL2 = (names: string[]) => presence(outputs, (ind) => (ind.level2 === null ? null : names.includes(ind.level2)));
      if (byL2(["数量指标"]) === "no") {
        ctx.report({ messageId: "T005.quantity", ...projectCell(p), project: p, params: { project: p.name, count: outputs.length } });
      }
      if (byL2(["质量指标", "时效指标"]) === "no") {
        ctx.report({ messageId: "T005.qualityTime", ...projectCell(p), project: p, params: { project: p.name, count: outputs.length } });
      }
    }
  },
};
