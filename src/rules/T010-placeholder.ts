/**
 * T010 模板占位符未替换 — error.
 * Source: practice of production checkers; placeholders from rulebook.placeholders
 * (「*」「**」「XX」「xx」「×××」「待定」「?」).
 * Looks in each 三级指标 name (T010.name, name cell), each target as written (T010.value,
 * target cell) and the 年度总体目标 (T010.goal, goal cell).
 */
import type { Rule } from "./types";
import { rawOf } from "../model/model";
import { memoByText } from "../core/memo";
import { SRC_PRACTICE, indicatorCell, placeholderFinder, placeholderIn, rawText } from "./T-common";

export const T010: Rule = {
  meta: {
    id: "T010",
    category: "T",
    severity: "error",
    title: { zh: "存在未替换的模板占位符", en: "Template placeholder left in place" },
    source: `${SRC_PRACTICE}；财预〔2015〕88号`,
  },
  check(ctx) {
    const ph = ctx.rulebook.placeholders;
    const placeholder = placeholderFinder(ph);
    // A target as written, once per distinct cell text (targets recur on thousands of rows).
    const writtenText = memoByText(rawText);
    for (const p of ctx.book.projects) {
      if (p.goal && p.origin.cells.goal) {
        const hit = placeholderIn(p.goal, ph);
        if (hit) ctx.report({ messageId: "T010.goal", sheet: p.origin.sheet, cell: p.origin.cells.goal, project: p, params: { project: p.name, placeholder: hit } });
      }
      for (const ind of p.indicators) {
        const inName = placeholder(ind.name);
        if (inName) ctx.report({ messageId: "T010.name", ...indicatorCell(ind, "name"), project: p, params: { name: ind.name, placeholder: inName } });
        const rawTarget = rawOf(ind.origin, "target");
        const written = (typeof rawTarget === "string" ? writtenText(rawTarget) : rawText(rawTarget)) || (ind.target.kind === "text" ? ind.target.text : "");
        const inValue = placeholder(written);
        if (inValue) ctx.report({ messageId: "T010.value", ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, value: written, placeholder: inValue } });
      }
    }
  },
};
