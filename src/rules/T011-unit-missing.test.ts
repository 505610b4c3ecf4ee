import { T011 } from "./T011-unit-missing";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators } from "./testing/book";

runRuleCases(T011, {
  valid: [
    { name: "sound set", projects: [{ indicators: soundIndicators() }] },
    { name: "「≥100百分比」 is a percentage", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "验收合格", target: "≥100百分比" }] }] },
    { name: "「10辆」 carries its unit", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "购置车辆", target: "10辆" }] }] },
    { name: "a rate name implies %", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "质量指标", name: "设备完好率", target: "≥95" }] }] },
    { name: "unit in its own column", projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "新建站点", op: "≥", target: 5, unit: "个" }] }] },
    { name: "「=0」 needs no unit", projects: [{ indicators: [...soundIndicators(), { l1: "效益指标", l2: "社会效益指标", name: "安全事故", target: "=0" }] }] },
  ],
  invalid: [
    {
      name: "bare number, no unit column",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "新建站点", target: "≥5" }] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["新建站点", "≥5"] }],
    },
    {
      name: "empty unit cell where the column exists",
      projects: [{ indicators: [...soundIndicators(), { l1: "产出指标", l2: "数量指标", name: "新建站点", op: "≥", target: 5, unit: "个" }, { l1: "产出指标", l2: "数量指标", name: "维修道路", op: "≥", target: 12 }] }],
      errors: [{ cell: "G8", sheet: INDICATOR_SHEET, messageIncludes: ["维修道路", "12"] }],
    },
  ],
});
