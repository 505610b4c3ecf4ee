/**
 * D007 单元格为 Excel 错误值 — error.
 * A cell the reader needed holds #N/A, #REF!, #VALUE!, #DIV/0! … (`book.cellErrors`).
 */
import type { Rule } from "./types";
import { projectById, SRC_SHEET } from "./D-common";

export const D007: Rule = {
  meta: {
    id: "D007",
    category: "D",
    severity: "error",
    title: { zh: "单元格为 Excel 错误值", en: "Cell holds an Excel error" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const e of ctx.book.cellErrors) {
      ctx.report({ sheet: e.sheet, cell: e.cell, project: projectById(ctx.book, e.projectId), params: { error: e.error } });
    }
  },
};
