/**
 * 「汇总多个报送文件」 without the browser: three generated submissions in mixed layouts and
 * units (list in 元, combined sheet, forms) plus a damaged file and a text file, read by the
 * pane's own reader, checked, consolidated; the bad ones are reported, the others go on.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPreset } from "../../rulebook/load";
import { DEFAULT_PRESET } from "../../rulebook/presets";
import { writeRoundBatch, type Batch } from "../../../test/scripts/make-round-batch";
import { consolidateFiles, freeSheetName, NothingReadError, ROUND_SHEETS_KEY, type FileProgress } from "./batch";
import { readState, STATE_SHEET } from "../../core/state";
import type { CellValue } from "../../core/grid";
import { openSubmission } from "./reader";
import { loadReader, setReaderLoader } from "./load";

const NOW = new Date("2025-04-10T09:00:00Z");
let dir: string;
let batch: Batch;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jixiao-pane-batch-"));
  batch = await writeRoundBatch(dir, 1);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => ({ name, bytes: async () => new Uint8Array(readFileSync(join(dir, name))) });

describe("汇总多个报送文件 in the pane", () => {
  it("checks each file, reports the bad ones, consolidates the rest in 万元 under free sheet names", async () => {
    const chosen = [batch.submissions.find((s) => s.layout === "list" && s.unit === "元"), batch.submissions.find((s) => s.layout === "combined"), batch.submissions.find((s) => s.layout === "form")].map((s) => s!);
    const events: FileProgress[] = [];
    const out = await consolidateFiles({
      files: [...chosen.map((s) => file(s.file)), file(batch.damaged), file(batch.notWorkbook)],
      rulebook: getPreset(DEFAULT_PRESET),
      asOf: null,
      lang: "zh-CN",
      now: NOW,
      open: openSubmission,
      taken: ["项目表", "汇总"],
      onFile: (p) => events.push(p),
    });
    expect(out.failed.map((f) => f.file)).toEqual([batch.damaged, batch.notWorkbook]);
    expect(out.failed[0].reason).toMatch(/^文件无法读取/);
    expect(out.failed[1].reason).toBe("不是 .xlsx / .xlsm 文件");
    expect(events.filter((e) => e.state === "done").map((e) => e.file)).toEqual(chosen.map((s) => s.file));
    expect(out.model.totals.files).toBe(3);
    expect(out.model.totals.unreadable).toBe(2);
    const expected = chosen.flatMap((s) => s.projects);
    expect(out.model.totals.projects).toBe(expected.length);
    expect(out.model.totals.budget).toBeCloseTo(expected.reduce((a, p) => a + p.budget, 0), 4);
    expect(out.sheets).toEqual({ summary: "汇总 (2)", projects: "项目清单", findings: "问题清单" });
    const added = out.plan.actions.filter((a) => a.kind === "addSheet").map((a) => (a as { sheet: string }).sheet);
    expect(added).toEqual(["汇总 (2)", "项目清单", "问题清单"]);
    // The open workbook's state is not touched by the round's sheets.
    expect(out.plan.actions.some((a) => "sheet" in a && a.sheet === "_jixiao")).toBe(false);
  }, 120_000);

  it("a second 汇总 replaces the sheets the first wrote, never a sheet of the user's under that name", async () => {
    const chosen = batch.submissions.slice(0, 2).map((x) => file(x.file));
    const base = { rulebook: getPreset(DEFAULT_PRESET), asOf: null, lang: "zh-CN" as const, now: NOW, open: openSubmission, onFile: () => undefined };
    const first = await consolidateFiles({ ...base, files: chosen, taken: ["项目表"], state: { name: "b", sheets: [] } });
    // The state the first wrote (its setValues on the state sheet), as the next import reads it.
    const write = first.plan.actions.filter((a) => a.kind === "setValues" && a.sheet === STATE_SHEET).pop() as { values: CellValue[][] };
    const state = { name: "b", sheets: [{ name: STATE_SHEET, values: write.values, merges: [], formats: {} }] };
    const a1 = (name: string) => (first.plan.actions.find((a) => a.kind === "setValues" && a.sheet === name && a.topLeft === "A1") as { values: CellValue[][] }).values[0][0];
    const asWritten = async (names: string[]) => Object.fromEntries(names.map((n) => [n, a1(n)]));
    const taken = ["项目表", "汇总", "项目清单", "问题清单"];
    const second = await consolidateFiles({ ...base, files: chosen, taken, state, firstCells: asWritten });
    expect(second.sheets).toEqual({ summary: "汇总", projects: "项目清单", findings: "问题清单" });
    expect(second.plan.actions.filter((a) => a.kind === "deleteSheet").map((a) => a.sheet)).toEqual(["汇总", "项目清单", "问题清单"]);
    // 汇总 is now the user's own (A1 differs): kept, the new one takes a free name.
    const third = await consolidateFiles({ ...base, files: chosen, taken, state, firstCells: async (n) => ({ ...(await asWritten(n)), 汇总: "我的汇总" }) });
    expect(third.plan.actions.filter((a) => a.kind === "deleteSheet").map((a) => a.sheet)).toEqual(["项目清单", "问题清单"]);
    expect(third.sheets.summary).toBe("汇总 (2)");
    // Every other stored key is kept.
    expect(readState({ name: "b", sheets: [{ name: STATE_SHEET, values: (third.plan.actions.filter((a) => a.kind === "setValues" && a.sheet === STATE_SHEET).pop() as { values: CellValue[][] }).values, merges: [], formats: {} }] })).toHaveProperty(ROUND_SHEETS_KEY);
  }, 120_000);

  it("nothing readable: one clear error", async () => {
    await expect(consolidateFiles({ files: [file(batch.damaged)], rulebook: getPreset(DEFAULT_PRESET), asOf: null, lang: "zh-CN", now: NOW, open: openSubmission, taken: [], onFile: () => undefined })).rejects.toBeInstanceOf(NothingReadError);
  });

  it("free names are case-blind; the loader can be replaced (a single-file build)", async () => {
    expect(freeSheetName("Summary", new Set(["summary", "Summary (2)"]))).toBe("Summary (3)");
    const mine = async () => openSubmission;
    setReaderLoader(mine);
    expect(await loadReader()).toBe(openSubmission);
  });
});
