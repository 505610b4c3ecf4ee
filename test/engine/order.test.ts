import { findingOrder } from "../../src/engine/order";
import type { Finding } from "../../src/rules/types";

const f = (sheet: string, cell: string, rule = "T001", severity: Finding["severity"] = "error"): Finding => ({
  rule, severity, sheet, cell, project: null, projectName: null, message: "m", hint: "h", messageEn: "m", hintEn: "h",
});

test("findings follow the workbook's sheet order, then rows, columns (AA after Z), severity", () => {
  const list = [f("指标表", "B2"), f("项目表", "AA3"), f("项目表", "Z3"), f("项目表", "B10"), f("项目表", "B2", "T009", "warning"), f("项目表", "B2")];
  list.sort(findingOrder(["项目表", "指标表"]));
  expect(list.map((x) => `${x.sheet}!${x.cell}:${x.severity}`)).toEqual([
    "项目表!B2:error",
    "项目表!B2:warning",
    "项目表!Z3:error",
    "项目表!AA3:error",
    "项目表!B10:error",
    "指标表!B2:error",
  ]);
});
