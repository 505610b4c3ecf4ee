/**
 * D010 表格外的零散单元格 — warning.
 * A value far below the table (after a long run of empty rows, src/read/extent.ts) or far to its
 * right (after a long run of empty columns): not read as a project, an indicator or a column,
 * reported once per sheet at the first such cell (with how many more).
 */
import type { Rule } from "./types";
import { SRC_SHEET } from "./D-common";
import { shorten } from "../messages/shorten";

export const D010: Rule = {
  meta: {
    id: "D010",
    category: "D",
    severity: "warning",
    title: { zh: "表格外的零散单元格", en: "Stray cell far below the table" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const a of ctx.book.anomalies ?? []) {
      if (a.kind !== "stray") continue;
      if (a.endCol) {
        ctx.report({ messageId: "D010.right", sheet: a.sheet, cell: a.cell, params: { cell: a.cell, raw: shorten(a.raw), endCol: a.endCol, more: a.more } });
        continue;
      }
      const params = { row: a.row, raw: shorten(a.raw), end: a.end, gap: a.row - a.end - 1, more: a.more };
      ctx.report({ messageId: a.more > 0 ? "D010.more" : "D010", sheet: a.sheet, cell: a.cell, params });
    }
  },
};
