/**
 * T015 以投入类指标作为产出或效益 — info (practice).
 * Source: common review practice: 预算执行率 / 资金到位率 / 支出进度 / 资金拨付率 measure the
 * input (money), not what the project produced (list: rulebook.inputIndicators).
 * Fires for such a name under 产出指标 or 效益指标. Points at the name cell.
 */
import type { Rule } from "./types";
import { memoByText } from "../core/memo";
import { SRC_PRACTICE, indicatorCell, level1Of, squeeze } from "./T-common";

export const T015: Rule = {
  meta: {
    id: "T015",
    category: "T",
    severity: "info",
    title: { zh: "投入类指标用作产出或效益指标", en: "Input measure used as an output or outcome" },
    source: SRC_PRACTICE,
    practice: true,
  },
  check(ctx) {
    const inputs = ctx.rulebook.inputIndicators.map((w) => [w, w ? squeeze(w) : ""] as const);
    // The first input word in a name, once per distinct name.
    const inputWord = memoByText((n) => {
      const name = squeeze(n);
      return inputs.find(([w, sq]) => w && name.includes(sq))?.[0];
    });
    for (const p of ctx.book.projects) {
      for (const ind of p.indicators) {
        const l1 = level1Of(ind, ctx.rulebook);
        if (l1 !== "产出指标" && l1 !== "效益指标") continue;
        const word = inputWord(ind.name);
        if (!word) continue;
        ctx.report({ ...indicatorCell(ind, "name"), project: p, params: { name: ind.name, word, level1: l1 } });
      }
    }
  },
};
