/**
 * T013 比率目标超过 100% — warning.
 * Source: 财预〔2015〕88号 (合理可行); practice.
 * A rate — unit % (「百分比」 is %), or no unit and a name with 率 / 比例 / 占比 — whose target
 * is above 100 with ≥, ＞, ＝ or no operator. Exactly 100 passes. Growth rates are exempt
 * (param `growthWords`, default 增长率 / 增幅 / 增长). Points at the target cell.
 */
import type { Rule } from "./types";
import { SRC_88, indicatorCell, listParam, showValue, squeeze } from "./T-common";

export const T013: Rule = {
  meta: {
    id: "T013",
    category: "T",
    severity: "warning",
    title: { zh: "比率类目标超过 100%", en: "Rate target above 100 %" },
    source: SRC_88,
  },
  check(ctx) {
    const growth = listParam(ctx, "growthWords", ["增长率", "增幅", "增长"]);
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind !== "number" || t.value <= 100) continue;
        if (t.operator === "≤" || t.operator === "<") continue;
        const name = squeeze(ind.name);
        const rate = t.unit === "%" || (t.unit === null && /率|比例|占比/.test(name));
        if (!rate || growth.some((w) => name.includes(w))) continue;
        ctx.report({ ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, value: showValue(t) } });
      }
    }
  },
};
