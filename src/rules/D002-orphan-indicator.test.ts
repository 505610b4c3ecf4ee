import { D002 } from "./D002-orphan-indicator";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";
import type { ModelBook } from "../model/model";

/** Detach the second project's indicators as orphans naming `text`. */
function orphanSecond(text: string) {
  return (b: ModelBook) => {
    const p = b.projects.pop()!;
    for (const ind of p.indicators) b.orphans.push({ indicator: ind, projectText: text, cell: ind.origin.cells.projectCode! });
  };
}

runRuleCases(D002, {
  valid: [
    { name: "every indicator attached", projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }] },
    {
      name: "no project sheet at all: D001 says it once",
      projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }],
      tweak: (b) => {
        orphanSecond("P002")(b);
        b.missing.push({ sheet: null, headerRow: null, role: "projects", fields: [] });
      },
    },
    {
      name: "indicator sheet without a project column: D001 says it once",
      projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }],
      tweak: (b) => {
        orphanSecond("")(b);
        b.missing.push({ sheet: INDICATOR_SHEET, headerRow: 1, role: "indicators", fields: ["projectCode"] });
      },
    },
  ],
  invalid: [
    {
      name: "several indicators under one merged unknown project cell: one finding",
      projects: [{ indicators: soundIndicators() }, { indicators: soundIndicators() }],
      tweak: (b) => {
        const p = b.projects.pop()!;
        for (const ind of p.indicators) b.orphans.push({ indicator: ind, projectText: "P404", cell: "A7" });
      },
      errors: [{ cell: "A7", messageIncludes: ["P404", "培训人次"] }],
    },
    {
      name: "indicator names a project code not on the project sheet",
      projects: [{ indicators: soundIndicators() }, { indicators: [{ l1: "产出指标", l2: "数量指标", name: "道路里程", target: "≥10公里" }] }],
      tweak: orphanSecond("P999"),
      errors: [{ cell: "A7", sheet: INDICATOR_SHEET, severity: "error", messageIncludes: ["P999", "道路里程"] }],
    },
    {
      name: "indicator with a blank project cell",
      projects: [{ indicators: soundIndicators() }, { indicators: [{ l1: "产出指标", l2: "数量指标", name: "道路里程", target: "≥10公里" }] }],
      tweak: orphanSecond(""),
      errors: [{ cell: "A7", messageIncludes: ["没有填写所属项目"] }],
    },
  ],
});
