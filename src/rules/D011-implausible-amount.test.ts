import { D011 } from "./D011-implausible-amount";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D011, {
  valid: [{ name: "plausible amounts", projects: [{ budget: 1e6, spent: 5e5, indicators: soundIndicators() }] }],
  invalid: [
    {
      name: "a budget of 1e308",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => void (b.anomalies = [{ kind: "implausible", sheet: PROJECT_SHEET, cell: "F2", field: "budget", raw: "1e+308", max: 1e12, projectId: "P001" }]),
      errors: [{ cell: "F2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["全年预算数", "1e+308", "1000000000000 万元"] }],
    },
  ],
});
