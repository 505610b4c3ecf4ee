import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getPreset } from "../rulebook/load";
import { checkFiles, clearFiles, readSettings } from "./engine";
import { Session, splitMapping, SHEET_SEP, type Engine } from "./session";
import { CancelledError, runCheck } from "../taskpane/run";

// The pane's default worker is bundled by webpack (import.meta); the runs here use the session's engine.
jest.mock("../worker/spawn", () => ({ spawnEngineWorker: () => { throw new Error("no worker under jest"); } }));

const ROOT = join(__dirname, "../..");
const LIST = "sample-county-2024.xlsx";
const FORMS = "central-2024.xlsx";
const bytes: Record<string, Uint8Array> = { [LIST]: readFileSync(join(ROOT, "assets/samples", LIST)), [FORMS]: readFileSync(join(ROOT, "test/fixtures/forms", FORMS)) };
const file = (name: string, content: Uint8Array = bytes[name]) => new File([content as BlobPart], name);

/** The worker's functions, called in-process (the page calls the same ones through comlink). */
const engine: Engine = { check: checkFiles, clear: clearFiles, settings: readSettings };

function session(): Session {
  return new Session(() => engine);
}

describe("standalone session", () => {
  it("takes .xlsx and .xlsm, names a second file of the same name apart, and refuses the rest", () => {
    const s = session();
    const before = s.host;
    s.add([file(LIST), new File(["x"], "说明.docx"), new File(["x"], "宏.xlsm")]);
    s.add([file(LIST)]);
    expect(s.getView().files.map((f) => f.key)).toEqual([LIST, "宏.xlsm", "sample-county-2024 (2).xlsx"]);
    expect(s.getView().rejected).toEqual([]);
    s.add([new File(["x"], "说明.docx")]);
    expect(s.getView().rejected).toEqual(["说明.docx"]);
    expect(s.host).not.toBe(before); // the pane reloads the files' settings
    s.remove("宏.xlsm");
    expect(s.getView().files.map((f) => f.key)).toEqual([LIST, "sample-county-2024 (2).xlsx"]);
    s.removeAll();
    expect(s.getView().files).toEqual([]);
  });

  it("checks every chosen file for the pane, naming each sheet 「file › sheet」, with progress over all files", async () => {
    const s = session();
    s.add([file(LIST), file(FORMS)]);
    const seen: number[] = [];
    let calls = 0;
    const unsubscribe = s.subscribe(() => calls++);
    const out = await s.host.check({ rulebook: getPreset(), asOf: null, mapping: {}, onProgress: (_, f) => seen.push(f) });
    unsubscribe();
    expect(calls).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    const v = s.getView();
    expect(Object.values(v.status).map((st) => st.kind)).toEqual(["checked", "checked"]);
    expect(v.report?.files.map((f) => f.file)).toEqual([LIST, FORMS]);
    expect(out.stats).toBeNull();
    expect(out.report.projects.length).toBe(v.report?.summary.projects);
    expect(out.findings.length).toBe(v.report!.files.reduce((n, f) => n + f.findings.length, 0));
    expect(new Set(out.report.detected.map((d) => d.sheet.split(SHEET_SEP)[0]))).toEqual(new Set([LIST, FORMS]));
    expect(out.findings.every((f) => f.sheet.startsWith(LIST + SHEET_SEP) || f.sheet.startsWith(FORMS + SHEET_SEP))).toBe(true);
  });

  it("sends each file its own column corrections and reads back the ones a copy stores", async () => {
    const s = session();
    s.add([file(LIST), file(FORMS)]);
    const goal = `${LIST}${SHEET_SEP}项目表`;
    const out = await s.host.check({ rulebook: getPreset(), asOf: null, mapping: { [goal]: { goal: null } } });
    expect(out.findings.filter((f) => f.sheet === goal && (f.rule === "T001" || f.rule === "T002"))).toEqual([]);
    const st = s.getView().status[LIST];
    if (st.kind !== "checked") throw new Error("expected a checked file");
    // The copy remembers the correction; chosen again, the pane is given it under the copy's name.
    const again = session();
    again.add([file("copy.xlsx", st.result.checked)]);
    expect(await again.host.loadSettings()).toEqual({ mapping: { [`copy.xlsx${SHEET_SEP}项目表`]: { goal: null } } });
  });

  it("splits corrections by file and drops those of files no longer chosen", () => {
    expect(splitMapping({ [`a.xlsx${SHEET_SEP}项目表`]: { goal: "C" }, [`gone.xlsx${SHEET_SEP}项目表`]: { goal: null } }, ["a.xlsx", "b.xlsx"])).toEqual({
      "a.xlsx": { 项目表: { goal: "C" } },
      "b.xlsx": {},
    });
    expect(splitMapping(undefined, ["a.xlsx"])).toEqual({ "a.xlsx": {} });
  });

  it("shows a file that cannot be read beside the others, and says so when none can be", async () => {
    const s = session();
    s.add([file("坏.xlsx", new TextEncoder().encode("nope")), file(FORMS)]);
    await s.host.check({ rulebook: getPreset(), asOf: null });
    expect(s.getView().status["坏.xlsx"]).toMatchObject({ kind: "failed", zh: expect.stringContaining("无法读取 坏.xlsx") });
    expect(s.getView().status[FORMS].kind).toBe("checked");
    s.remove(FORMS);
    await expect(s.host.check({ rulebook: getPreset(), asOf: null })).rejects.toThrow(/无法读取 坏\.xlsx.* \/ cannot read 坏\.xlsx/);
    expect(s.getView().busy).toBe(false);
    s.removeAll();
    await expect(s.host.check({ rulebook: getPreset(), asOf: null })).rejects.toThrow("请先选择要检查的工作簿（.xlsx）。 / Choose the workbooks (.xlsx) to check first.");
  });

  it("清除标记 makes copies without an earlier check's marks", async () => {
    const s = session();
    s.add([file(LIST)]);
    await s.host.check({ rulebook: getPreset(), asOf: null });
    const st = s.getView().status[LIST];
    if (st.kind !== "checked") throw new Error("expected a checked file");
    const again = session();
    again.add([file("checked.xlsx", st.result.checked), file(FORMS)]);
    const stats = await again.host.clear();
    expect(stats.actions).toBeGreaterThan(0);
    expect(again.getView().status["checked.xlsx"].kind).toBe("cleared");
    expect(again.getView().status[FORMS].kind).toBe("waiting"); // nothing to clear
  });
});

describe("standalone session as the pane runs it (runCheck with the session's port and engine)", () => {
  it("checks every chosen file in one run and shows them together", async () => {
    const s = session();
    s.add([file(LIST), file(FORMS)]);
    const stages: string[] = [];
    const out = await runCheck(s.host.withPort, { rulebook: getPreset(), asOf: null, mapping: {} }, { onProgress: (st) => stages.push(st), signal: new AbortController().signal, engine: s.paneEngine });
    expect(out.written).toBe(true);
    expect(out.analysis.noProjectSheet).toBe(false);
    expect(out.analysis.findings.length).toBe(s.getView().report!.files.reduce((n, f) => n + f.findings.length, 0));
    expect(Object.values(s.getView().status).map((st) => st.kind)).toEqual(["checked", "checked"]);
    expect(stages).toContain("完成");
  });

  it("取消 stops the check in progress; the session is ready again", async () => {
    let release: () => void = () => undefined;
    let cancelled = false;
    const slow: Engine = {
      ...engine,
      check: (files, req, p) =>
        new Promise((resolve, reject) => {
          release = () => void checkFiles(files, req, p).then(resolve);
          slow.cancel = () => {
            cancelled = true;
            reject(new CancelledError());
          };
        }),
    };
    const s = new Session(() => slow);
    s.add([file(FORMS)]);
    const controller = new AbortController();
    const run = runCheck(s.host.withPort, { rulebook: getPreset(), asOf: null }, { onProgress: () => undefined, signal: controller.signal, engine: s.paneEngine });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await new Promise((r) => setTimeout(r, 0));
    expect(cancelled).toBe(true);
    expect(s.getView().busy).toBe(false);
    expect(s.getView().status[FORMS].kind).toBe("waiting");
    release();
  });
});

describe("standalone session: 「上一轮汇总（可选）」", () => {
  it("passes last round's summary to the check, shows what came of it, and stops with its sentence when it is none", async () => {
    const s = session();
    s.add([file(LIST), file(FORMS)]);
    await s.host.check({ rulebook: getPreset(), asOf: null, mapping: {} });
    const summary = s.getView().round!.summary;
    s.setPrevious(new File(["x"], "上一轮.docx"));
    expect(s.getView().previousRejected).toBe("上一轮.docx");
    expect(s.getView().previous).toBeNull();
    s.setPrevious(new File([summary.bytes as BlobPart], summary.name));
    expect(s.getView()).toMatchObject({ previous: { name: "本轮审核汇总.xlsx" }, previousRejected: null, report: null, round: null });
    await s.host.check({ rulebook: getPreset(), asOf: null, mapping: {} });
    expect(s.getView().previousResult).toMatchObject({ ok: true, round: 1 });
    // The same files again: nothing fixed, nothing new.
    expect(s.getView().report?.round?.comparison).toEqual({ new: 0, persisting: expect.any(Number), fixed: 0, accepted: 0 });
    expect(s.getView().report?.round?.round).toBe(2);

    s.setPrevious(file(LIST));
    await expect(s.host.check({ rulebook: getPreset(), asOf: null, mapping: {} })).rejects.toThrow(/^无法读取上一轮的文件 sample-county-2024\.xlsx：.*不是绩效助手写出的汇总工作簿.* \/ cannot read last round's file/);
    expect(s.getView().previousResult).toMatchObject({ ok: false });
    expect(Object.values(s.getView().status).map((st) => st.kind)).toEqual(["waiting", "waiting"]);
    s.setPrevious(null);
    expect(s.getView()).toMatchObject({ previous: null, previousResult: null });
  });
});
