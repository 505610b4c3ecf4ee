import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { unzipSync } from "fflate";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCheckCommand } from "../cli/commands";
import { ReportSchema, type Report } from "../engine/report";
import { writeRoundBatch, type Batch } from "../../test/scripts/make-round-batch";
import { checkFile } from "../cli/check-files";
import { getPreset } from "../rulebook/load";
import { ExcelJSPort } from "../adapters/exceljs/port";
import { checkFiles, clearFiles, readSettings, type InputFile } from "./engine";
import { openWorkbook } from "./open";

const ROOT = join(__dirname, "../..");
const LIST = join(ROOT, "assets/samples/sample-county-2024.xlsx");
const FORMS = join(ROOT, "test/fixtures/forms/central-2024.xlsx");
const input = (file: string, key = file.split("/").pop()!): InputFile => ({ key, name: file.split("/").pop()!, bytes: new Uint8Array(readFileSync(file)) });

describe("standalone engine (what the page's worker runs)", () => {
  it("gives per file the findings and report jixiao check gives, and a checked copy carrying 校验结果", async () => {
    const progress: number[] = [];
    const res = await checkFiles([input(LIST), input(FORMS)], { rulebook: getPreset(), asOf: null }, (i) => progress.push(i));
    expect(res.files.map((f) => f.ok)).toEqual([true, true]);
    expect(progress).toContain(0);
    expect(progress).toContain(1);
    for (const [i, file] of [LIST, FORMS].entries()) {
      const cli = await checkFile(file, { rulebook: getPreset(), outDir: null });
      const mine = res.files[i];
      if (!mine.ok) throw new Error("expected a checked file");
      expect(mine.report).toEqual(cli.report);
      const copy = await openWorkbook(mine.checked, mine.name);
      const sheets = (await copy.readSnapshot()).sheets.map((s) => s.name);
      expect(sheets).toEqual(expect.arrayContaining(["校验结果", "领导汇总", "运行记录", "_jixiao"]));
    }
    expect(res.report?.files.map((f) => f.file)).toEqual(["sample-county-2024.xlsx", "central-2024.xlsx"]);
    expect(res.report?.summary.projects).toBe(res.files.reduce((n, f) => n + (f.ok ? f.report.projects.length : 0), 0));
  });

  it("makes several files a review round: the consolidated workbook and one feedback workbook per department", async () => {
    const one = await checkFiles([input(LIST)], { rulebook: getPreset(), asOf: null });
    expect(one.round).toBeNull();
    expect(one.report?.round).toBeUndefined();
    const res = await checkFiles([input(LIST), input(FORMS)], { rulebook: getPreset(), asOf: null });
    expect(res.report?.round?.totals.files).toBe(2);
    expect(res.round?.summary.name).toBe("本轮审核汇总.xlsx");
    const summary = await openWorkbook(res.round!.summary.bytes, "汇总.xlsx");
    expect((await summary.readSnapshot()).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["汇总", "项目清单", "问题清单"]));
    const departments = res.report!.round!.departments.map((d) => d.department);
    expect(res.round?.feedback.map((b) => b.department).sort()).toEqual([...departments].sort());
    expect(res.round?.feedback.every((b) => b.name.startsWith("审核意见反馈表_") && b.bytes.length > 0)).toBe(true);

    // A feedback workbook chosen among the files is a department's answers, not a submission.
    const back: InputFile = { key: res.round!.feedback[0].name, name: res.round!.feedback[0].name, bytes: res.round!.feedback[0].bytes };
    const next = await checkFiles([input(LIST), input(FORMS), back], { rulebook: getPreset(), asOf: null });
    const returned = next.files[2];
    expect(returned.ok).toBe(false);
    expect("returned" in returned && returned.zh).toMatch(/^收到 .+ 返回的审核意见反馈表/);
    expect(next.report?.files.map((f) => f.file)).toEqual([LIST.split("/").pop(), FORMS.split("/").pop()]);
    expect(next.report?.round?.skipped).toEqual([]);
  });

  it("names each checked copy apart from its original", async () => {
    const res = await checkFiles([input(FORMS), { ...input(FORMS), key: "宏 (2).xlsm", name: "宏.xlsm" }], { rulebook: getPreset(), asOf: null });
    expect(res.files.map((f) => (f.ok ? f.checkedName : null))).toEqual(["central-2024（已检查）.xlsx", "宏 (2)（已检查）.xlsm"]);
  });

  it("keeps an .xlsm's macros byte for byte in its checked copy, named .xlsm", async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, "test/fidelity/macro.xlsm")));
    const [f] = (await checkFiles([{ key: "宏.xlsm", name: "宏.xlsm", bytes }], { rulebook: getPreset(), asOf: null })).files;
    if (!f.ok) throw new Error("expected a checked file");
    expect(f.checkedName).toBe("宏（已检查）.xlsm");
    const before = unzipSync(bytes);
    const after = unzipSync(f.checked);
    const vba = Object.keys(before).find((n) => /vbaProject\.bin$/.test(n));
    expect(vba).toBeDefined();
    expect(after[vba!]).toEqual(before[vba!]);
    expect((await (await openWorkbook(f.checked, "宏.xlsm")).readSnapshot()).sheets.map((s) => s.name)).toContain("校验结果");
  });

  it("fails one unreadable file alone, in Chinese and English, and names a file without a project sheet", async () => {
    const junk: InputFile = { key: "坏.xlsx", name: "坏.xlsx", bytes: new TextEncoder().encode("not a zip") };
    const port = new ExcelJSPort((await ExcelJSPort.fromBuffer(readFileSync(LIST))).workbook);
    port.workbook.removeWorksheet(port.workbook.getWorksheet("项目表")!.id);
    port.workbook.removeWorksheet(port.workbook.getWorksheet("指标表")!.id);
    port.workbook.addWorksheet("说明").getCell("A1").value = "本表无项目";
    const empty: InputFile = { key: "空.xlsx", name: "空.xlsx", bytes: new Uint8Array(await port.toBuffer()) };
    const res = await checkFiles([junk, input(FORMS), empty], { rulebook: getPreset(), asOf: null });
    expect(res.files.map((f) => f.ok)).toEqual([false, true, false]);
    const [bad, , none] = res.files;
    if (bad.ok || none.ok) throw new Error("expected failures");
    expect(bad.zh).toMatch(/^无法读取 坏\.xlsx：不是有效的 \.xlsx 文件/);
    expect(bad.en).toMatch(/^cannot read 坏\.xlsx: not a valid \.xlsx file/);
    expect(none.zh).toBe("空.xlsx 中找不到项目表（需要含“项目名称”或“项目编码”列的工作表）");
    expect(res.report?.files.map((f) => f.file)).toEqual(["central-2024.xlsx"]);
  });

  it("applies the page's column corrections, keeps the workbook's own when there are none, and drops them when emptied", async () => {
    const goal = (r: Awaited<ReturnType<typeof checkFiles>>) => (r.files[0].ok ? r.files[0].findings.filter((f) => f.rule === "T001" || f.rule === "T002").length : -1);
    const plain = await checkFiles([input(LIST)], { rulebook: getPreset(), asOf: null });
    expect(goal(plain)).toBeGreaterThan(0);
    const corrected = await checkFiles([input(LIST)], { rulebook: getPreset(), asOf: null, mappings: { "sample-county-2024.xlsx": { 项目表: { goal: null } } } });
    expect(goal(corrected)).toBe(0);
    if (!corrected.files[0].ok) throw new Error("expected a checked file");
    // The correction travels with the checked copy: checked again with none from the page, it still applies…
    const copy: InputFile = { key: "c.xlsx", name: "c.xlsx", bytes: corrected.files[0].checked };
    expect(await readSettings(copy)).toEqual({ mapping: { 项目表: { goal: null } } });
    expect(goal(await checkFiles([copy], { rulebook: getPreset(), asOf: null }))).toBe(0);
    // …and the page's 撤销全部更正 (an empty set) drops it.
    expect(goal(await checkFiles([copy], { rulebook: getPreset(), asOf: null, mappings: { "c.xlsx": {} } }))).toBe(goal(plain));
  });

  it("clears the marks of an earlier check from a copy, and reports a clean file as having none", async () => {
    const checked = await checkFiles([input(LIST)], { rulebook: getPreset(), asOf: null });
    if (!checked.files[0].ok) throw new Error("expected a checked file");
    const [cleared, clean] = await clearFiles([{ key: "a", name: "a.xlsx", bytes: checked.files[0].checked }, input(FORMS)]);
    if (!cleared.ok || !clean.ok) throw new Error("expected cleared files");
    expect(cleared.actions).toBeGreaterThan(0);
    expect(clean.actions).toBe(0);
    const sheets = (await (await openWorkbook(cleared.cleared, "a.xlsx")).readSnapshot()).sheets.map((s) => s.name);
    expect(sheets).not.toContain("校验结果");
    expect(sheets).toEqual(expect.arrayContaining(["项目表", "指标表"]));
  });
});

describe("standalone engine: the second round against 「上一轮汇总」 (as jixiao check --previous)", () => {
  jest.setTimeout(240_000);
  const NOW = new Date("2025-04-10T09:00:00Z");
  let root: string;
  let batch2: Batch;
  let summary1: string;
  const sorted = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  /** The round's submissions, as files named one by one (no folder prefix, no text file or damaged one). */
  const workbooks = (b: Batch) => sorted(readdirSync(b.dir).filter((n) => /\.xlsx$/i.test(n) && n !== b.damaged)).map((n) => join(b.dir, n));
  const cli = async (files: string[], over: Record<string, string>) => {
    const err: string[] = [];
    const json = join(root, `cli-${Object.keys(over).join("-")}-${Math.random().toString(36).slice(2)}.json`);
    const code = await runCheckCommand(files, { out: join(root, "out"), write: false, quiet: true, json, ...over }, { out: () => undefined, err: (x: string) => void err.push(x), isTTY: false, now: NOW });
    return { code, err: err.join(""), report: code === 2 ? null : (ReportSchema.parse(JSON.parse(readFileSync(json, "utf8"))) as Report) };
  };
  const page = (files: string[], previous: string | InputFile | null) =>
    checkFiles(
      files.map((f) => input(f)),
      { rulebook: getPreset(), asOf: null, now: NOW, previous: typeof previous === "string" ? input(previous) : previous },
    );

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "jixiao-standalone-previous-"));
    const batch1 = await writeRoundBatch(join(root, "报送1"), 1);
    summary1 = join(root, "汇总.xlsx");
    const r1 = await cli(workbooks(batch1), { summary: summary1 });
    expect(r1.code).toBe(0);
    writeFileSync(join(root, "r1.json"), JSON.stringify(r1.report));
    // The reviewer accepts one finding in last round's 问题清单, and marks another without a reason.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary1);
    const ws = wb.getWorksheet("问题清单")!;
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? "") === batch1.moved) rows.push(r);
    expect(rows.length).toBeGreaterThan(1);
    ws.getCell(rows[0], 9).value = "已确认";
    ws.getCell(rows[0], 10).value = "按省厅统一口径设置，无需修改";
    ws.getCell(rows[1], 9).value = "已确认";
    await wb.xlsx.writeFile(summary1);
    batch2 = await writeRoundBatch(join(root, "报送2"), 2);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("marks 新增 / 仍存在 / 已整改 and honours 已确认 exactly as the CLI does, from last round's 汇总.xlsx", async () => {
    const files = workbooks(batch2);
    const mine = await page(files, summary1);
    const theirs = await cli(files, { previous: summary1, summary: join(root, "汇总2.xlsx") });
    expect(theirs.code).toBe(0);
    expect(mine.previous).toEqual({ ok: true, name: "汇总.xlsx", round: 1, notes: [expect.objectContaining({ zh: expect.stringContaining("没有填写处理说明") })] });
    // The CLI tells the reviewer the same about the row without a reason.
    if (!mine.previous?.ok) throw new Error("expected last round read");
    expect(theirs.err).toContain(mine.previous.notes[0].zh);
    const cmp = mine.report!.round!.comparison!;
    expect(cmp.fixed).toBeGreaterThan(0);
    expect(cmp.persisting).toBeGreaterThan(0);
    expect(cmp.new).toBeGreaterThan(0);
    expect(cmp.accepted).toBe(1);
    expect(mine.report!.round!.round).toBe(2);
    expect(mine.report!.round).toEqual(theirs.report!.round);
    // The downloaded 本轮审核汇总.xlsx carries the comparison: each finding's 处理状态, as the CLI's 汇总.xlsx.
    const statuses = async (book: Uint8Array) => {
      const sheet = (await (await openWorkbook(book, "汇总.xlsx")).readSnapshot()).sheets.find((x) => x.name === "问题清单")!;
      return sheet.values.slice(1).map((r) => [r[0], r[6], r[8]].map((v) => String(v ?? "")).join("|"));
    };
    const pageRows = await statuses(mine.round!.summary.bytes);
    expect(pageRows.some((r) => r.endsWith("|已确认"))).toBe(true);
    expect(pageRows.some((r) => r.endsWith("|新增"))).toBe(true);
    expect(pageRows).toEqual(await statuses(new Uint8Array(readFileSync(join(root, "汇总2.xlsx")))));
  });

  it("reads last round's JSON report too, and its own 本轮审核汇总.xlsx as the next round's 上一轮汇总", async () => {
    const files = workbooks(batch2);
    const json = join(root, "r1.json");
    const [mine, theirs] = [await page(files, json), await cli(files, { previous: json })];
    expect(mine.report!.round).toEqual(theirs.report!.round);
    // One file with last round given is a round too, as `jixiao check one.xlsx --previous …`.
    const one = await page(files.slice(0, 1), json);
    expect(one.report?.round?.comparison).toEqual((await cli(files.slice(0, 1), { previous: json })).report!.round!.comparison);
    // The page's own round-1 summary, used as last round's: the same comparison as the CLI's from the same workbook.
    const r1 = await page(workbooks(await writeRoundBatch(join(root, "报送1b"), 1)), null);
    const own = join(root, "本轮审核汇总.xlsx");
    writeFileSync(own, r1.round!.summary.bytes);
    const [a, b] = [await page(files, own), await cli(files, { previous: own })];
    expect(a.report!.round!.comparison).toEqual(b.report!.round!.comparison);
    expect(a.report!.round!.comparison!.fixed).toBeGreaterThan(0);
  });

  it("refuses a file that is not a round's summary with the CLI's sentence, checking nothing", async () => {
    const files = workbooks(batch2).slice(0, 2);
    const notSummary = files[0];
    const junk: InputFile = { key: "上轮.json", name: "上轮.json", bytes: new TextEncoder().encode("{ not json") };
    const report: InputFile = { key: "r.json", name: "r.json", bytes: new TextEncoder().encode(JSON.stringify({ files: 3 })) };
    writeFileSync(join(root, "r.json"), report.bytes);
    for (const [prev, path] of [
      [input(notSummary), notSummary],
      [report, join(root, "r.json")],
    ] as const) {
      const res = await page(files, prev);
      expect(res.files).toEqual([]);
      expect(res.report).toBeNull();
      if (!res.previous || res.previous.ok) throw new Error("expected a refusal");
      const theirs = await cli(files, { previous: path });
      expect(theirs.code).toBe(2);
      expect(theirs.err).toContain(`${res.previous.zh} / ${res.previous.en}`);
      expect(res.previous.zh).toMatch(/^无法读取上一轮的文件 .+：.*不是绩效助手/);
    }
    const bad = await page(files, junk);
    expect(bad.previous).toMatchObject({ ok: false, zh: "无法读取上一轮的文件 上轮.json：不是有效的 JSON", en: expect.stringMatching(/^cannot read last round's file 上轮\.json: not valid JSON/) });
  });
});
