/**
 * D003 项目没有绩效指标 — error.
 * Fires for a project with no indicator attached. Silent when D001 reports an indicator sheet
 * missing or unusable (no sheet, no 三级指标 / 指标值 / project column): said once, not per project;
 * and for a later occurrence of a duplicated project (D004 says it: its indicators went to the first).
 * Cell: the project's name cell.
 */
import type { Rule } from "./types";
import { projectCell, SRC_SHEET } from "./D-common";
import { duplicateOccurrences } from "./D004-duplicate-project";

export const D003: Rule = {
  meta: {
    id: "D003",
    category: "D",
    severity: "error",
    title: { zh: "项目没有绩效指标", en: "Project has no indicators" },
    source: SRC_SHEET,
  },
  check(ctx) {
    if (ctx.book.missing.some((m) => m.role === "indicators")) return;
    const duplicates = duplicateOccurrences(ctx.book.projects);
    for (const p of ctx.book.projects) {
      if (p.indicators.length > 0 || duplicates.has(p)) continue;
      ctx.report({ sheet: p.origin.sheet, cell: projectCell(p), project: p, params: { project: p.name || p.code || "—", row: p.origin.row } });
    }
  },
};
