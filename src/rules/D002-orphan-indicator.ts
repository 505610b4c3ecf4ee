/**
 * D002 指标所属项目在项目表中找不到 — error.
 * Fires for each indicator row the reader could not attach to a project (`book.orphans`):
 * the code or name it gives is not on the project sheet, or it gives none.
 * Cell: the indicator's project cell (as recorded by the reader); indicators sharing one project
 * cell (merged or filled down) give one finding there.
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
    // Rows sharing one (merged or filled-down) project cell are reported once, at that cell.
    const said = new Set<string>();
    for (const o of ctx.book.orphans) {
      if (noRef.has(o.indicator.origin.sheet)) continue;
      const key = `${o.indicator.origin.sheet}!${o.cell}\u0000${o.projectText}`;
      if (said.has(key)) continue;
      said.add(key);
      const indicator = o.indicator.name || "—";
      const blank = o.projectText.trim() === "";
      ctx.report({
        messageId: blank ? "D002.blank" : "D002",
        sheet: o.indicator.origin.sheet,
        cell: o.cell,
        params: { indicator, project: o.projectText, row: o.indicator.origin.row },
        // Every row naming the same unknown project has one cause: one item in the pane.
        ...(blank ? {} : { cause: `D002\u0000${o.indicator.origin.sheet}\u0000${o.projectText.trim()}` }),
      });
    }
  },
};
