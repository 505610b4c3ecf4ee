import { T014 } from "./T014-satisfaction-floor";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";
import { parseRulebook } from "../rulebook/load";

const withSat = (target: string | number, extra: Partial<IndicatorSpec> = {}): IndicatorSpec[] => [
  ...soundIndicators().slice(0, 4),
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target, ...extra },
];

runRuleCases(T014, {
  valid: [
    { name: "「满意度调查覆盖率」 is not a satisfaction level", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "满意度调查覆盖率", target: "≥50%" }] }] },
    { name: "「满意度 ≥ 90%」 passes", projects: [{ indicators: withSat("≥90%") }] },
    { name: "exactly at the floor", projects: [{ indicators: withSat("≥85%") }] },
    { name: "「不满意率 ≤ 5%」 is not a satisfaction target", projects: [{ indicators: [...soundIndicators(), { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众不满意率", target: "≤5%" }] }] },
    { name: "qualitative satisfaction target", projects: [{ indicators: withSat("满意") }] },
    { name: "floor lowered through the rulebook", projects: [{ indicators: withSat("≥80%") }], options: { rulebook: parseRulebook({ targets: { satisfactionFloor: 80 } }) } },
  ],
  invalid: [
    { name: "「≥70%」 fails", projects: [{ indicators: withSat("≥70%") }], errors: [{ cell: "F6", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["≥70%", "85%"] }] },
    { name: "split columns 80 / %", projects: [{ indicators: withSat(80, { op: "≥", unit: "%" }) }], errors: [{ cell: "F6", messageIncludes: ["≥80%"] }] },
    {
      name: "floor raised to 95 in the rulebook: 90% fails",
      projects: [{ indicators: withSat("≥90%") }],
      options: { rulebook: parseRulebook({ extends: "sichuan-2023", targets: { satisfactionFloor: 95 } }) },
      errors: [{ cell: "F6", messageIncludes: ["95%"] }],
    },
    {
      name: "floor from the rule's param",
      projects: [{ indicators: withSat("≥88%") }],
      options: { rulebook: parseRulebook({ rules: { T014: { params: { floor: 90 } } } }) },
      errors: [{ cell: "F6", messageIncludes: ["≥88%", "90%"] }],
    },
  ],
});
