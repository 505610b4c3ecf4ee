/**
 * E002 定性完成值无法识别 — error.
 * Source: 财预〔2020〕10号 (定性指标按达成 / 部分达成 / 未达成三档评分).
 * A qualitative indicator (target a tier, or text such as 「定性」) whose 实际完成值 is text
 * that is not one of the tiers (达成年度指标 / 部分达成… / 未达成…, or 好 / 优良 / 完成).
 * Points at the actual cell.
 */
import type { Rule } from "./types";
import { SRC_10, indicatorCell } from "./E-common";

export const E002: Rule = {
  meta: {
    id: "E002",
    category: "E",
    severity: "error",
    title: { zh: "定性完成值无法识别", en: "Qualitative actual not recognised" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        if (ind.actual.kind !== "text") continue;
        if (ind.target.kind !== "tier" && ind.target.kind !== "text") continue;
        ctx.report({ ...indicatorCell(ind, "actual"), project: p, params: { name: ind.name, actual: ind.actual.text } });
      }
    }
  },
};
