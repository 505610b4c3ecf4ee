/**
 * T019 成本指标合计超过项目预算 — warning.
 * Source: 财预〔2015〕88号 (相应匹配: targets match the money); 财预〔2021〕101号 (成本指标).
 * Sums the money-valued 成本 targets of a project (each converted to 元 with the rulebook's money
 * units: 元 / 千元 / 万元 / 亿元) and compares with the project's budget (全年预算数, else
 * 年初预算数, in the sheet's unit). Per-unit costs are not summed (param `perUnitWords`, default
 * 单价 / 人均 / 户均 / 亩均 / 每 / 平均 / 单位 / 标准), nor are unit costs (money per something:
 * 「≤500元/人」「≤3万元/公里」); but one unit cost alone above the whole budget (「≤500万元/人」
 * on a 100 万元 project: the unit is wrong) is reported at its own cell (T019.perUnit). The sum
 * finding points at the target cell of the largest cost indicator (the likely wrong unit).
 */
import type { Rule } from "./types";
import type { Indicator } from "../model/model";
import { toYuan } from "../parse";
import { SRC_101, SRC_88, budgetYuan, fmtNum, indicatorCell, isCost, listParam, perUnitMoneyFactor, squeeze } from "./T-common";

export const T019: Rule = {
  meta: {
    id: "T019",
    category: "T",
    severity: "warning",
    title: { zh: "成本指标合计超过项目预算", en: "Cost targets exceed the budget" },
    source: `${SRC_88}；${SRC_101}`,
  },
  check(ctx) {
    const rb = ctx.rulebook;
    const perUnit = listParam(ctx, "perUnitWords", ["单价", "人均", "户均", "亩均", "每", "平均", "单位", "标准"]);
    const unit = ctx.book.unit || rb.defaultUnit;
    const factor = rb.units.money[unit];
    if (!factor) return;
    for (const p of ctx.book.projects) {
      const budget = budgetYuan(p, ctx.book, rb);
      if (budget === null || budget <= 0) continue;
      let sum = 0;
      let largest: { ind: Indicator; yuan: number } | null = null;
      let count = 0;
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind !== "number" || !isCost(ind) || t.operator === ">" || t.operator === "≥") continue;
        const name = squeeze(ind.name);
        const unitFactor = perUnitMoneyFactor(t.unit, rb);
        if (unitFactor !== null || perUnit.some((w) => name.includes(w))) {
          // A unit cost: never summed, but one unit above the whole budget cannot be right.
          const one = unitFactor !== null ? t.value * unitFactor : toYuan(t.value, t.unit, rb.units);
          if (one !== null && Number.isFinite(one) && Math.round(one * 100) > Math.round(budget * 100)) {
            ctx.report({
              messageId: "T019.perUnit",
              ...indicatorCell(ind, "target"),
              project: p,
              params: { project: p.name, name: ind.name, value: `${fmtNum(t.value)}${t.unit ?? ""}`, budget: fmtNum(budget / factor), unit },
            });
          }
          continue;
        }
        const yuan = toYuan(t.value, t.unit, rb.units);
        if (yuan === null || yuan <= 0) continue;
        sum += yuan;
        count++;
        if (!largest || yuan > largest.yuan) largest = { ind, yuan };
      }
      // Compare in whole fen to keep float noise out.
      if (!largest || Math.round(sum * 100) <= Math.round(budget * 100)) continue;
      ctx.report({
        ...indicatorCell(largest.ind, "target"),
        project: p,
        params: { project: p.name, name: largest.ind.name, count, sum: fmtNum(sum / factor), budget: fmtNum(budget / factor), unit },
      });
    }
  },
};
