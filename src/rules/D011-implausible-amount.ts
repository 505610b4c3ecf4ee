/**
 * D011 金额超出合理范围 — error.
 * An amount beyond any plausible budget (param `maxWanYuan`, default 1e12 万元, also used by
 * the reader, src/read/plausible.ts) or not a finite number: the reader treats it as empty, so no total, rate or
 * message is computed from it. Cell: that cell.
 */
import type { Rule } from "./types";
import { fieldParams, projectById, SRC_SHEET } from "./D-common";
import { shorten } from "../messages/shorten";

export const D011: Rule = {
  meta: {
    id: "D011",
    category: "D",
    severity: "error",
    title: { zh: "金额超出合理范围", en: "Amount beyond any plausible budget" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const a of ctx.book.anomalies ?? []) {
      if (a.kind !== "implausible") continue;
      ctx.report({ sheet: a.sheet, cell: a.cell, project: projectById(ctx.book, a.projectId), params: { ...fieldParams(a.field), raw: shorten(a.raw, 30), max: String(a.max) } });
    }
  },
};
