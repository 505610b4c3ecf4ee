/**
 * M004 偏离指标缺少偏差原因 — warning.
 * Source: 财预〔2019〕136号 (监控表：偏差原因分析 — 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他).
 * An indicator with a red or yellow monitoring light and an empty 偏差原因. Points at the reason
 * cell (the 当前完成值 cell when the sheet has no reason column).
 */
import type { Rule } from "./types";
import { SRC_136, blank, hasIndicatorField, indicatorCell } from "./E-common";
import { monitoredIndicators } from "./M-common";

export const M004: Rule = {
  meta: {
    id: "M004",
    category: "M",
    severity: "warning",
    title: { zh: "偏离目标的指标缺少偏差原因", en: "Off-track indicator without a deviation reason" },
    source: SRC_136,
    modes: ["运行监控"],
  },
  check(ctx) {
    const field = hasIndicatorField(ctx.book, "reason") ? "reason" : "current";
    for (const { project, ind, light } of monitoredIndicators(ctx)) {
      if (light.light !== "red" && light.light !== "yellow") continue;
      if (!blank(ind.reason)) continue;
      ctx.report({ ...indicatorCell(ind, field), messageId: `M004.${light.light}`, project, params: { name: ind.name } });
    }
  },
};
