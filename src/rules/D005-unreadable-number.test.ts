import { D005 } from "./D005-unreadable-number";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D005, {
  valid: [{ name: "nothing unreadable", projects: [{ budget: 100, indicators: soundIndicators() }] }],
  invalid: [
    {
      name: "「约50万」 in a budget cell",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => {
        b.unreadable.push({ sheet: PROJECT_SHEET, cell: "F2", field: "budget", raw: "约50万", reason: "近似数", projectId: "P001" });
      },
      errors: [{ cell: "F2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["约50万"] }],
    },
    {
      name: "「五十」 as a weight and 「见附件」 as spending",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => {
        b.unreadable.push({ sheet: INDICATOR_SHEET, cell: "I3", field: "weight", raw: "五十", reason: "数字用汉字书写", projectId: "P001" });
        b.unreadable.push({ sheet: PROJECT_SHEET, cell: "G2", field: "spent", raw: "见附件", reason: "不是数字", projectId: null });
      },
      errors: [
        { cell: "指标表!I3", messageIncludes: ["五十", "汉字"] },
        { cell: "项目表!G2", messageIncludes: ["见附件"] },
      ],
    },
  ],
});
