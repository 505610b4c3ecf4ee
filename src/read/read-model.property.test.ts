import fc from "fast-check";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { toA1 } from "../core/address";
import { getPreset } from "../rulebook/load";
import { readModel } from "./read-model";
import { runRules } from "../rules/run";
import { D_RULES } from "../rules/d-rules";

const rb = getPreset();

const WORDS = [
  "项目编码", "项目名称", "主管部门", "年初预算数（万元）", "全年预算数", "全年执行数（元）", "财政拨款", "其他资金", "一级指标", "二级指标",
  "三级指标", "指标性质", "指标值", "计量单位", "实际完成值", "分值", "得分", "1-7月执行数", "1-7月执行情况", "绩效助手结果", "合计", "注：",
  "单位：万元", "2024年度项目表", "监控截止日期：2024-07-31", "产出指标", "数量指标", "≥", "≥85%", "约50万", "五十", "１２", "1,234.5", "",
  "项目", "*", "P001", "P002",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60000 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }) },
);

const sheetArb: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.constantFrom("项目表", "指标表", "Sheet1", "_jixiao", "校验结果", "表"),
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    merges: fc.array(
      fc.tuple(fc.nat(10), fc.nat(7), fc.nat(3), fc.nat(3)).map(([r, c, h, w]) => `${toA1(r, c)}:${toA1(r + h, c + w)}`),
      { maxLength: 3 },
    ),
    formats: fc.dictionary(fc.constantFrom("A1", "B2", "C3", "D4", "F6"), fc.constantFrom("0%", "yyyy-mm-dd", "@", "0.00")),
    visibility: fc.constantFrom<SheetSnapshot["visibility"]>("visible", "hidden", "veryHidden", undefined),
  })
  .map((s) => ({ ...s, merges: s.merges.concat(["bad", "ZZZ"]).slice(0, s.merges.length + 1) }));

describe("readModel never throws", () => {
  it("on random small grids (and the D rules run on what it returns)", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 3 }), (sheets) => {
        const book: WorkbookSnapshot = { name: "p.xlsx", sheets };
        const m = readModel(book, rb);
        expect(Array.isArray(m.projects)).toBe(true);
        for (const p of m.projects) expect(typeof p.name).toBe("string");
        runRules(D_RULES, { book: m, rulebook: rb });
      }),
      { numRuns: 400 },
    );
  });

  it("with mapping overrides pointing anywhere", () => {
    fc.assert(
      fc.property(
        fc.array(sheetArb, { minLength: 1, maxLength: 2 }),
        fc.dictionary(fc.constantFrom("name", "code", "budget", "target", "indicatorName", "level1", "bogus"), fc.constantFrom("A", "B", "Z", "1", null, "AAAA")),
        (sheets, ov) => {
          const m = readModel({ name: "p.xlsx", sheets }, rb, { mapping: { [sheets[0].name]: ov } });
          expect(m.modes[0]).toBe("目标审核");
        },
      ),
      { numRuns: 200 },
    );
  });
});
