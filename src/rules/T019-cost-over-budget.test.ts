import { T019 } from "./T019-cost-over-budget";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const cost = (name: string, target: string | number, extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({ l1: "成本指标", l2: "经济成本指标", name, target, ...extra });

runRuleCases(T019, {
  valid: [
    { name: "cost within budget", projects: [{ budget: 100, indicators: [...soundIndicators(), cost("培训成本", "≤50万元")] }] },
    { name: "元 converted: 800000元 is 80 万元", projects: [{ budget: 100, indicators: [...soundIndicators(), cost("设备购置成本", "≤800000元")] }] },
    { name: "per-unit costs are not summed", projects: [{ budget: 10, indicators: [...soundIndicators(), cost("人均培训成本", "≤500元"), cost("设备单价", "≤8万元"), cost("车辆单价", "≤6万元")] }] },
    { name: "unit costs (money per something) are not summed", projects: [{ budget: 10, indicators: [...soundIndicators(), cost("培训成本", "≤8万元/期"), cost("道路养护成本", "≤6万元/公里"), cost("食宿成本", 120, { op: "≤", unit: "元/人·天" })] }] },
    { name: "no budget, nothing to compare", projects: [{ indicators: [...soundIndicators(), cost("培训成本", "≤500万元")] }] },
    { name: "sheet in 元", projects: [{ budget: 1000000, indicators: [...soundIndicators(), cost("培训成本", "≤100万元")] }], options: { unit: "元" } },
  ],
  invalid: [
    {
      name: "one cost above the budget",
      projects: [{ budget: 100, indicators: [...soundIndicators(), cost("培训成本", "≤500万元")] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["500", "100"] }],
    },
    {
      name: "two costs add up above the budget: the larger one",
      projects: [{ budget: 100, indicators: [...soundIndicators(), cost("培训成本", "≤40万元"), cost("设备购置成本", 650000, { op: "≤", unit: "元" })] }],
      errors: [{ cell: "F8", sheet: INDICATOR_SHEET, messageIncludes: ["105", "100"] }],
    },
    {
      name: "a unit cost alone above the budget (wrong unit): 元/人 → 万元/人",
      projects: [{ budget: 100, indicators: [...soundIndicators(), cost("培训成本", "≤500万元/人"), cost("道路养护成本", "≤3万元/公里")] }],
      errors: [{ cell: "F7", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["培训成本", "500万元/人", "100"] }],
    },
    {
      name: "a unit cost in 元/亩 on a sheet in 元",
      projects: [{ budget: 50000, indicators: [...soundIndicators(), cost("亩均成本", 80000, { op: "≤", unit: "元/亩" })] }],
      options: { unit: "元" },
      errors: [{ cell: "F7", messageIncludes: ["80000元/亩", "50000"] }],
    },
    {
      name: "sheet in 元, cost in 万元",
      projects: [{ budget: 1000000, indicators: [...soundIndicators(), cost("培训成本", "≤120万元")] }],
      options: { unit: "元" },
      errors: [{ cell: "F7", messageIncludes: ["1200000", "1000000"] }],
    },
  ],
});
