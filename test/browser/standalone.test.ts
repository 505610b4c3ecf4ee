/**
 * The standalone page in real headless Chromium (Debian's /usr/bin/chromium via playwright-core),
 * opened the way an officer opens it: dist/jixiao.html copied ALONE into an empty folder and
 * loaded from file://. Every http(s) request is intercepted and fails the test.
 *
 * It chooses a list workbook and a forms workbook, runs 开始检查 (the engine runs in the page's
 * worker), downloads the checked copies and the JSON report, and compares them with what
 * `jixiao check --out DIR --json FILE` writes for the same files: the same findings, the same
 * 校验结果 and 领导汇总 sheets, the same results beside the user's cells. Then three files and
 * the zip of all copies. First paint and the page's size are printed, not asserted.
 *
 * The page is built once (production, standalone only, ~10 s); JIXIAO_STANDALONE_PAGE=<file>
 * reuses a build instead. Skipped only when /usr/bin/chromium is absent and CI is not set.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { unzipSync } from "fflate";
import { ExcelJSPort } from "../../src/adapters/exceljs/port";
import { runCheckCommand } from "../../src/cli/commands";
import { checkFile } from "../../src/cli/check-files";
import { getPreset } from "../../src/rulebook/load";
import type { Report } from "../../src/engine/report";
import type { CellValue } from "../../src/core/grid";
import { writeRoundBatch, type Batch } from "../scripts/make-round-batch";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(`SKIPPED test/browser/standalone.test.ts: ${CHROMIUM} not found (apt-get install -y chromium). In CI this test runs and fails instead.`);
}
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;

const ROOT = resolve(__dirname, "../..");
const LIST = join(ROOT, "assets/samples/sample-county-2024.xlsx");
const FORMS = join(ROOT, "test/fixtures/forms/central-2024.xlsx");
const THIRD = join(ROOT, "assets/samples/sample-county-2024-midyear.xlsx");

async function buildPage(outDir: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<webpack.Configuration>;
  const config = await makeConfig({ only: "standalone", outDir }, { mode: "production" });
  await new Promise<void>((ok, fail) => {
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    });
  });
  return join(outDir, "jixiao.html");
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every sheet's values but the run record, the time of the run blanked (the state's runAt, 领导汇总's 生成时间): what differs between two runs. */
async function sheetValues(file: string): Promise<Map<string, CellValue[][]>> {
  const snap = await (await ExcelJSPort.open(file)).readSnapshot();
  const untimed = (v: CellValue) => (typeof v === "string" ? v.replace(/"runAt":"[^"]*"/g, '"runAt":"…"').replace(/^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, "生成时间：…") : v);
  return new Map(snap.sheets.filter((s) => s.name !== "运行记录").map((s) => [s.name, s.values.map((r) => r.map(untimed))]));
}

/**
 * The page's preset picker always hands the engine a rulebook (an explicit choice, source
 * "option"); `jixiao check` without --rules reports the default preset as "preset". Same rulebook,
 * so compare everything but where it came from.
 */
function chosen<T extends { rulebook?: unknown }>(r: T): T {
  const rb = r.rulebook as Record<string, unknown> | undefined;
  if (!rb || typeof rb !== "object") return r;
  const { source: _source, ...rest } = rb;
  void _source;
  return { ...r, rulebook: rest };
}

describeBrowser("standalone page from file://", () => {
  let work: string;
  let pageFile: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cliReport: Report;
  const network: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const originals = new Map<string, string>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "jixiao-standalone-"));
    const built = process.env.JIXIAO_STANDALONE_PAGE ?? (await buildPage(join(work, "build")));
    // The page alone in an empty folder, as on a USB stick.
    mkdirSync(join(work, "stick"));
    pageFile = join(work, "stick", "jixiao.html");
    copyFileSync(built, pageFile);
    for (const f of [LIST, FORMS, THIRD]) originals.set(f, sha(f));

    // What the command line gives for the same files.
    const io = { out: () => undefined, err: (s: string) => void process.stderr.write(s), isTTY: false };
    const status = await runCheckCommand(
      [LIST, FORMS, THIRD],
      { out: join(work, "cli"), write: true, json: join(work, "cli.json"), quiet: true, summary: join(work, "cli-round", "汇总.xlsx"), feedback: join(work, "cli-round", "feedback") },
      io,
    );
    expect(status).toBe(0);
    cliReport = JSON.parse(readFileSync(join(work, "cli.json"), "utf8")) as Report;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", acceptDownloads: true });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (/^(https?|wss?|ftp):/i.test(url)) {
        network.push(url);
        return route.abort();
      }
      return route.continue();
    });
    context.on("request", (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(pathToFileURL(pageFile).href);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (work && !process.env.JIXIAO_KEEP_BUILD) rmSync(work, { recursive: true, force: true });
  });

  async function download(click: () => Promise<void>, dir: string): Promise<string> {
    mkdirSync(dir, { recursive: true });
    const [d] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), click()]);
    const file = join(dir, d.suggestedFilename());
    await d.saveAs(file);
    return file;
  }

  it("opens from disk alone, Chinese first, and reports its first paint", async () => {
    expect(readdirSync(join(work, "stick"))).toEqual(["jixiao.html"]);
    await page.getByTestId("run").waitFor();
    expect(await page.getByTestId("run").textContent()).toBe("开始检查");
    expect(await page.getByTestId("choose").textContent()).toBe("选择工作簿…");
    expect(await page.getByTestId("preview").count()).toBe(0);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      ready: performance.getEntriesByName("jixiao-ui-ready")[0]?.startTime ?? null,
    }));
    const mb = (statSync(pageFile).size / 1024 / 1024).toFixed(2);
    console.log(`standalone page (${mb} MB) from file://: first contentful paint ${timing.fcp?.toFixed(0)} ms, UI ready ${timing.ready?.toFixed(0)} ms`);
    expect(timing.fcp).not.toBeNull();
    expect(timing.ready).not.toBeNull();
  });

  it("refuses a dropped file that is not a workbook, and takes dropped workbooks", async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["a,b\n1,2\n"], "预算.csv", { type: "text/csv" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    expect(await page.getByTestId("rejected").textContent()).toContain("预算.csv");
    expect(await page.getByTestId("file").count()).toBe(0);
    await page.evaluate(
      ([name, base64]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name));
        window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [basename(FORMS), readFileSync(FORMS).toString("base64")],
    );
    await page.locator(`[data-testid="file"][data-file="${basename(FORMS)}"]`).waitFor();
    expect(await page.getByTestId("rejected").count()).toBe(0);
    await page.getByText("全部移除").click();
    expect(await page.getByTestId("file").count()).toBe(0);
  });

  it("checks a list and a forms workbook in the worker; the checked copies are what jixiao check writes", async () => {
    await page.getByTestId("workbook-files").setInputFiles([LIST, FORMS]);
    expect(await page.getByTestId("file").count()).toBe(2);
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="file"][data-status="checked"]').nth(1).waitFor({ timeout: 60_000 });

    // The engine ran in the page's worker (started from a Blob URL).
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/^blob:/)]);
    // The pane's summary counts both files, as the CLI's report does for them.
    const cli = cliReport.files.filter((f) => f.file === basename(LIST) || f.file === basename(FORMS));
    const errors = cli.reduce((n, f) => n + f.findings.filter((x) => x.severity === "error").length, 0);
    expect(await page.getByTestId("count-error").textContent()).toBe(`错误 ${errors}`);
    // Findings name their file: 「sample-county-2024.xlsx › 项目表」.
    expect(await page.getByTestId("findings").textContent()).toContain(`${basename(LIST)} › `);

    for (const input of [LIST, FORMS]) {
      const item = page.locator(`[data-testid="file"][data-file="${basename(input)}"]`);
      const copy = await download(() => item.getByTestId("download-checked").click(), join(work, "downloads"));
      expect(basename(copy)).toBe(basename(input).replace(/\.xlsx$/, "（已检查）.xlsx"));
      const mine = await sheetValues(copy);
      const theirs = await sheetValues(join(work, "cli", basename(input)));
      expect([...mine.keys()]).toEqual(expect.arrayContaining(["校验结果", "领导汇总"]));
      expect([...mine.keys()]).toEqual([...theirs.keys()]);
      for (const [name, values] of theirs) expect({ name, values: mine.get(name) }).toEqual({ name, values });
      // Checked again by the CLI, the copy gives the CLI's findings for the original.
      const again = await checkFile(copy, { rulebook: getPreset(), outDir: null });
      expect(again.report.findings).toEqual(cli.find((f) => f.file === basename(input))?.findings);
    }

    // The README's picture of the page (docs/standalone.png is this one).
    await page.screenshot({ path: join(process.env.JIXIAO_SCREENSHOT_DIR ?? work, "jixiao-standalone.png") });

    const json = await download(() => page.getByTestId("download-report").click(), join(work, "downloads"));
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.files.map(chosen)).toEqual(cli.map(chosen));
    expect(chosen(report).rulebook).toEqual(chosen(cliReport).rulebook);
    expect(report.tool).toEqual(cliReport.tool);
    expect(pageErrors).toEqual([]);
  });

  it("with three files, downloads the consolidated workbook, the departments' feedback and everything in one zip", async () => {
    await page.getByTestId("workbook-files").setInputFiles([THIRD]);
    expect(await page.getByTestId("file").count()).toBe(3);
    await page.getByTestId("run").click();
    await page.locator('[data-testid="file"][data-status="checked"]').nth(2).waitFor({ timeout: 60_000 });
    await page.getByTestId("download-summary").waitFor();

    // The round's JSON part is the CLI's for the same three files.
    const json = await download(() => page.getByTestId("download-report").click(), join(work, "round"));
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.files.map(chosen)).toEqual(cliReport.files.map(chosen));
    expect(report.round).toEqual(cliReport.round);

    // 本轮汇总: the same sheets and values as `jixiao check --summary` (links point at the checked copies instead).
    const summary = await download(() => page.getByTestId("download-summary").click(), join(work, "round"));
    const mine = await sheetValues(summary);
    const theirs = await sheetValues(join(work, "cli-round", "汇总.xlsx"));
    expect([...mine.keys()]).toEqual([...theirs.keys()]);
    for (const [name, values] of theirs) expect({ name, values: mine.get(name) }).toEqual({ name, values });

    // One feedback workbook per department, named as the CLI names them.
    const feedback = unzipSync(readFileSync(await download(() => page.getByTestId("download-feedback").click(), join(work, "round"))));
    expect(Object.keys(feedback).sort()).toEqual(readdirSync(join(work, "cli-round", "feedback")).sort());

    const everything = unzipSync(readFileSync(await download(() => page.getByTestId("download-all").click(), join(work, "zip"))));
    const copies = [LIST, FORMS, THIRD].map((f) => basename(f).replace(/\.xlsx$/, "（已检查）.xlsx"));
    expect(Object.keys(everything)).toEqual(expect.arrayContaining([...copies, basename(summary), "jixiao-report.json", ...Object.keys(feedback).map((n) => `审核意见反馈表/${n}`)]));
    const midyear = join(work, "zip", "midyear.xlsx");
    writeFileSync(midyear, everything[copies[2]]);
    expect((await sheetValues(midyear)).get("校验结果")).toEqual((await sheetValues(join(work, "cli", basename(THIRD)))).get("校验结果"));
    expect(pageErrors).toEqual([]);
  });

  it("the second round: round-2 files plus last round's 汇总.xlsx give the CLI's --previous comparison", async () => {
    // Round 1 by the command line (as a bureau that used `jixiao check --summary`), round 2 on the page.
    const workbooks = (b: Batch) => readdirSync(b.dir).filter((n) => /\.xlsx$/i.test(n) && n !== b.damaged).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((n) => join(b.dir, n));
    const batch1 = await writeRoundBatch(join(work, "报送1"), 1);
    const batch2 = await writeRoundBatch(join(work, "报送2"), 2);
    const summary1 = join(work, "第一轮", "汇总.xlsx");
    const io = { out: () => undefined, err: () => undefined, isTTY: false };
    expect(await runCheckCommand(workbooks(batch1), { out: join(work, "cli1"), write: false, quiet: true, summary: summary1 }, io)).toBe(0);
    const files2 = workbooks(batch2);
    expect(await runCheckCommand(files2, { out: join(work, "cli2"), write: false, quiet: true, previous: summary1, json: join(work, "cli2.json") }, io)).toBe(0);
    const cli2 = JSON.parse(readFileSync(join(work, "cli2.json"), "utf8")) as Report;

    await page.getByText("全部移除").click();
    await page.getByTestId("workbook-files").setInputFiles(files2);
    expect(await page.getByTestId("file").count()).toBe(files2.length);
    expect(await page.getByTestId("previous").textContent()).toContain("上一轮汇总（可选）");
    await page.getByTestId("previous-file").setInputFiles([summary1]);
    expect(await page.getByTestId("previous-name").textContent()).toBe("上一轮汇总：汇总.xlsx");
    await page.getByTestId("run").click();
    await page.locator('[data-testid="file"][data-status="checked"]').nth(files2.length - 1).waitFor({ timeout: 120_000 });
    await page.getByTestId("previous-comparison").waitFor();
    const cmp = cli2.round!.comparison!;
    expect(cmp.fixed).toBeGreaterThan(0);
    expect(cmp.new).toBeGreaterThan(0);
    expect(await page.getByTestId("previous-comparison").textContent()).toBe(`上一轮：汇总.xlsx（新增 ${cmp.new}，仍存在 ${cmp.persisting}，已整改 ${cmp.fixed}，已确认 ${cmp.accepted}）`);

    const json = await download(() => page.getByTestId("download-report").click(), join(work, "round2"));
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.round?.round).toBe(2);
    expect(report.round?.comparison).toEqual(cmp);
    expect(report.round).toEqual(cli2.round);
    // The downloaded 本轮审核汇总.xlsx marks each finding: 新增 beside 仍存在.
    const summary = await download(() => page.getByTestId("download-summary").click(), join(work, "round2"));
    const status = (await sheetValues(summary)).get("问题清单")!.slice(1).map((r) => String(r[8] ?? ""));
    expect(status).toEqual(expect.arrayContaining(["新增", "仍存在"]));

    // A file that is no round's summary: the CLI's sentence, and nothing checked.
    await page.getByTestId("previous-remove").click();
    await page.getByTestId("previous-file").setInputFiles([files2[0]]);
    await page.getByTestId("run").click();
    await page.getByTestId("previous-error").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("previous-error").textContent()).toMatch(/^无法读取上一轮的文件 .+：「.+」不是绩效助手写出的汇总工作簿/);
    await page.getByTestId("previous-remove").click();
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it("says so when the engine worker cannot start, instead of waiting forever", async () => {
    const other = await context.newPage();
    // A worker whose script throws at once, as a blocked or broken one would.
    await other.addInitScript(() => {
      const Real = window.Worker;
      window.Worker = class extends Real {
        constructor(_url: string | URL, options?: WorkerOptions) {
          super(URL.createObjectURL(new Blob(["throw new Error('kaputt')"], { type: "text/javascript" })), options);
        }
      };
    });
    await other.goto(pathToFileURL(pageFile).href);
    await other.getByTestId("workbook-files").setInputFiles([FORMS]);
    await other.getByTestId("run").click();
    const error = other.getByTestId("error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("检查引擎无法启动");
    expect(await other.getByTestId("run").isEnabled()).toBe(true);
    await other.close();
  });

  it("left the originals as they were and asked the network for nothing", () => {
    for (const [f, h] of originals) expect(sha(f)).toBe(h);
    expect(network).toEqual([]);
    expect(requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
