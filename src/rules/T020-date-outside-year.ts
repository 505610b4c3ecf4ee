/**
 * T020 时效目标日期超出预算年度或项目期限 — warning.
 * Source: 财预〔2015〕88号 (相应匹配: 时效 within the budget year).
 * A target that reads as a date (「2024年12月底前」, a range's end) outside the project's
 * period when the project gives a start and end (T020.period), else outside the budget year
 * (book.year; T020.year). Quiet when neither is known. Points at the target cell.
 */
import type { Rule } from "./types";
import { parseDate } from "../parse";
import { SRC_88, indicatorCell } from "./T-common";

export const T020: Rule = {
  meta: {
    id: "T020",
    category: "T",
    severity: "warning",
    title: { zh: "时效目标日期超出预算年度或项目期限", en: "Deadline outside the budget year or project period" },
    source: SRC_88,
  },
  check(ctx) {
    const year = ctx.book.year;
    for (const p of ctx.book.projects) {
      const start = p.startDate ? parseDate(p.startDate) : null;
      const end = p.endDate ? parseDate(p.endDate) : null;
      // A start written as a month (「2024年3月」) means from its first day.
      const from = start ? `${start.slice(0, 7)}-01` : null;
      for (const ind of p.indicators) {
        const t = ind.target;
        if (t.kind !== "date") continue;
        if (from && end) {
          if (t.date < from || t.date > end) {
            ctx.report({ messageId: "T020.period", ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, date: t.date, start: from, end } });
          }
          continue;
        }
        if (year !== null && Number(t.date.slice(0, 4)) !== year) {
          ctx.report({ messageId: "T020.year", ...indicatorCell(ind, "target"), project: p, params: { name: ind.name, date: t.date, year } });
        }
      }
    }
  },
};
