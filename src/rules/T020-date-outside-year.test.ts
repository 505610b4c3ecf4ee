import { T020 } from "./T020-date-outside-year";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const due = (target: string): IndicatorSpec[] => [...soundIndicators().filter((i) => i.l2 !== "时效指标"), { l1: "产出指标", l2: "时效指标", name: "完成时间", target }];

runRuleCases(T020, {
  valid: [
    { name: "2024年12月底前 in a 2024 book", projects: [{ indicators: soundIndicators() }] },
    { name: "year unknown: quiet", projects: [{ indicators: due("2025年3月底前") }], options: { year: null } },
    { name: "inside a multi-year project period", projects: [{ startDate: "2023-07-01", endDate: "2025-06-30", indicators: due("2025年3月底前") }] },
  ],
  invalid: [
    { name: "next year's date in a 2024 book", projects: [{ indicators: due("2025年3月底前") }], errors: [{ cell: "F6", sheet: INDICATOR_SHEET, severity: "warning", messageIncludes: ["2025-03-31", "2024"] }] },
    { name: "last year's date", projects: [{ indicators: due("2023.12.31") }], errors: [{ cell: "F6", messageIncludes: ["2023-12-31"] }] },
    {
      name: "outside the project period",
      projects: [{ startDate: "2024-01-01", endDate: "2024-06-30", indicators: due("2024年12月底前") }],
      errors: [{ cell: "F6", sheet: INDICATOR_SHEET, messageIncludes: ["2024-12-31", "2024-06-30"] }],
    },
  ],
});
