/**
 * T009 指标含模糊用语 — warning.
 * Source: 财预〔2015〕88号 (细化量化); words from rulebook.vagueWords (进一步、有效、显著 …).
 * Vague words standing in for a value (domain.md §3):
 *  - in a target that is text (「有效提升」) → the target cell (T009.value) — unless T008 already
 *    reports that cell as a quantitative indicator without a number;
 *  - in a 三级指标 name when the target carries no number or date (「进一步提升服务水平」 | 「好」)
 *    → the name cell (T009.name). A name such as 「有效灌溉面积」 with 「≥500亩」 is sound.
 */
import type { Rule } from "./types";
import { SRC_88, indicatorCell, vagueWordsIn } from "./T-common";
import { t008Applies } from "./T008-no-number";

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
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const t = ind.target;
        const quantified = t.kind === "number" || t.kind === "date";
        if (!quantified) {
          const inName = vagueWordsIn(ind.name, words);
          if (inName.length) {
            ctx.report({ messageId: "T009.name", ...indicatorCell(ind, "name"), project: p, params: { name: ind.name, words: inName.join("、") } });
          }
        }
        if (t.kind === "text" && !t008Applies(ind, ctx.rulebook.placeholders)) {
          const inValue = vagueWordsIn(t.text, words);
          if (inValue.length) {
            ctx.report({ messageId: "T009.value", ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, value: t.text, words: inValue.join("、") } });
          }
        }
      }
    }
  },
};
