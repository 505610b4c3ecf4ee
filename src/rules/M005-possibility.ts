/**
 * M005 完成目标可能性与预计不符 — warning.
 * Source: 财预〔2019〕136号 (监控表：全年预计完成情况、完成目标可能性 确定能 / 有可能 / 完全不可能).
 * 「确定能」 while 全年预计完成 falls short of the target (反向: exceeds it; qualitative: not
 * 达成), or 「完全不可能」 with no 偏差原因. Points at the possibility cell.
 */
import type { Rule } from "./types";
import type { Indicator } from "../model/model";
import type { Rulebook } from "../rulebook/schema";
import { SRC_136, blank, indicatorCell, showValue } from "./E-common";
import { alignUnits, isReverse } from "../scoring/score";
import { dec } from "../scoring/round";

/** Does the forecast fall short of the target? null when it cannot be told. */
export function forecastShort(ind: Indicator, rulebook: Rulebook): boolean | null {
  const { target, forecast } = ind;
  if (forecast.kind === "tier") return forecast.tier !== "achieved";
  if (target.kind === "date" && forecast.kind === "date") return forecast.date > target.date;
  if (target.kind !== "number" || forecast.kind !== "number") return null;
  const a = alignUnits(target, forecast, rulebook);
  if ("reason" in a) return null;
  return isReverse(target.operator) ? a.value.gt(target.value) : a.value.lt(dec(target.value));
}

function squeeze(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

export const M005: Rule = {
  meta: {
    id: "M005",
    category: "M",
    severity: "warning",
    title: { zh: "完成目标可能性与预计完成情况不符", en: "Likelihood of meeting the target contradicts the forecast" },
    source: SRC_136,
    modes: ["运行监控"],
  },
  check(ctx) {
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        if (blank(ind.possibility)) continue;
        const said = squeeze(ind.possibility ?? "");
        if (said.includes("完全不可能") || said === "不可能") {
          if (blank(ind.reason)) ctx.report({ ...indicatorCell(ind, "possibility"), messageId: "M005.impossible", project: p, params: { name: ind.name } });
        } else if (said.includes("确定能") || said === "能") {
          if (forecastShort(ind, ctx.rulebook) === true) {
            ctx.report({
              ...indicatorCell(ind, "possibility"),
              messageId: "M005.certain",
              project: p,
              params: { name: ind.name, forecast: showValue(ind.forecast), target: showValue(ind.target) },
            });
          }
        }
      }
    }
  },
};
