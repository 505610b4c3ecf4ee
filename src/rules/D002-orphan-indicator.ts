/**
 * D002 指标所属项目在项目表中找不到 — error.
 * Fires for each indicator row the reader could not attach to a project (`book.orphans`):
 * the code or name it gives is not on the project sheet, or it gives none.
 * Cell: the indicator's project cell (as recorded by the reader).
 * Silent where D001 already explains why nothing can be matched: no project sheet at all, or an
 * indicator sheet without any column naming the project.
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
    const missing = ctx.book.missing;
    if (missing.some((m) => m.sheet === null && m.role === "projects")) return;
    const noRef = new Set(missing.filter((m) => m.role === "indicators" && m.fields.includes("projectCode")).map((m) => m.sheet));
    for (const o of ctx.book.orphans) {
      if (noRef.has(o.indicator.origin.sheet)) continue;
      const indicator = o.indicator.name || "—";
      const blank = o.projectText.trim() === "";
      ctx.report({
        messageId: blank ? "D002.blank" : "D002",
        sheet: o.indicator.origin.sheet,
        cell: o.cell,
        params: { indicator, project: o.projectText, row: o.indicator.origin.row },
      });
    }
  },
};
