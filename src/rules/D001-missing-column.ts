/**
 * D001 缺少必需的列或工作表 — error.
 * Fires for each entry of `book.missing` (filled by the reader): a project sheet with neither
 * 项目名称 nor 项目编码; an indicator sheet without 三级指标 or without 指标值 (or, with several
 * projects, without any column naming the project); no project sheet / no indicator sheet at all.
 * Cell: column A of the header row; for a missing sheet, A1 of the first sheet the reader found.
 */
import type { Rule } from "./types";
import { SRC_SHEET } from "./D-common";

export const D001: Rule = {
  meta: {
    id: "D001",
    category: "D",
    severity: "error",
    title: { zh: "缺少必需的列或工作表", en: "Required column or sheet missing" },
    source: SRC_SHEET,
  },
  check(ctx) {
    const book = ctx.book;
    for (const m of book.missing) {
      if (m.sheet === null) {
        const sheet = book.detections[0]?.sheet ?? "";
        ctx.report({ messageId: m.role === "projects" ? "D001.noProjects" : "D001.noIndicators", sheet, cell: "A1" });
        continue;
      }
      const cell = `A${m.headerRow ?? 1}`;
      const params = { sheet: m.sheet, row: m.headerRow ?? 1, count: book.projects.length };
      if (m.role === "projects") {
        ctx.report({ messageId: "D001.projects", sheet: m.sheet, cell, params });
        continue;
      }
      for (const f of m.fields) {
        const messageId = f === "name" ? "D001.indicators.name" : f === "target" ? "D001.indicators.target" : "D001.indicators.projectCode";
        ctx.report({ messageId, sheet: m.sheet, cell, params });
      }
    }
  },
};
