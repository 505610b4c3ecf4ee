import { describeError } from "./errors";
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
  it("gives the rulebook's zod path and Chinese message", () => {
    const e = rulebookError(JSON.stringify({ scoring: { grades: 3 } }));
    expect(describeError(e, "zh-CN")).toMatch(/^规则库无效：scoring\.grades —— /);
    expect(describeError(e, "en")).toMatch(/^invalid rulebook: scoring\.grades/);
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
});
