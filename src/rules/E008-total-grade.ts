/**
 * E008 自评总分或等级与重算不一致 — warning.
 * Source: 财预〔2020〕10号 (总分 = 执行率得分 + 指标得分；优 ≥90、良 ≥80、中 ≥60、差 <60).
 * The declared total differs from the recomputed one by more than scoring.scoreTolerance
 * (param `tolerance`), or the declared grade is not the grade of the recomputed total
 * (「优秀」「良好」「中等」「较差」 read as 优 / 良 / 中 / 差). Points at the declared total / grade cell.
 */
import type { Rule } from "./types";
import { withinTolerance } from "./E003-score-differs";
import { SRC_10, blank, fixed, numParam, projectCell, resultsOf, trim } from "./E-common";
import { dec } from "../scoring/round";

/** 「优秀」 → 优, 「良好」 → 良, 「中等」 → 中, 「较差」 → 差, 「 优 」 → 优. */
export function normaliseGrade(text: string, grades: string[]): string {
  const s = text.normalize("NFKC").replace(/\s+/g, "").replace(/^较/, "").replace(/(秀|好|等)$/, "");
  return grades.includes(s) ? s : text.trim();
}

export const E008: Rule = {
  meta: {
    id: "E008",
    category: "E",
    severity: "warning",
    title: { zh: "自评总分或等级与重算不一致", en: "Declared total or grade differs from the recomputed one" },
    source: SRC_10,
    modes: ["绩效自评"],
  },
  check(ctx) {
    const results = resultsOf(ctx);
    const tolerance = numParam(ctx, "tolerance", ctx.rulebook.scoring.scoreTolerance);
    const grades = ctx.rulebook.scoring.grades;
    const bands = [...grades].sort((a, b) => b.min - a.min).map((g) => `${g.grade} ≥${g.min}`).join("，");
    for (const p of ctx.book.projects) {
      const r = results.get(p.id);
      if (!r || r.totalScore === null) continue;
      // An indicator that could not be scored (E001/E002 say why) leaves the recomputed total
      // incomplete: comparing it would only repeat that one bad cell as a second finding.
      if (Object.values(r.indicators).some((i) => i.weight !== null && i.weight > 0 && i.score === null)) continue;
      if (p.declaredTotal !== null && !withinTolerance(p.declaredTotal, r.totalScore, tolerance)) {
        ctx.report({
          ...projectCell(p, "declaredTotal"),
          messageId: "E008.total",
          project: p,
          params: {
            declared: trim(p.declaredTotal),
            computed: fixed(r.totalScore),
            diff: trim(dec(p.declaredTotal).minus(r.totalScore).abs().toNumber()),
            execution: fixed(r.executionScore ?? 0),
            indicators: fixed(r.indicatorScore ?? 0),
          },
        });
      }
      if (r.grade !== null && !blank(p.declaredGrade)) {
        const declared = normaliseGrade(p.declaredGrade ?? "", grades.map((g) => g.grade));
        if (declared !== r.grade) {
          ctx.report({
            ...projectCell(p, "declaredGrade"),
            messageId: "E008.grade",
            project: p,
            params: { declared: (p.declaredGrade ?? "").trim(), computed: r.grade, total: fixed(r.totalScore), bands },
          });
        }
      }
    }
  },
};
