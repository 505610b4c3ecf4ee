/**
 * E002 定性完成值无法识别 — error.
 * Source: 财预〔2020〕10号 (定性指标按达成 / 部分达成 / 未达成三档评分).
 * A qualitative indicator (target a tier, or text such as 「定性」) whose 实际完成值 is text
 * that is not one of the tiers (达成年度指标 / 部分达成… / 未达成…, or 好 / 优良 / 完成).
 * Also (variant E002.number) a quantitative or date target whose 实际完成值 is not a number
 * (「见附件」, or a tier word such as 「基本满意」 that cannot be compared with ≥90%), unless the reader already reported the cell as
 * unreadable (D005). Points at the actual cell.
 */
import type { Rule } from "./types";
import { SRC_10, indicatorCell, showValue } from "./E-common";

export const E002: Rule = {
  meta: {
    id: "E002",
    category: "E",
    severity: "error",
    title: { zh: "实际完成值无法识别", en: "Actual value not recognised" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const unreadable = new Set(ctx.book.unreadable.map((u) => `${u.sheet}!${u.cell}`));
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const quantitative = ind.target.kind === "number" || ind.target.kind === "date";
        if (ind.actual.kind !== "text" && !(ind.actual.kind === "tier" && quantitative)) continue;
        const at = indicatorCell(ind, "actual");
        const params = { name: ind.name, actual: ind.actual.text, target: showValue(ind.target) };
        if (ind.actual.kind === "text" && (ind.target.kind === "tier" || ind.target.kind === "text")) {
          ctx.report({ ...at, project: p, params });
        } else if (ind.target.kind !== "empty" && !unreadable.has(`${at.sheet}!${at.cell}`)) {
          ctx.report({ ...at, messageId: "E002.number", project: p, params });
        }
      }
    }
  },
};
