/**
 * T016 三级指标重名 — warning.
 * Source: practice of production checkers (duplicate indicator names); 财预〔2015〕88号 (指向明确).
 * Two indicators of one project with the same 三级指标 name (compared without spaces and with
 * full/half width folded). Every later occurrence is reported at its name cell, naming the row
 * of the first.
 */
import type { Rule } from "./types";
import { SRC_PRACTICE, indicatorCell, squeeze } from "./T-common";

export const T016: Rule = {
  meta: {
    id: "T016",
    category: "T",
    severity: "warning",
    title: { zh: "同一项目内三级指标重名", en: "Duplicate indicator name in a project" },
    source: `${SRC_PRACTICE}；财预〔2015〕88号`,
  },
  check(ctx) {
    for (const p of ctx.book.projects) {
      const first = new Map<string, number>();
      for (const ind of p.indicators) {
        const key = squeeze(ind.name);
        if (!key) continue;
        const row = first.get(key);
        if (row === undefined) {
          first.set(key, ind.origin.row);
          continue;
        }
        ctx.report({ ...indicatorCell(ind, "name"), project: p, params: { name: ind.name, firstRow: row, row: ind.origin.row } });
      }
    }
  },
};
