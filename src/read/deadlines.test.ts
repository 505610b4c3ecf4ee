import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { analyse } from "../engine/pipeline";

function sheet(name: string, values: CellValue[][]): SheetSnapshot {
  return { name, values, merges: [], formats: {} };
}

/** A 2024 self-evaluation whose 时效 target and actual are written without a year. */
function book(title: string, deadline: string, actual: string): WorkbookSnapshot {
  return {
    name: "t.xlsx",
    sheets: [
      sheet("项目表", [
        [title],
        ["项目编码", "项目名称", "全年预算数", "全年执行数", "自评总分", "年度总体目标"],
        ["P1", "农村公路养护项目", 100, 100, 100, "完成全县农村公路日常养护300公里，路况优良率保持在90%以上。"],
      ]),
      sheet("指标表", [
        ["项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "分值", "实际完成值", "得分"],
        ["P1", "产出指标", "数量指标", "养护里程", "≥300公里", 30, "320公里", 30],
        ["P1", "产出指标", "质量指标", "路况优良率", "≥90%", 20, "92%", 20],
        ["P1", "产出指标", "时效指标", "养护完成时间", deadline, 10, actual, 10],
        ["P1", "效益指标", "社会效益指标", "受益群众人数", "≥5000人", 20, "5200人", 20],
        ["P1", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", 10, "93%", 10],
      ]),
    ],
  };
}

describe("deadlines written without a year", () => {
  it("「12月底前」 in a 2024 book is 2024-12-31: the indicator is scored, the total is whole", () => {
    const a = analyse(book("2024年度项目支出绩效自评表", "12月底前", "11月30日"));
    const ind = a.model.projects[0].indicators[2];
    expect(ind.target).toMatchObject({ kind: "date", date: "2024-12-31", operator: "≤" });
    expect(ind.actual).toMatchObject({ kind: "date", date: "2024-11-30" });
    const r = a.results.get(a.model.projects[0].id)!;
    expect(r.indicators[ind.id].score).toBe(10);
    expect(r.totalScore).toBe(100);
    expect(a.findings.filter((f) => f.rule === "E008")).toEqual([]);
  });

  it("a late actual scores 0 and needs a reason (E005)", () => {
    const a = analyse(book("2024年度项目支出绩效自评表", "10月底前", "11月30日"));
    const r = a.results.get(a.model.projects[0].id)!;
    expect(r.totalScore).toBe(90);
    expect(a.findings.filter((f) => f.rule === "E005").map((f) => f.cell)).toEqual(["G4"]);
  });

  it("without a year in the book they stay text (no guess)", () => {
    const a = analyse(book("项目支出绩效自评表", "12月底前", "11月30日"));
    expect(a.model.year).toBeNull();
    expect(a.model.projects[0].indicators[2].target).toMatchObject({ kind: "text", text: "12月底前" });
  });
});
