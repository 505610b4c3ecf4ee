/**
 * D012 一个字段对应多列 — error.
 * Two (or more) columns of one header match the same field (全年预算数 twice): the reader
 * takes neither (no silent first-wins) until the user picks one with a column correction.
 * Cell: the first of the header cells.
 */
import type { Rule } from "./types";
import { SRC_SHEET } from "./D-common";
import { formatMessage } from "../messages";

function fieldNames(field: string): { field: string; fieldEn: string } {
  for (const p of ["pfield", "ifield"]) {
    const k = `sheets.${p}.${field}`;
    const zh = formatMessage(k, {}, "zh-CN").message;
    if (!zh.startsWith("[")) return { field: zh, fieldEn: formatMessage(k, {}, "en").message };
  }
  return { field, fieldEn: field };
}

export const D012: Rule = {
  meta: {
    id: "D012",
    category: "D",
    severity: "error",
    title: { zh: "一个字段对应多列", en: "Two columns for one field" },
    source: SRC_SHEET,
  },
  check(ctx) {
    for (const a of ctx.book.anomalies ?? []) {
      if (a.kind !== "ambiguous") continue;
      const columns = a.columns.map((c, i) => `${c} 列「${a.headers[i] ?? ""}」`).join("、");
      const columnsEn = a.columns.map((c, i) => `column ${c} (「${a.headers[i] ?? ""}」)`).join(", ");
      ctx.report({ sheet: a.sheet, cell: a.cell, params: { ...fieldNames(a.field), columns, columnsEn } });
    }
  },
};
