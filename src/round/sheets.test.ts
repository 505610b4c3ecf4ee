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

describe("汇总 sections", () => {
  const texts = (actions: PlanAction[]) => kinds(actions, "setValues").flatMap((a) => (a as { values: unknown[][] }).values.flat()).filter((v): v is string => typeof v === "string");
  it("lights by department only in monitoring; skipped files listed", () => {
    const files = [makeRoundFile({ file: "a.xlsx", projects: [{ code: "A", department: "县教育局", light: "red" }] })];
    const plain = consolidate(files, { grades: [], date: "2025-04-10", skipped: [{ file: "坏.xlsx", reason: "不是有效的 .xlsx 文件" }] });
    expect(texts(summaryWorkbookPlan(plain).actions).some((s) => s.includes("各部门监控灯"))).toBe(false);
    expect(texts(summaryWorkbookPlan(plain).actions)).toContain("坏.xlsx");
    files[0].report.modes = ["目标审核", "运行监控"];
    const mid = consolidate(files, { grades: [], date: "2025-04-10", asOf: "2025-07-31" });
    const t = texts(summaryWorkbookPlan(mid).actions);
    expect(t.some((s) => s.includes("各部门监控灯"))).toBe(true);
    expect(t.some((s) => s.includes("监控截止日期 2025-07-31"))).toBe(true);
    expect(t).toContain("累计执行数（万元）");
  });
});
