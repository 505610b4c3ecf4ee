import type { CellValue, WorkbookSnapshot } from "../core/grid";
import { getPreset } from "../rulebook/load";
import { readModel } from "./read-model";

function book(header: CellValue[], row: CellValue[], merges: string[] = []): WorkbookSnapshot {
  return { name: "b", sheets: [{ name: "项目表", values: [header, row], merges, formats: {} }] };
}

const ambiguous = (b: WorkbookSnapshot) => (readModel(b, getPreset()).anomalies ?? []).filter((a) => a.kind === "ambiguous");

test("the same header twice is ambiguous: the field is left unmapped", () => {
  const m = readModel(book(["项目编码", "项目名称", "全年预算数", "全年执行数", "全年预算数"], ["P1", "甲", 100, 90, 5]), getPreset());
  expect(m.anomalies).toEqual([{ kind: "ambiguous", sheet: "项目表", cell: "C1", field: "budget", columns: ["C", "E"], headers: ["全年预算数", "全年预算数"] }]);
  expect(m.projects[0].budget).toBeNull();
});

test("two different wordings of one field, and one merged header over sub-columns, are not ambiguous", () => {
  expect(ambiguous(book(["项目编码", "项目名称", "全年预算数", "全年执行数", "调整后预算数"], ["P1", "甲", 100, 90, 5]))).toEqual([]);
  expect(ambiguous(book(["项目编码", "项目名称", "全年预算数", "全年预算数", "全年执行数"], ["P1", "甲", 100, null, 90], ["C1:D1"]))).toEqual([]);
});

test("a column correction settles it", () => {
  const m = readModel(book(["项目编码", "项目名称", "全年预算数", "全年执行数", "全年预算数"], ["P1", "甲", 100, 90, 5]), getPreset(), { mapping: { 项目表: { budget: "E" } } });
  expect(m.anomalies ?? []).toEqual([]);
  expect(m.projects[0].budget).toBe(5);
});
