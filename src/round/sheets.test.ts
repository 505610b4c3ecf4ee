import { consolidate } from "./consolidate";
import { feedbackWorkbooks, safeFileName, summaryWorkbookPlan } from "./sheets";
import { makeRoundFile } from "./rules/testing";
import type { PlanAction } from "../core/plan";
import { STATE_SHEET } from "../core/state";

const model = () =>
  consolidate(
    [makeRoundFile({ file: "报送/甲.xlsx", projects: [{ code: "A", name: "=HYPERLINK(\"x\")", department: "县教育局", budget: 10 }] })],
    { grades: ["优", "良", "中", "差"], date: "2025-04-10" },
  );
const kinds = (actions: PlanAction[], kind: PlanAction["kind"]) => actions.filter((a) => a.kind === kind);

describe("round plans", () => {
  it("the consolidated workbook: three sheets and the round's state; the pane can leave the state out and rename the sheets", () => {
    const plan = summaryWorkbookPlan(model());
    expect(kinds(plan.actions, "addSheet").map((a) => (a as { sheet: string }).sheet)).toEqual(["汇总", "项目清单", "问题清单", STATE_SHEET]);
    const pane = summaryWorkbookPlan(model(), { includeState: false, sheetNames: { summary: "汇总 (2)", projects: "项目清单 (2)", findings: "问题清单 (2)" } });
    expect(kinds(pane.actions, "addSheet").map((a) => (a as { sheet: string }).sheet)).toEqual(["汇总 (2)", "项目清单 (2)", "问题清单 (2)"]);
    expect(pane.actions.every((a) => !("sheet" in a) || a.sheet !== STATE_SHEET)).toBe(true);
  });

  it("text from the submissions is written as values (a project named like a formula stays a string)", () => {
    const values = kinds(summaryWorkbookPlan(model()).actions, "setValues").flatMap((a) => (a as { values: unknown[][] }).values.flat());
    expect(values).toContain('=HYPERLINK("x")');
  });

  it("feedback workbooks are named after the department, safely", () => {
    expect(feedbackWorkbooks(model()).map((b) => b.fileName)).toEqual(["审核意见反馈表_县教育局.xlsx"]);
    expect(safeFileName('县/教育:局*?"<>|\u0001')).toBe("县_教育_局_______");
  });
});
