/**
 * M003 水平型指标未达目标 — error (red) / warning (yellow).
 * Source: 财预〔2019〕136号; tolerance monitoring.levelTolerance (default 5 % of the target).
 * Level indicators (质量, 时效, 成本, 反向, every rate or percentage) and qualitative ones:
 * short of the target by no more than the tolerance yellow, beyond it red; 部分达成 yellow,
 * 未达成 red; a date later than the deadline red. Points at the 当前完成值 cell.
 */
import type { Rule } from "./types";
import { SRC_136, indicatorCell, pct, showValue, trim } from "./E-common";
import { monitoredIndicators } from "./M-common";
import { isReverse } from "../scoring/score";

export const M003: Rule = {
  meta: {
    id: "M003",
    category: "M",
    severity: "error",
    title: { zh: "水平型指标未达到目标", en: "Level indicator short of its target" },
    source: SRC_136,
    modes: ["运行监控"],
  },
  check(ctx) {
    const tolerance = pct(ctx.rulebook.monitoring.levelTolerance, 0);
    for (const { project, ind, light } of monitoredIndicators(ctx)) {
      if (light.kind !== "level" && light.kind !== "qualitative") continue;
      if (light.light !== "red" && light.light !== "yellow") continue;
      const red = light.light === "red";
      const variant = light.kind === "qualitative" ? "tier" : ind.target.kind === "date" ? "date" : isReverse(ind.target.kind === "number" ? ind.target.operator : null) ? "over" : "short";
      ctx.report({
        ...indicatorCell(ind, "current"),
        messageId: `M003.${variant}.${light.light}`,
        severity: red ? "error" : "warning",
        project,
        params: {
          name: ind.name,
          current: light.current !== null ? trim(light.current) + (ind.target.kind === "number" ? (ind.target.unit ?? "") : "") : showValue(ind.current),
          target: showValue(ind.target),
          tolerance,
        },
      });
    }
  },
};
