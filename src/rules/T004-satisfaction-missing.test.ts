import { T004 } from "./T004-satisfaction-missing";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators } from "./testing/book";

const noSat = () => soundIndicators().filter((i) => i.l1 !== "满意度指标");

runRuleCases(T004, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "satisfaction named under 效益", projects: [{ indicators: [...noSat(), { l1: "效益指标", l2: "社会效益指标", name: "群众满意度", target: "≥90%" }] }] },
    { name: "an unclassified row: quiet", projects: [{ indicators: [...noSat(), { l1: "其他", name: "服务评价", target: "好" }] }] },
  ],
  invalid: [
    { name: "no satisfaction indicator", projects: [{ indicators: noSat() }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["满意度", "4"] }] },
    {
      name: "only the second project lacks it",
      projects: [{ indicators: soundIndicators() }, { indicators: noSat() }],
      errors: [{ cell: "B3", sheet: PROJECT_SHEET }],
    },
  ],
});
