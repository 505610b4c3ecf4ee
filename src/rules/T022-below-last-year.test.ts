import { T022 } from "./T022-below-last-year";
import { runRuleCases } from "./testing/tester";
import { INDICATOR_SHEET, soundIndicators, type IndicatorSpec } from "./testing/book";

const withLast = (last: (string | number | undefined)[]): IndicatorSpec[] => soundIndicators().map((ind, i) => ({ ...ind, lastYear: last[i] }));

runRuleCases(T022, {
  valid: [
    { name: "no history column", projects: [{ indicators: soundIndicators() }] },
    { name: "targets at or above last year", projects: [{ indicators: withLast([450, "95%", undefined, 200, 88]) }] },
    { name: "cost targets are left out", projects: [{ indicators: [...soundIndicators(), { l1: "成本指标", l2: "经济成本指标", name: "培训成本", target: "≤30万元", lastYear: 40 }] }] },
  ],
  invalid: [
    { name: "count below last year", projects: [{ indicators: withLast([600]) }], errors: [{ cell: "F2", sheet: INDICATOR_SHEET, severity: "info", messageIncludes: ["≥500人次", "600"] }] },
    { name: "rate below last year", projects: [{ indicators: withLast([undefined, "98%"]) }], errors: [{ cell: "F3", sheet: INDICATOR_SHEET, messageIncludes: ["≥95%", "98%"] }] },
  ],
});
