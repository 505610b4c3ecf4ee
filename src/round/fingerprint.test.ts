/** Fingerprints are about what a finding concerns, never where it sits (issue 8 item 5). */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid";
import { encodeState, STATE_SHEET, type StateDocs } from "../core/state";
import { analyse } from "../engine/pipeline";
import { buildFileReport } from "../engine/build-report";
import { acceptFinding, acceptedDoc, ACCEPTED_KEY } from "./accepted";

const sheet = (name: string, values: CellValue[][]): SheetSnapshot => ({ name, values, merges: [], formats: {} });

const PROJECT_HEAD = ["项目编码", "项目名称", "主管部门", "全年预算数", "年度总体目标"];
const GOAL = "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。";
const projectRows: CellValue[][] = [
  ["P001", "农村公路养护", "县交通运输局", 100, GOAL],
  ["P002", "学生营养餐", "县教育局", 200, ""],
  ["", "无编码项目", "县教育局", 50, GOAL],
];
const IND_HEAD = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"];
const indicatorRows: CellValue[][] = [
  ["P001", "", "产出指标", "数量指标", "养护里程", "≥300公里"],
  ["P001", "", "产出指标", "质量指标", "路况优良率", "进一步提高"],
  ["P001", "", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥70%"],
  ["P002", "", "产出指标", "数量指标", "受益学生", "XX人"],
  ["P002", "", "效益指标", "社会效益指标", "营养状况改善", "有效改善"],
  ["", "无编码项目", "产出指标", "数量指标", "覆盖学校", "待定"],
];

function book(projects: CellValue[][], indicators: CellValue[][], extra: SheetSnapshot[] = []): WorkbookSnapshot {
  return { name: "t.xlsx", sheets: [sheet("项目表", [PROJECT_HEAD, ...projects]), sheet("指标表", [IND_HEAD, ...indicators]), ...extra] };
}

function report(b: WorkbookSnapshot) {
  return buildFileReport("t.xlsx", analyse(b));
}

const prints = (b: WorkbookSnapshot) => report(b).findings.map((f) => `${f.fingerprint}=${f.valueHash}`).sort();

describe("finding fingerprints", () => {
  const base = report(book(projectRows, indicatorRows));

  it("name rule, project, indicator and field — no cell address", () => {
    expect(base.findings.length).toBeGreaterThan(4);
    for (const f of base.findings) {
      expect(f.fingerprint).toBeDefined();
      expect(f.fingerprint).not.toContain(f.cell);
      expect(f.fingerprint?.startsWith(`${f.rule}|`)).toBe(true);
    }
    // 「路况优良率」 is a rate by its name: 「进一步提高」 is a missing number (T008), not only a vague word.
    const t008 = base.findings.find((f) => f.rule === "T008" && f.indicator === "路况优良率");
    expect(t008?.fingerprint).toBe("T008|code:p001|路况优良率|target");
    const byName = base.findings.find((f) => f.rule === "T010" && f.indicator === "覆盖学校");
    expect(byName?.fingerprint).toBe("T010|name:县教育局/无编码项目|覆盖学校|target");
    expect(new Set(base.findings.map((f) => f.fingerprint)).size).toBe(base.findings.length);
  });

  it("are unchanged by inserted rows and re-sorted sheets", () => {
    const blank: CellValue[] = [null, null, null, null, null, null];
    const shuffled = [indicatorRows[5], blank, indicatorRows[2], indicatorRows[0], blank, indicatorRows[4], indicatorRows[1], indicatorRows[3]];
    const moved = book([projectRows[2], projectRows[0], projectRows[1]], shuffled);
    const cells = (b: WorkbookSnapshot) => report(b).findings.map((f) => f.cell).sort();
    // The cells did move …
    expect(cells(moved)).not.toEqual(cells(book(projectRows, indicatorRows)));
    // … what the findings are about did not.
    expect(prints(moved)).toEqual(prints(book(projectRows, indicatorRows)));
  });

  it("the value hash changes with the values the finding is about, and only with them", () => {
    const changed = indicatorRows.map((r) => (r[4] === "路况优良率" ? [...r.slice(0, 5), "逐步提高"] : r));
    const a = report(book(projectRows, indicatorRows)).findings.find((f) => f.indicator === "路况优良率" && f.rule === "T008");
    const b = report(book(projectRows, changed)).findings.find((f) => f.indicator === "路况优良率" && f.rule === "T008");
    expect(b?.fingerprint).toBe(a?.fingerprint);
    expect(b?.valueHash).not.toBe(a?.valueHash);
    const other = (r: ReturnType<typeof report>) => r.findings.find((f) => f.indicator === "受益学生")?.valueHash;
    expect(other(report(book(projectRows, changed)))).toBe(other(base));
  });

  it("an acceptance stored in the workbook is honoured while its values stand, and counted apart", () => {
    const target = base.findings.find((f) => f.rule === "T014");
    expect(target).toBeDefined();
    const list = acceptFinding([], target!, "农村地区满意度基线较低，70% 为合理目标");
    const state = sheet(STATE_SHEET, encodeState({ [ACCEPTED_KEY]: acceptedDoc(list) } as unknown as StateDocs) as CellValue[][]);
    // Rows inserted above: still accepted.
    const withRows = report(book(projectRows, [[null, null, null, null, null, null], ...indicatorRows], [state]));
    const again = withRows.findings.find((f) => f.rule === "T014");
    expect(again?.accepted?.reason).toContain("70%");
    expect(withRows.findings.filter((f) => f.accepted)).toHaveLength(1);
    // The target changed: the acceptance no longer holds.
    const edited = indicatorRows.map((r) => (r[4] === "沿线群众满意度" ? [...r.slice(0, 5), "≥75%"] : r));
    const after = report(book(projectRows, edited, [state])).findings.find((f) => f.rule === "T014");
    expect(after?.accepted).toBeNull();
  });
});
