/**
 * D002 指标所属项目在项目表中找不到 — error.
 * Fires for each indicator row the reader could not attach to a project (`book.orphans`):
 * the code or name it gives is not on the project sheet, or it gives none.
 * Cell: the indicator's project cell (as recorded by the reader).
 */
import type { Rule } from "./types";
import { SRC_SHEET } from "./D-common";

export const D002: Rule = {
  meta: {
    id: "D002",
    category: "D",
    severity: "error",
    title: { zh: "指标所属项目不存在", en: "Indicator names an unknown project" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const o of ctx.book.orphans) {
      const indicator = o.indicator.name || `第 ${o.indicator.origin.row} 行`;
      const blank = o.projectText.trim() === "";
      ctx.report({
        messageId: blank ? "D002.blank" : "D002",
        sheet: o.indicator.origin.sheet,
        cell: o.cell,
        params: { indicator, project: o.projectText },
      });
    }
  },
};
