/**
 * T009 指标含模糊用语 — warning.
 * Source: 财预〔2015〕88号 (细化量化); words from rulebook.vagueWords (进一步、有效、显著 …).
 * Vague words standing in for a value (domain.md §3):
 *  - in a target that is text (「有效提升」) → the target cell (T009.value) — unless T008 already
 *    reports that cell as a quantitative indicator without a number;
 *  - in a 三级指标 name (「进一步提升服务水平」, 「教学能力显著提升比例」) → the name cell
 *    (T009.name). Established terms are not vague (param `terms`, default 有效灌溉 / 有效率 /
 *    有效期 / 有效投诉 / 有效发明 / 有效身份 / 有效供给 / 有效需求 / 有效样本 / 积极分子):
 *    「有效灌溉面积 ≥500亩」 is sound.
 */
import type { Rule } from "./types";
import { SRC_88, indicatorCell, listParam, placeholderFinder, squeeze, vagueFinder, vagueWordsIn } from "./T-common";
import { memoByText } from "../core/memo";
import { t008Applies } from "./T008-no-number";

export const T009_TERMS = ["有效灌溉", "有效率", "有效期", "有效投诉", "有效发明", "有效身份", "有效供给", "有效需求", "有效样本", "积极分子"];

export const T009: Rule = {
  meta: {
    id: "T009",
    category: "T",
    severity: "warning",
    title: { zh: "指标名称或指标值含模糊用语", en: "Vague words in an indicator" },
    source: SRC_88,
  },
  check(ctx) {
    const words = ctx.rulebook.vagueWords;
    const terms = listParam(ctx, "terms", T009_TERMS).map(squeeze).filter(Boolean);
    const withoutTerms = (s: string) => terms.reduce((acc, t) => (acc.includes(t) ? acc.split(t).join("|") : acc), squeeze(s));
    // Each distinct name and target text is looked at once (they recur on thousands of rows).
    const vagueInName = memoByText((name) => vagueWordsIn(withoutTerms(name), words));
    const vagueInValue = vagueFinder(words);
    const hasPlaceholder = placeholderFinder(ctx.rulebook.placeholders);
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        const inName = vagueInName(ind.name);
        if (inName.length) {
          ctx.report({ messageId: "T009.name", ...indicatorCell(ind, "name"), project: p, params: { name: ind.name, words: inName.join("、") } });
        }
        if (t.kind === "text" && !t008Applies(ind, hasPlaceholder)) {
          const inValue = vagueInValue(t.text);
          if (inValue.length) {
            ctx.report({ messageId: "T009.value", ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, value: t.text, words: inValue.join("、") } });
          }
        }
      }
    }
  },
};
