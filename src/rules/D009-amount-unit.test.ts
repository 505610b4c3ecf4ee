import { D009 } from "./D009-amount-unit";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

const ind = soundIndicators();

runRuleCases(D009, {
  valid: [
    { name: "plausible 万元 amounts", projects: [{ initialBudget: 500, budget: 5000, spent: 0.5, indicators: ind }] },
    { name: "plausible 元 amounts", projects: [{ budget: 500000, spent: 1, indicators: ind }], options: { unit: "元" } },
    { name: "zero in a 元 column", projects: [{ budget: 100, spent: 0, indicators: ind }], options: { unit: "元" } },
  ],
  invalid: [
    {
      name: "元 entered in a 万元 column",
      projects: [{ budget: 1500000, spent: 50, indicators: ind }],
      errors: [{ cell: "F2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["1500000", "万元"] }],
    },
    { name: "exactly the threshold", projects: [{ budget: 100, spent: 100000, indicators: ind }], errors: [{ cell: "G2" }] },
    {
      name: "万元 entered in a 元 column",
      projects: [{ budget: 0.5, spent: 0.2, indicators: ind }],
      options: { unit: "元" },
      errors: [
        { cell: "F2", messageIncludes: ["0.5 元"] },
        { cell: "G2", messageIncludes: ["0.2 元"] },
      ],
    },
  ],
});
