import { D010 } from "./D010-stray-cell";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D010, {
  valid: [{ name: "no cell beyond the table", projects: [{ budget: 100, indicators: soundIndicators() }] }],
  invalid: [
    {
      name: "one value in A1000000",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => void (b.anomalies = [{ kind: "stray", sheet: PROJECT_SHEET, cell: "A1000000", row: 1000000, raw: "备注", end: 23, more: 0 }]),
      errors: [{ cell: "A1000000", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["第 1000000 行", "「备注」", "第 23 行", "999976 个空行"] }],
    },
    {
      name: "several: said once, with how many more",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => void (b.anomalies = [{ kind: "stray", sheet: PROJECT_SHEET, cell: "C500", row: 500, raw: "x".repeat(200), end: 20, more: 3 }]),
      errors: [{ cell: "C500", messageIncludes: ["另外 3 个", "…"] }],
    },
  ],
});
