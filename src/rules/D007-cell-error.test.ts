import { D007 } from "./D007-cell-error";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

runRuleCases(D007, {
  valid: [{ name: "no error values", projects: [{ budget: 100, indicators: soundIndicators() }] }],
  invalid: [
    {
      name: "#N/A in a spending cell and #REF! in a target",
      projects: [{ indicators: soundIndicators() }],
      tweak: (b) => {
        b.cellErrors.push({ sheet: PROJECT_SHEET, cell: "G2", field: "spent", error: "#N/A", projectId: "P001" });
        b.cellErrors.push({ sheet: "指标表", cell: "F4", field: "target", error: "#REF!", projectId: "P001" });
      },
      errors: [
        { cell: "项目表!G2", severity: "error", messageIncludes: ["#N/A"] },
        { cell: "指标表!F4", messageIncludes: ["#REF!"] },
      ],
    },
  ],
});
