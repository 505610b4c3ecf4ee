import { D008 } from "./D008-overspend";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

const ind = soundIndicators();

runRuleCases(D008, {
  valid: [
    { name: "spent within budget", projects: [{ budget: 120, spent: 100, indicators: ind }] },
    { name: "spent equals budget", projects: [{ budget: 120, spent: 120, indicators: ind }] },
    { name: "no spending given", projects: [{ budget: 120, indicators: ind }] },
    { name: "no budget column at all: nothing to compare with", projects: [{ spent: 50, indicators: ind }] },
    { name: "zero spending without budget", projects: [{ budget: 10, indicators: ind }, { spent: 0, indicators: ind }] },
    {
      name: "budget cell unreadable: D005 says so, no guess",
      projects: [{ budget: 120, spent: 130, indicators: ind }],
      tweak: (b) => {
        b.projects[0].origin.raw.budget = "约120";
        b.projects[0].budget = null;
      },
    },
  ],
  invalid: [
    {
      name: "overspend",
      projects: [{ budget: 120, spent: 130, indicators: ind }],
      errors: [{ cell: "G2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["130", "120", "超支 10"] }],
    },
    { name: "overspend against 年初预算数 when no adjusted budget", projects: [{ initialBudget: 100, spent: 100.5, indicators: ind }], errors: [{ cell: "G2", messageIncludes: ["超支 0.5"] }] },
    {
      name: "spending with no budget while the column exists",
      projects: [{ budget: 10, spent: 5, indicators: ind }, { spent: 50, indicators: ind }],
      errors: [{ cell: "G3", messageIncludes: ["50", "没有预算数"] }],
    },
    {
      name: "monitoring: cumulative spending over budget",
      projects: [{ budget: 100, cumulativeSpent: 130, indicators: ind }],
      errors: [{ cell: "N2", messageIncludes: ["累计执行数", "超支 30"] }],
    },
  ],
});
