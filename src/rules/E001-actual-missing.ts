/**
 * E001 实际完成值为空 — error.
 * Source: 财预〔2020〕10号 (自评表 requires 实际完成值 for every indicator).
 * In a self-evaluation (the 实际完成值 column exists), an indicator whose actual is empty.
 * Points at the actual cell.
 */
import type { Rule } from "./types";
import { SRC_10, hasIndicatorField, indicatorCell } from "./E-common";

export const E001: Rule = {
  meta: {
    id: "E001",
    category: "E",
    severity: "error",
    title: { zh: "实际完成值为空", en: "Actual value missing" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    if (!hasIndicatorField(ctx.book, "actual")) return;
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        if (ind.actual.kind !== "empty") continue;
        ctx.report({ ...indicatorCell(ind, "actual"), project: p, params: { name: ind.name } });
      }
    }
  },
};
