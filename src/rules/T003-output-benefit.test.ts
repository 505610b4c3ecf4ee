import { T003 } from "./T003-output-benefit";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const out: IndicatorSpec = { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次" };
const ben: IndicatorSpec = { l1: "效益指标", l2: "社会效益指标", name: "新增就业人数", target: "≥200人" };
const sat: IndicatorSpec = { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%" };

runRuleCases(T003, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "一级 missing but 二级 tells it", projects: [{ indicators: [out, { l2: "社会效益", name: "新增就业人数", target: "≥200人" }, sat] }] },
    { name: "an unclassified row might be the missing 效益: quiet", projects: [{ indicators: [out, { l1: "其他", name: "新增就业人数", target: "≥200人" }, sat] }] },
    { name: "no indicators: D003's business", projects: [{ indicators: [] }] },
  ],
  invalid: [
    { name: "no 效益", projects: [{ indicators: [out, sat] }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["效益指标"] }] },
    { name: "no 产出", projects: [{ indicators: [ben, sat] }], errors: [{ cell: "B2", sheet: PROJECT_SHEET, messageIncludes: ["产出指标"] }] },
    {
      name: "neither, on the second project",
      projects: [{ indicators: soundIndicators() }, { name: "满意度调查", indicators: [sat] }],
      errors: [{ cell: "B3", sheet: PROJECT_SHEET, messageIncludes: ["既没有产出指标", "满意度调查"] }],
    },
  ],
});
