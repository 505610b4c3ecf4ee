import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { join } from "node:path";
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
