/**
 * T011 定量指标缺少计量单位 — warning.
 * Source: 财预〔2015〕88号 (细化量化: number and unit).
 * A numeric target with no unit (neither in the value cell nor in a 计量单位 column), whose name
 * does not imply one. Param `impliedBy` (list): name parts that imply the unit, default
 * 率 / 比例 / 占比 / 百分比 / % (→ %), 指数 / 系数 / 倍数 (unitless), and count nouns
 * 人数 / 次数 / 户数 / 个数 / 件数 / 天数 / 家数 / 台数 / 人次 / 得分 / 分值 / 评分.
 * A target of 0 (「=0」 accidents) is left alone. Points at the 计量单位 cell when that column
 * exists, else the target cell.
 */
import type { Rule } from "./types";
import { SRC_88, fmtNum, indicatorCell, listParam, squeeze } from "./T-common";

export const T011_IMPLIED = ["率", "比例", "占比", "百分比", "%", "指数", "系数", "倍数", "人数", "次数", "户数", "个数", "件数", "天数", "家数", "台数", "人次", "得分", "分值", "评分"];

export const T011: Rule = {
  meta: {
    id: "T011",
    category: "T",
    severity: "warning",
    title: { zh: "定量指标缺少计量单位", en: "Quantitative target without a unit" },
    source: SRC_88,
  },
  check(ctx) {
    const implied = listParam(ctx, "impliedBy", T011_IMPLIED);
    const unitColumn = ctx.book.indicatorFields.includes("unit");
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind !== "number" || t.unit !== null || t.value === 0) continue;
        const name = squeeze(ind.name);
        if (implied.some((w) => name.includes(w))) continue;
        const at = unitColumn ? indicatorCell(ind, "unit") : indicatorCell(ind, "target");
        ctx.report({ ...at, project: p, params: { name: ind.name, value: `${t.operator ?? ""}${fmtNum(t.value)}` } });
      }
    }
  },
};
