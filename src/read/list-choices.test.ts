import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { analyse } from "../engine/pipeline";

const _ = null;

function sheet(name: string, values: CellValue[][], merges: string[] = []): SheetSnapshot {
  return { name, values, merges, formats: {} };
}

/** A monitoring export in list layout with the 136号 two-row header (rows 2–3), data from row 4. */
function book(mark: (rows: CellValue[][]) => void = () => {}): WorkbookSnapshot {
  const projects = sheet("项目表", [
    ["2024年度项目支出绩效运行监控表"],
    ["监控截止日期：2024年7月31日"],
    ["项目编码", "项目名称", "全年预算数", "1-7月执行数", "全年预计执行数", "年度总体目标"],
    ["P1", "职业技能提升培训项目", 120, 70, 118, "全年完成职业技能培训1200人次，培训合格率达到95%以上，带动新增就业200人。"],
  ]);
  const rows: CellValue[][] = [
    ["运行监控指标表"],
    ["项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月完成值", "全年预计完成值", "偏差原因分析", _, _, _, _, "完成目标可能性", _, _],
    [_, _, _, _, _, _, _, "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能"],
    ["P1", "产出指标", "数量指标", "培训人次", "≥1200人次", "300人次", "900人次", "√", _, _, _, _, _, "√", _],
    ["P1", "产出指标", "质量指标", "培训合格率", "≥95%", "96%", "96%", _, _, _, _, _, "√", _, _],
    ["P1", "效益指标", "社会效益指标", "新增就业人数", "≥200人", "20人", "60人", _, _, _, _, _, "√", _, _],
    ["P1", "效益指标", "社会效益指标", "培训补贴发放户数", "≥300户", "100户", "150户", _, "补贴办法待修订", _, _, "申报户数少于预期", _, _, "√"],
    ["P1", "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "80%", "85%", _, _, _, _, _, _, "✓", _],
  ];
  mark(rows);
  const merges = ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:L2", "M2:O2"];
  return { name: "t.xlsx", sheets: [projects, sheet("指标表", rows, merges)] };
}

describe("list layout: 完成目标可能性 / 偏差原因 marked in sub-columns under a merged head", () => {
  it("reads one value per indicator row, and M004 / M005 work on it as on one column", () => {
    const a = analyse(book());
    const inds = a.model.projects[0].indicators;
    expect(inds.map((i) => i.possibility)).toEqual(["有可能", "确定能", "确定能", "完全不可能", "有可能"]);
    expect(inds.map((i) => i.reason)).toEqual(["经费保障", null, null, "制度保障：补贴办法待修订；申报户数少于预期", null]);
    expect(inds.map((i) => i.origin.cells.possibility)).toEqual(["N4", "M5", "M6", "O7", "N8"]);
    const m = a.findings.filter((f) => f.rule === "M004" || f.rule === "M005").map((f) => `${f.rule} ${f.cell}`);
    // 新增就业人数: red (20 of 116.7), no reason → M004 at the first kind's cell; 确定能 beside 60 < 200 → M005.
    // 参训人员满意度: 80 % against ≥90 %, red, no reason → M004.
    expect(m.sort()).toEqual(["M004 H6", "M004 H8", "M005 M6"]);
  });

  it("an error value in an option is a cell error, not an answer", () => {
    const a = analyse(
      book((rows) => {
        rows[3][13] = { error: "#N/A" };
      }),
    );
    expect(a.model.projects[0].indicators[0].possibility).toBeNull();
    expect(a.findings.filter((f) => f.rule === "D007").map((f) => f.cell)).toEqual(["N4"]);
  });
});
