import { T007 } from "./T007-framework";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const rest = (): IndicatorSpec[] => soundIndicators().slice(1);

runRuleCases(T007, {
  valid: [
    { name: "older 「社会公众或服务对象满意度指标」", projects: [{ indicators: [...soundIndicators().slice(0, 4), { l1: "满意度指标", l2: "社会公众或服务对象满意度指标", name: "群众满意度", target: "≥90%" }] }] },
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "names without 「指标」 and with spaces", projects: [{ indicators: [{ l1: "产出", l2: " 数量 ", name: "培训人次", target: "≥500人次" }, ...rest()] }] },
    { name: "2021 layout: 成本指标 / 经济成本指标", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元" }] }] },
    { name: "hybrid: 经济成本指标 under 产出指标", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元" }] }] },
    { name: "empty 一级 is not this rule's business", projects: [{ indicators: [{ l2: "数量指标", name: "培训人次", target: "≥500人次" }, ...rest()] }] },
  ],
  invalid: [
    {
      name: "社会效益 under 产出",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "社会效益指标", name: "带动就业", target: "≥50人" }] }],
      errors: [{ cell: "C7", sheet: INDICATOR_SHEET, severity: "error", messageIncludes: ["社会效益指标", "产出指标"] }],
    },
    {
      name: "数量 under 效益",
      projects: [{ indicators: [{ l1: "效益指标", l2: "数量指标", name: "培训人次", target: "≥500人次" }, ...rest()] }],
      errors: [{ cell: "C2", sheet: INDICATOR_SHEET, messageIncludes: ["数量指标", "效益指标"] }],
    },
    {
      name: "unknown 一级 and unknown 二级",
      projects: [{ indicators: [{ l1: "投入指标", l2: "资金指标", name: "资金到位", target: "≥100%" }, ...rest()] }],
      errors: [
        { cell: "B2", sheet: INDICATOR_SHEET, messageIncludes: ["投入指标"] },
        { cell: "C2", sheet: INDICATOR_SHEET, messageIncludes: ["资金指标"] },
      ],
    },
  ],
});
