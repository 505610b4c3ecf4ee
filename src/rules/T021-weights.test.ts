import { T021 } from "./T021-weights";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, PROJECT_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";
import { parseRulebook } from "../rulebook/load";

const weighted = (...w: number[]): IndicatorSpec[] => soundIndicators().map((ind, i) => ({ ...ind, weight: w[i] }));

runRuleCases(T021, {
  valid: [
    { name: "no weights given", projects: [{ indicators: soundIndicators() }] },
    { name: "weights add up to 90", projects: [{ indicators: weighted(20, 20, 10, 30, 10) }] },
    { name: "decimals within tolerance", projects: [{ indicators: weighted(16.666, 16.667, 16.667, 30, 10) }] },
    { name: "预算执行率 listed with its 10 points: 100", projects: [{ indicators: [...weighted(20, 20, 10, 30, 10), { l1: "产出指标", l2: "质量指标", name: "预算执行率", target: "≥90%", weight: 10 }] }] },
    {
      name: "a weight cell that could not be read (D005 says it): the sum would be a guess",
      projects: [{ indicators: weighted(20, 20, 10, 30, 10) }],
      tweak: (b) => {
        b.projects[0].indicators[0].weight = null;
        b.unreadable.push({ sheet: INDICATOR_SHEET, cell: "I2", field: "weight", raw: "二十", reason: "数字用汉字书写", projectId: b.projects[0].id });
      },
    },
    {
      name: "a weight cell holding #REF! (D007 says it)",
      projects: [{ indicators: weighted(20, 20, 10, 30, 10) }],
      tweak: (b) => {
        b.projects[0].indicators[2].weight = null;
        b.cellErrors.push({ sheet: INDICATOR_SHEET, cell: "I4", field: "weight", error: "#REF!", projectId: b.projects[0].id });
      },
    },
    { name: "a preset with 100 indicator points", projects: [{ indicators: weighted(30, 20, 10, 30, 10) }], options: { rulebook: parseRulebook({ scoring: { indicatorTotal: 100 } }) } },
  ],
  invalid: [
    { name: "weights add up to 100", projects: [{ indicators: weighted(30, 20, 10, 30, 10) }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["100", "90"] }] },
    { name: "a zero weight", projects: [{ indicators: weighted(30, 20, 0, 30, 10) }], errors: [{ cell: "I4", sheet: INDICATOR_SHEET, messageIncludes: ["0"] }] },
    {
      name: "a negative weight and a wrong sum",
      projects: [{ indicators: weighted(30, 20, -5, 30, 10) }],
      errors: [
        { cell: "I4", sheet: INDICATOR_SHEET, messageIncludes: ["-5"] },
        { cell: "B2", sheet: PROJECT_SHEET, messageIncludes: ["85", "90"] },
      ],
    },
    {
      name: "only some indicators weighted",
      projects: [{ indicators: weighted(30, 20) }],
      errors: [{ cell: "B2", sheet: PROJECT_SHEET, messageIncludes: ["5 个指标中只有 2 个", "50", "90"] }],
    },
  ],
});
