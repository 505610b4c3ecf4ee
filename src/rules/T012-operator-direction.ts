/**
 * T012 指标方向异常 — warning.
 * Source: practice of production checkers (cost operator direction); 财预〔2021〕101号.
 *  - T012.cost: a money-valued 成本 target capped from below (≥ / ＞): 「成本 ≥ 50万元」, and a unit
 *    cost alike (money per something: 「≥500元/人」「≥3万元/公里」「≥120元/人·天」). Names
 *    about savings (param `savingWords`, default 节约 / 节省 / 降低 / 下降 / 减少) are exempt.
 *  - T012.floor: a satisfaction, pass or compliance rate (param `floorNames`, default 满意度 /
 *    满意率 / 合格率 / 达标率, at the end of the name; not 「不合格率」) capped from above (≤ / ＜).
 * Points at the 指标性质 (operator) cell when the operator was written there, else the target cell.
 */
import type { Rule } from "./types";
import type { Indicator } from "../model/model";
import { toYuan } from "../parse";
import { SRC_101, SRC_PRACTICE, indicatorCell, isCost, listParam, namesLevelOf, perUnitMoneyFactor, rawText, showValue, squeeze } from "./T-common";

export const T012: Rule = {
  meta: {
    id: "T012",
    category: "T",
    severity: "warning",
    title: { zh: "指标值方向异常", en: "Operator points the wrong way" },
    source: `${SRC_PRACTICE}；${SRC_101}`,
  },
  check(ctx) {
    const savingWords = listParam(ctx, "savingWords", ["节约", "节省", "降低", "下降", "减少"]);
    const floorNames = listParam(ctx, "floorNames", ["满意度", "满意率", "合格率", "达标率"]);
    const where = (ind: Indicator) => (rawText(ind.origin.raw.operator) ? indicatorCell(ind, "operator") : indicatorCell(ind, "target"));
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind !== "number" || t.operator === null) continue;
        if ((t.operator === "≥" || t.operator === ">") && isCost(ind) && (toYuan(t.value, t.unit, ctx.rulebook.units) !== null || perUnitMoneyFactor(t.unit, ctx.rulebook) !== null)) {
          const name = squeeze(ind.name);
          if (savingWords.some((w) => name.includes(w))) continue;
          ctx.report({ messageId: "T012.cost", ...where(ind), project: p, params: { name: ind.name, value: showValue(t), op: t.operator } });
          continue;
        }
        if (t.operator === "≤" || t.operator === "<") {
          const word = floorNames.find((w) => namesLevelOf(ind.name, w));
          if (word) ctx.report({ messageId: "T012.floor", ...where(ind), project: p, params: { name: ind.name, value: showValue(t), op: t.operator, word } });
        }
      }
    }
  },
};
