/**
 * T008 定量指标没有数值 — error.
 * Source: 财预〔2015〕88号 (细化量化), 财预〔2021〕101号.
 * A quantitative indicator — 二级 数量 / 时效 / 成本 (经济成本), or under any 二级 a name that
 * measures a rate, share or count (「…率」「…比例」「…数」: 验收合格率, 受益人数, 培训次数), not
 * declared 定性 — whose target is text that is neither a number, a date nor a qualitative tier
 * (「进一步提高」「有所提升」). Otherwise 质量 / 效益 / 满意度 may be qualitative (「优良」「好」).
 * Not fired for: a placeholder (T010 says it), a 时效 text that still names a time
 * (「12月底前」), a rate or count known only by its name whose text says all or none
 * (「全覆盖」「全部」「零」), satisfaction (T014 / T012 say it). Variant T008.empty: any indicator whose target cell is empty (the target
 * column exists). Points at the target cell.
 */
import type { Rule } from "./types";
import type { Indicator } from "../model/model";
import { SRC_101, SRC_88, indicatorCell, isQuantitative, looksLikeTime, placeholderFinder, quantitativeByLevel2, squeeze } from "./T-common";

/** Words that state a whole or a nothing (「全覆盖」「零事故」): a value for a rate or count known by its name. */
const ALL_OR_NONE = /^(全覆盖|全部|全额|全面|全员|零|无)/;

export const T008: Rule = {
  meta: {
    id: "T008",
    category: "T",
    severity: "error",
    title: { zh: "定量指标没有数值", en: "Quantitative indicator without a number" },
    source: `${SRC_88}；${SRC_101}`,
  },
  check(ctx) {
    const hasTargetColumn = ctx.book.indicatorFields.includes("target");
    const hasPlaceholder = placeholderFinder(ctx.rulebook.placeholders);
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind === "empty") {
          if (hasTargetColumn && ind.name.trim() !== "") {
            ctx.report({ messageId: "T008.empty", ...indicatorCell(ind, "target"), project: p, params: { name: ind.name } });
          }
          continue;
        }
        if (t.kind !== "text" || !t008Applies(ind, hasPlaceholder)) continue;
        ctx.report({ ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, value: t.text, level2: ind.level2 ?? "" } });
      }
    }
  },
};

/** Would T008 report this indicator's target text (shared with T009 to avoid two findings on one cell)? */
export function t008Applies(ind: Indicator, hasPlaceholder: (text: string) => string | null): boolean {
  const t = ind.target;
  if (t.kind !== "text" || !isQuantitative(ind)) return false;
  if (hasPlaceholder(t.text)) return false;
  if (ind.level2 === "时效指标" && looksLikeTime(t.text)) return false;
  return quantitativeByLevel2(ind) || !ALL_OR_NONE.test(squeeze(t.text));
}
