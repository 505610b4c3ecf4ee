import { D006 } from "./D006-amount-consistency";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";
import { getPreset } from "../rulebook/load";

const ind = soundIndicators();

runRuleCases(D006, {
  valid: [
    { name: "positive amounts, no source columns", projects: [{ initialBudget: 100, budget: 120, spent: 110, indicators: ind }] },
    { name: "total = fiscal + other", projects: [{ initialBudget: 100, fiscalFunds: 90, otherFunds: 10, indicators: ind }] },
    { name: "difference within 0.1 万元", projects: [{ initialBudget: 100, fiscalFunds: 90, otherFunds: 9.95, indicators: ind }] },
    { name: "other funds blank, fiscal = total", projects: [{ initialBudget: 100, fiscalFunds: 100, indicators: ind }, { initialBudget: 5, fiscalFunds: 3, otherFunds: 2, indicators: ind }] },
    { name: "only a 财政拨款 column: nothing to compare", projects: [{ initialBudget: 100, fiscalFunds: 90, indicators: ind }] },
    { name: "元 sheet: 500 元 off is within 0.1 万元", projects: [{ initialBudget: 1000000, fiscalFunds: 999500, otherFunds: 0, indicators: ind }], options: { unit: "元" } },
    {
      name: "tolerance raised by the rulebook",
      projects: [{ initialBudget: 100, fiscalFunds: 90, otherFunds: 9, indicators: ind }],
      options: { rulebook: { ...getPreset(), rules: { D006: { enabled: true, params: { tolerance: 2 } } } } },
    },
  ],
  invalid: [
    {
      name: "negative initial budget (not repeated for the fallback 全年预算数)",
      projects: [{ initialBudget: -5, indicators: ind }],
      errors: [{ cell: "E2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["年初预算数", "-5", "负数"] }],
    },
    { name: "negative spending", projects: [{ budget: 100, spent: -3, indicators: ind }], errors: [{ cell: "G2", messageIncludes: ["全年执行数", "-3"] }] },
    {
      name: "total ≠ fiscal + other",
      projects: [{ initialBudget: 100, fiscalFunds: 90, otherFunds: 5, indicators: ind }],
      errors: [{ cell: "E2", messageIncludes: ["100", "90", "95", "相差 5"] }],
    },
    {
      name: "池州: all-zero 资金总额 while 财政拨款 is 90",
      projects: [{ initialBudget: 0, budget: 0, fiscalFunds: 90, otherFunds: 0, indicators: ind }],
      errors: [{ cell: "E2", messageIncludes: ["相差 90"] }],
    },
    {
      name: "元 sheet: 2,000 元 off exceeds 0.1 万元 (1,000 元)",
      projects: [{ initialBudget: 1000000, fiscalFunds: 998000, otherFunds: 0, indicators: ind }],
      options: { unit: "元" },
      errors: [{ cell: "E2", messageIncludes: ["相差 2000 元", "1000 元"] }],
    },
    {
      name: "only 全年预算数 given: compared with it",
      projects: [{ budget: 50, fiscalFunds: 20, otherFunds: 20, indicators: ind }],
      tweak: (b) => {
        b.projects[0].initialBudget = null;
      },
      errors: [{ cell: "F2" }],
    },
  ],
});
