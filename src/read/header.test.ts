import fc from "fast-check";
import { headerSteps, normaliseHeader, squeezeText, unitFromText } from "./header";
import { buildSynonymIndex, matchIndicatorHeader, matchProjectHeader } from "./synonyms";

describe("normaliseHeader", () => {
  it.each([
    ["年初预算数（万元）", "年初预算数", "万元"],
    ["全年执行数(元)", "全年执行数", "元"],
    ["金额（单位：万元）", "金额", "万元"],
    ["*项目名称", "项目名称", null],
    ["项目名称＊", "项目名称", null],
    ["项目\n名称", "项目名称", null],
    ["  项 目 编 码  ", "项目编码", null],
    ["项目　名称", "项目名称", null],
    ["全年预算数(A)", "全年预算数", null],
    ["执行率(B/A)（%）", "执行率", "%"],
    ["其中：财政拨款", "财政拨款", null],
    ["年初预算数/万元", "年初预算数", "万元"],
    ["实际完成值：", "实际完成值", null],
    ["【亿元】资金总额【亿元】", "【亿元】资金总额", "亿元"],
    ["ＡＢＣ１２", "ABC12", null],
  ])("%s → %s (%s)", (raw, key, unit) => {
    expect(normaliseHeader(raw)).toEqual({ key, unit });
  });
  it("treats non-text cells as no header", () => {
    expect(normaliseHeader(null).key).toBe("");
    expect(normaliseHeader({ error: "#N/A" }).key).toBe("");
    expect(normaliseHeader(2024).key).toBe("2024");
  });
  it("reads unit texts", () => {
    expect(unitFromText("金额单位：元")).toBe("元");
    expect(unitFromText("百分比")).toBe("%");
    expect(unitFromText("A")).toBeNull();
  });
});

describe("synonyms", () => {
  const idx = buildSynonymIndex();
  it.each([
    ["项目代码", "code"],
    ["调整后预算数", "budget"],
    ["预算执行数", "spent"],
    ["年度资金总额", "initialBudget"],
    ["预算部门", "department"],
    ["单位名称", "department"],
    ["1-7月执行数", "cumulativeSpent"],
    ["1至6月执行数", "cumulativeSpent"],
    ["截至监控日执行数", "cumulativeSpent"],
  ])("project header %s → %s", (h, f) => {
    expect(matchProjectHeader(normaliseHeader(h).key, idx)).toBe(f);
  });
  it.each([
    ["三级指标名称", "name"],
    ["指标值及单位", "target"],
    ["度量单位", "unit"],
    ["单位", "unit"],
    ["权重", "weight"],
    ["自评得分", "score"],
    ["计算符号", "operator"],
    ["1-7月执行情况", "current"],
    ["全年预计完成情况", "forecast"],
    ["完成可能性", "possibility"],
    ["未完成原因分析", "reason"],
    ["项目编号", "projectCode"],
  ])("indicator header %s → %s", (h, f) => {
    expect(matchIndicatorHeader(normaliseHeader(h).key, idx)).toBe(f);
  });
  it("does not match unrelated headers", () => {
    expect(matchProjectHeader("序号", idx)).toBeNull();
    expect(matchIndicatorHeader("备注", idx)).toBeNull();
    expect(matchProjectHeader("单位", idx)).toBeNull();
  });
  it("takes extra synonyms from the rulebook, the rulebook's word first", () => {
    const more = buildSynonymIndex({ code: ["项目唯一码"], "indicator.target": ["考核目标"], spent: ["单位"] });
    expect(matchProjectHeader("项目唯一码", more)).toBe("code");
    expect(matchIndicatorHeader("项目唯一码", more)).toBeNull();
    expect(matchIndicatorHeader("考核目标", more)).toBe("target");
    expect(matchProjectHeader("考核目标", more)).toBeNull();
    expect(matchProjectHeader("单位", more)).toBe("spent");
  });
});

describe("normaliseHeader on any text", () => {
  it("is every step applied in turn, also for texts without the marks the steps look for (the shortcut), and the same object when asked again", () => {
    const piece = fc.constantFrom("项目", "名称", "其中", "万元", "元", "单位", "%", "（", "）", "(", ")", "【", "】", "<", ">", "〔", "〕", "[", "]", "/", ":", "：", "*", "＊", " ", "　", "Ａ", "1", "１", "、", ",", "x");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(normaliseHeader(text)).toEqual(headerSteps(squeezeText(text)));
        expect(normaliseHeader(text)).toBe(normaliseHeader(text));
      }),
      { numRuns: 3000 },
    );
  });
});
