/**
 * D005 数字无法识别 — error.
 * A cell in a numeric column (amounts, weights, scores) that cannot be read as a number
 * (「约50万」「五十」「见附件」), as recorded by the reader in `book.unreadable`. The field is
 * then treated as empty: the consequences of a guess are never reported.
 */
import type { CellValue } from "../core/grid";
import type { Rule } from "./types";
import { projectById, SRC_SHEET } from "./D-common";

function show(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  const s = String(v);
  return s.length > 40 ? s.slice(0, 40) + "…" : s;
}

export const D005: Rule = {
  meta: {
    id: "D005",
    category: "D",
    severity: "error",
    title: { zh: "数字无法识别", en: "Number cannot be read" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const u of ctx.book.unreadable) {
      ctx.report({ sheet: u.sheet, cell: u.cell, project: projectById(ctx.book, u.projectId), params: { raw: show(u.raw), reason: u.reason } });
    }
  },
};
