/** readForms never throws, whatever small grid of label words, numbers, errors and merges it is given. */
import fc from "fast-check";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import { toA1 } from "../../core/address";
import { getPreset } from "../../rulebook/load";
import { readForms } from "./index";

const rb = getPreset();

const WORDS = [
  "项目名称", "项目编码", "主管部门", "实施单位", "项目属性", "项目资金（万元）", "项目资金", "年度资金总额", "资金总额",
  "其中：当年财政拨款", "财政拨款", "上年结转资金", "其他资金", "年初预算数", "全年预算数", "全年执行数", "1-6月执行数",
  "分值", "执行率", "得分", "年度总体目标", "预期目标", "实际完成情况", "绩效指标", "一级指标", "二级指标", "三级指标",
  "指标性质", "指标值", "年度指标值", "度量单位", "实际完成值", "偏差原因分析及改进措施", "截至目前完成情况", "总分", "合计",
  "注：", "填表说明", "（2024年度）", "监控截止日期", "监控截止日期：2024年7月31日", "单位：元", "产出指标", "数量指标",
  "效益指标", "满意度指标", "≥50个", "≤90万元", "优良", "定性", "≥", "—", "约50", "五十", "", " ",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: false })) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, true, { error: "#N/A" }, { error: "#REF!" }) },
);

const merge = (rows: number, cols: number) =>
  fc.tuple(fc.nat(rows), fc.nat(cols), fc.nat(3), fc.nat(3)).map(([r, c, h, w]) => `${toA1(r, c)}:${toA1(r + h, c + w)}`);

const sheetArb: fc.Arbitrary<SheetSnapshot> = fc
  .tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 8 }))
  .chain(([rows, cols]) =>
    fc.record({
      name: fc.constantFrom("表", "自评表", "Sheet1"),
      values: fc.array(fc.array(cell, { maxLength: cols }), { minLength: rows, maxLength: rows }),
      merges: fc.array(fc.oneof(merge(rows, cols), fc.constantFrom("A1", "bad", "A1:ZZZ99999")), { maxLength: 5 }),
      formats: fc.dictionary(fc.constantFrom("A1", "B2", "C3", "E7", "F12"), fc.constantFrom("0%", "yyyy-mm-dd", "@", "0.00")),
    }),
  );

/** A grid seeded with a real form's skeleton, so the reader's deeper paths run too. */
const seeded: fc.Arbitrary<SheetSnapshot> = fc.tuple(sheetArb, fc.array(cell, { minLength: 12, maxLength: 12 })).map(([s, noise]) => {
  const skeleton: CellValue[][] = [
    ["项目名称", noise[0]],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数"],
    [null, "年度资金总额", noise[1], noise[2], noise[3]],
    [null, "其中：当年财政拨款", noise[4], noise[5], noise[6]],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    [null, noise[7], noise[8], noise[9], noise[10], noise[11], noise[1], noise[2]],
  ];
  return { ...s, values: [...skeleton, ...s.values] };
});

describe("readForms properties", () => {
  it("never throws on random small grids with label words sprinkled in", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(sheetArb, seeded), { maxLength: 3 }), (sheets) => {
        const book: WorkbookSnapshot = { name: "p.xlsx", sheets };
        const m = readForms(book, rb);
        if (m === null) return;
        expect(m.layout).toBe("form");
        for (const p of m.projects) {
          expect(typeof p.name).toBe("string");
          for (const f of [p.initialBudget, p.budget, p.spent, p.fiscalFunds, p.otherFunds, p.declaredTotal]) {
            if (f !== null) expect(Number.isFinite(f)).toBe(true);
          }
          for (const i of p.indicators) expect(i.origin.row).toBeGreaterThan(p.origin.row);
        }
        expect(m.detections.length).toBe(m.projects.length);
      }),
      { numRuns: 400 },
    );
  });
});
