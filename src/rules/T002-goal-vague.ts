/**
 * T002 年度总体目标过短或空泛 — warning.
 * Source: 财预〔2015〕88号 (指向明确、细化量化); seed 001 (「目标设置广而不精」).
 * Fires when the goal is shorter than `minLength` characters (param, default 15; spaces not
 * counted), or when it has no number at all and leans on at least `vagueMin` vague words
 * (param, default 2; words from rulebook.vagueWords). A goal holding a placeholder is left to T010.
 */
import type { Rule } from "./types";
import { SRC_88, SRC_SEED_001, charCount, numParam, placeholderIn, squeeze, vagueWordsIn } from "./T-common";

export const T002: Rule = {
  meta: {
    id: "T002",
    category: "T",
    severity: "warning",
    title: { zh: "年度总体目标过短或空泛", en: "Annual goal too short or vague" },
    source: `${SRC_88}；${SRC_SEED_001}`,
  },
  check(ctx) {
    const minLength = numParam(ctx, "minLength", 15);
    const vagueMin = numParam(ctx, "vagueMin", 2);
    for (const p of ctx.book.projects) {
      const goal = p.goal === null ? "" : squeeze(p.goal);
      const cell = p.origin.cells.goal;
      if (!goal || !cell) continue;
      if (placeholderIn(goal, ctx.rulebook.placeholders)) continue;
      const length = charCount(goal);
      if (length < minLength) {
        ctx.report({ messageId: "T002.short", sheet: p.origin.sheet, cell, project: p, params: { project: p.name, goal, length, min: minLength } });
        continue;
      }
      const words = vagueWordsIn(goal, ctx.rulebook.vagueWords);
      if (!/[0-9]/.test(goal) && words.length >= vagueMin) {
        ctx.report({ messageId: "T002.vague", sheet: p.origin.sheet, cell, project: p, params: { project: p.name, words: words.join("、"), count: words.length } });
      }
    }
  },
};
