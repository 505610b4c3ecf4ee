import { D012 } from "./D012-ambiguous-column";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D012, {
  valid: [{ name: "one column per field", projects: [{ budget: 100, indicators: soundIndicators() }] }],
  invalid: [
    {
      name: "全年预算数 in D and F",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => void (b.anomalies = [{ kind: "ambiguous", sheet: PROJECT_SHEET, cell: "D1", field: "budget", columns: ["D", "F"], headers: ["全年预算数", "全年预算数（万元）"] }]),
      errors: [{ cell: "D1", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["「全年预算数」对应了两列", "D 列「全年预算数」", "F 列「全年预算数（万元）」"] }],
    },
  ],
});
