/**
 * M002 累计型指标进度偏离 — error (red) / warning (yellow) / info (blue).
 * Source: 财预〔2019〕136号; thresholds monitoring.cumulativeRed / cumulativeYellow / cumulativeBlue.
 * Cumulative indicators (正向 counts and amounts under a cumulative 二级): 当前完成值 against
 * target × 序时进度: below 60 % red, below 80 % yellow, 120 % and above blue (target probably
 * too low). Points at the 当前完成值 cell.
 */
import type { Rule } from "./types";
import type { Severity } from "../rulebook/schema";
import { SRC_136, indicatorCell, pct, showValue, trim } from "./E-common";
import { asOfOf, monitoredIndicators } from "./M-common";

const SEVERITY: Record<string, Severity> = { red: "error", yellow: "warning", blue: "info" };

export const M002: Rule = {
  meta: {
    id: "M002",
    category: "M",
    severity: "error",
    title: { zh: "累计型指标完成进度偏离", en: "Cumulative indicator off its pro-rated target" },
    source: SRC_136,
    modes: ["运行监控"],
  },
  check(ctx) {
    const asOf = asOfOf(ctx);
    for (const { project, result, ind, light } of monitoredIndicators(ctx)) {
      if (light.kind !== "cumulative" || light.light === null || light.light === "green") continue;
      if (light.expected === null || light.completion === null || light.current === null) continue;
      const m = ctx.rulebook.monitoring;
      ctx.report({
        ...indicatorCell(ind, "current"),
        messageId: `M002.${light.light}`,
        severity: SEVERITY[light.light],
        project,
        params: {
          name: ind.name,
          asOf,
          current: trim(light.current),
          expected: trim(light.expected),
          unit: ind.target.kind === "number" ? (ind.target.unit ?? "") : "",
          target: showValue(ind.target),
          progress: pct(result.timeProgress ?? 0),
          completion: pct(light.completion),
          threshold: pct(light.light === "red" ? m.cumulativeRed : light.light === "yellow" ? m.cumulativeYellow : m.cumulativeBlue, 0),
        },
      });
    }
  },
};
