import { describeError, sheetOfError } from "./errors";
import { NoHostError } from "./host";
import { parseRulebookText, RulebookError } from "../rulebook/load";
import { FakeOfficeError } from "../adapters/officejs/fake/excel";

function rulebookError(text: string): RulebookError {
  try {
    parseRulebookText(text);
  } catch (e) {
    return e as RulebookError;
  }
  throw new Error("expected a RulebookError");
}

describe("describeError", () => {
  it("names the rulebook field in Chinese first, the path second, the type in words", () => {
    const e = rulebookError(JSON.stringify({ scoring: { grades: 3 } }));
    expect(describeError(e, "zh-CN")).toBe("规则库无效：「评分 › 等级划分」填写有误（scoring.grades）：类型不对，应为 列表");
    expect(describeError(e, "en")).toMatch(/^Invalid rulebook: “scoring › grade bands” is wrong \(scoring\.grades\)/);
    expect(describeError(rulebookError("{oops"), "zh-CN")).toMatch(/^规则库不是有效的 JSON/);
  });

  it("turns Excel errors into clear sentences", () => {
    expect(describeError(new FakeOfficeError("AccessDenied", "the sheet '项目表' is protected"), "zh-CN")).toContain("工作表受保护");
    expect(describeError({ code: "RequestPayloadSizeLimitExceeded", message: "too big" }, "zh-CN")).toContain("Excel 拒绝了请求");
    expect(describeError({ code: "InvalidOperationInCellEditMode", message: "" }, "en")).toContain("Press Enter or Esc");
    expect(describeError({ code: "ItemNotFound", message: "x", debugInfo: { errorLocation: "Worksheets.getItem" } }, "zh-CN")).toContain("Worksheets.getItem");
    expect(describeError(new NoHostError(), "zh-CN")).toBe("未连接到 Excel：请在 Excel 中打开绩效助手。");
    expect(describeError(new Error("boom"), "zh-CN")).toBe("操作没有完成：boom");
  });

  it("finds the sheet an Excel error names", () => {
    expect(sheetOfError(new FakeOfficeError("AccessDenied", "the sheet '项目表' is protected"))).toBe("项目表");
    expect(sheetOfError({ code: "AccessDenied", message: "x", sheet: "指标表" })).toBe("指标表");
    expect(sheetOfError(new Error("boom"))).toBeNull();
  });
});
