/**
 * T001 年度总体目标为空 — error.
 * Source: 财预〔2015〕88号 (every project states its annual overall goal).
 * Fires only when the goal column exists (book.projectFields includes "goal"); points at the goal cell.
 */
import type { Rule } from "./types";
import { SRC_88, squeeze } from "./T-common";

export const T001: Rule = {
  meta: {
    id: "T001",
    category: "T",
    severity: "error",
    title: { zh: "年度总体目标为空", en: "Annual overall goal is empty" },
    source: SRC_88,
  },
  check(ctx) {
    if (!ctx.book.projectFields.includes("goal")) return;
    for (const p of ctx.book.projects) {
      if (p.goal !== null && squeeze(p.goal) !== "") continue;
      const cell = p.origin.cells.goal;
      if (!cell) continue;
      ctx.report({ sheet: p.origin.sheet, cell, project: p, params: { project: p.name } });
    }
  },
};
