/**
 * 审核确认 as the pane does it, over a real headless workbook: 确认 with a reason is stored in
 * the workbook, read back on open, kept after rows are inserted and the check re-run, shown
 * as 仍存在 with the old reason once the values change, and 撤销 removes it.
 */
import ExcelJS from "exceljs";
import { ExcelJSPort } from "../../adapters/exceljs/port";
import { checkWorkbook } from "../../engine/pipeline";
import { readState, STATE_SHEET } from "../../core/state";
import { ACCEPTED_KEY, ReasonRequiredError } from "../../round";
import { portHost } from "../host";
import { paneDataFromRun, type PaneData, type PaneFinding } from "../view";
import { acceptedIds, acceptPaneFinding, openCounts, reviewsOf, revokePaneFinding } from "./review";
import { INDICATORS, PROJECTS } from "../../../test/browser/workbook";

const NOW = new Date("2025-04-10T09:00:00Z");

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of [PROJECTS, INDICATORS]) {
    const ws = wb.addWorksheet(spec.name);
    for (const row of spec.rows ?? []) ws.addRow(row.map((v) => (typeof v === "string" && v.startsWith("=") ? v.slice(1) : v)));
  }
  return wb;
}

async function run(port: ExcelJSPort): Promise<{ data: PaneData; accepted: (string | null)[] }> {
  const out = await checkWorkbook(port, { now: NOW });
  return {
    data: paneDataFromRun(out.report, out.findings, { runAt: NOW.toISOString(), preset: "x", rulebookVersion: "1", asOf: null }),
    accepted: out.report.findings.map((f) => f.accepted?.reason ?? null),
  };
}


describe("审核确认 in the pane", () => {
  it("确认 → stored, read back; kept after inserted rows and a re-run; 仍存在 with the old reason when values change; 撤销", async () => {
    const wb = workbook();
    const port = new ExcelJSPort(wb, "县级绩效自评2024.xlsx");
    const host = portHost(() => port);
    const first = await run(port);
    // The indicator of P002 without a target (培训教师人次).
    const target = first.data.findings.find((f) => f.project === "P002" && f.sheet === "指标表" && f.cell.endsWith("7")) as PaneFinding;
    expect(target).toBeDefined();
    expect(target.fingerprint).toBeTruthy();

    expect(() => acceptPaneFinding([], target, "   ", NOW)).toThrow(ReasonRequiredError);
    const list = acceptPaneFinding([], target, "该指标按人次统计，目标另见任务书", NOW);
    await host.saveAccepted?.(list);
    const settings = await host.loadSettings();
    expect(settings.accepted).toEqual(list);
    // Other stored keys stay.
    expect(readState(await port.readSnapshot()).run).toBeDefined();

    let reviews = reviewsOf(first.data.findings, settings.accepted ?? []);
    expect(reviews.get(target.id)).toMatchObject({ status: "已确认", acceptance: { reason: "该指标按人次统计，目标另见任务书" } });
    const ids = acceptedIds(reviews);
    const open = openCounts(first.data.counts, first.data.findings, ids);
    expect(open[target.severity]).toBe(first.data.counts[target.severity] - 1);

    // Rows inserted above both tables; the check runs again.
    wb.getWorksheet("指标表")?.spliceRows(1, 0, ["2024年度项目绩效指标表"], []);
    wb.getWorksheet("项目表")?.spliceRows(2, 0, ["单位：万元"]);
    const second = await run(port);
    const again = second.data.findings.find((f) => f.fingerprint === target.fingerprint) as PaneFinding;
    expect(again).toBeDefined();
    expect(again.cell).not.toBe(target.cell);
    reviews = reviewsOf(second.data.findings, (await host.loadSettings()).accepted ?? []);
    expect(reviews.get(again.id)?.status).toBe("已确认");
    // The engine honours it too: the report counts it apart, 校验结果 marks it.
    expect(second.accepted.filter(Boolean)).toEqual(["该指标按人次统计，目标另见任务书"]);
    const sheet = wb.getWorksheet("校验结果");
    const marks: string[] = [];
    sheet?.eachRow((r) => marks.push(String(r.getCell(11).value ?? "")));
    expect(marks).toContain("已确认：该指标按人次统计，目标另见任务书");

    // The values it was about change: back as 仍存在, with the old reason.
    const ind = wb.getWorksheet("指标表");
    ind?.eachRow((r) => {
      if (r.getCell(4).value === "培训教师人次") r.getCell(7).value = 380;
    });
    const third = await run(port);
    const back = third.data.findings.find((f) => f.fingerprint === target.fingerprint) as PaneFinding;
    reviews = reviewsOf(third.data.findings, (await host.loadSettings()).accepted ?? []);
    expect(reviews.get(back.id)).toMatchObject({ status: "仍存在", acceptance: { reason: "该指标按人次统计，目标另见任务书" } });
    expect(acceptedIds(reviews).size).toBe(0);
    expect(third.accepted.filter(Boolean)).toEqual([]);

    // 撤销: nothing accepted, the key gone, the run's record kept.
    await host.saveAccepted?.(revokePaneFinding((await host.loadSettings()).accepted ?? [], back));
    const docs = readState(await port.readSnapshot()) as Record<string, unknown>;
    expect(ACCEPTED_KEY in docs).toBe(false);
    expect(docs.run).toBeDefined();
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe("veryHidden");
  });

  it("one cause on several cells is accepted and revoked as one", () => {
    const f: PaneFinding = {
      id: 0, rule: "D002", severity: "error", family: "data", sheet: "指标表", cell: "A10", project: null, projectName: null, department: null,
      message: "m", hint: "", messageEn: "m", hintEn: "",
      cells: [{ sheet: "指标表", cell: "A10", fingerprint: "D002|orphan:c9999||", valueHash: "1" }, { sheet: "指标表", cell: "A11", fingerprint: "D002|orphan:c9999||#2", valueHash: "2" }],
      fingerprint: "D002|orphan:c9999||", valueHash: "1",
    };
    const list = acceptPaneFinding([], f, "已核实", NOW);
    expect(list.map((a) => a.fingerprint)).toEqual(["D002|orphan:c9999||", "D002|orphan:c9999||#2"]);
    expect(openCounts({ error: 5, warning: 0, info: 0 }, [f], acceptedIds(reviewsOf([f], list)))).toEqual({ error: 3, warning: 0, info: 0 });
    expect(revokePaneFinding(list, f)).toEqual([]);
  });
});
