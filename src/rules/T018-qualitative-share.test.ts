import { T018 } from "./T018-qualitative-share";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const q = (name: string, target: string): IndicatorSpec => ({ l1: "效益指标", l2: "社会效益指标", name, target });

runRuleCases(T018, {
  valid: [
    { name: "all quantified", projects: [{ indicators: soundIndicators() }] },
    { name: "exactly half qualitative", projects: [{ indicators: [...soundIndicators().slice(0, 2), q("服务水平", "优良"), q("社会影响", "达成年度指标")] }] },
    { name: "empty targets are not counted", projects: [{ indicators: [...soundIndicators().slice(0, 2), q("服务水平", "优良"), { l1: "效益指标", name: "待补充指标" }] }] },
  ],
  invalid: [
    {
      name: "three of four qualitative",
      projects: [{ indicators: [soundIndicators()[0], q("服务水平", "优良"), q("社会影响", "好"), q("群众获得感", "达成年度指标")] }],
      errors: [{ cell: "B2", sheet: PROJECT_SHEET, severity: "warning", messageIncludes: ["4", "3", "75%", "50%"] }],
    },
    {
      name: "declared 定性 and free text count",
      projects: [{ indicators: [soundIndicators()[0], { ...q("覆盖范围", "全县"), op: "定性" }, q("服务质量", "有效提升")] }],
      errors: [{ cell: "B2", sheet: PROJECT_SHEET, messageIncludes: ["66.7%"] }],
    },
  ],
});
