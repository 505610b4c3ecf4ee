/**
 * The task pane in real headless Chromium (Debian's /usr/bin/chromium via playwright-core).
 *
 * Builds the pane with webpack (development, with the in-memory Excel harness) into a temp
 * dir, serves it on 127.0.0.1, blocks every other request (office.js from the CDN included:
 * nothing leaves the machine), then drives the UI: 开始检查 → summary and findings, a finding
 * click selects its cell, keyboard only, an invalid rulebook named in words, English, 300 px,
 * 清除标记 with its confirmation; then a generated 1,000-project county workbook (every
 * finding reachable, search, no long task on the pane's thread, a bounded DOM, 取消), a
 * workbook without a project sheet, a protected sheet, and reopening a checked workbook.
 * Screenshots (light and dark) go to docs/ when JIXIAO_SCREENSHOTS=docs, else a temp dir.
 *
 * Skipped only when /usr/bin/chromium is absent and CI is not set; in CI it must run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { writeRoundBatch, type Batch } from "../scripts/make-round-batch";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(`SKIPPED test/browser/taskpane.test.ts: ${CHROMIUM} not found (apt-get install -y chromium). In CI this test runs and fails instead.`);
}
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

async function build(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<webpack.Configuration>;
  // Production React (as users get it: the development build is several times slower to
  // render), without minifying (which would only cost build time).
  const config = await makeConfig({ harness: true, outDir }, { mode: "production" });
  config.devtool = false;
  config.optimization = { ...config.optimization, minimize: false };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const LAUNCH = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];
const SHOTS = process.env.JIXIAO_SCREENSHOTS === "docs" ? join(__dirname, "../../docs") : (process.env.JIXIAO_SCREENSHOT_DIR ?? tmpdir());

describeBrowser("task pane in headless Chromium", () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  async function openPane(query = "", viewport = { width: 420, height: 1100 }, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const p = await browser.newPage({ viewport, locale: "zh-CN", colorScheme });
    await p.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    p.on("pageerror", (e) => pageErrors.push(e.message));
    // Long tasks on the pane's thread, from the very start.
    await p.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      (w as unknown as { __longTaskAt: number[][] }).__longTaskAt = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => {
          w.__longTasks.push(e.duration);
          (w as unknown as { __longTaskAt: number[][] }).__longTaskAt.push([Math.round(e.startTime), Math.round(e.duration)]);
        }),
      ).observe({ type: "longtask", buffered: true });
    });
    await p.goto(`${origin}/taskpane.html${query}`);
    await p.getByTestId("run").waitFor();
    return p;
  }
  const digest = (p: Page) => p.evaluate(async () => (await window.__jixiaoReady, window.__jixiaoBookDigest?.()));
  /** 校验结果 as written: one row per finding of the report (code in column F). */
  const writtenFindings = (p: Page) =>
    p.evaluate(() => {
      const sheet = window.__jixiaoFakeBook?.sheets.find((s) => s.name === "校验结果");
      const rows: { code: string; severity: string }[] = [];
      for (let r = 1; sheet?.cells.has(`${r},0`); r++) rows.push({ code: String(sheet.cells.get(`${r},5`)?.value ?? ""), severity: String(sheet.cells.get(`${r},1`)?.value ?? "") });
      return rows;
    });
  const countOf = async (p: Page, sev: string) => Number(/\d+/.exec((await p.getByTestId(`count-${sev}`).textContent()) ?? "")?.[0]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-pane-"));
    await build(dir);
    server = await serve(dir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH });
    page = await openPane();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir && !process.env.JIXIAO_KEEP_BUILD) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the pane in preview, Chinese first, without loading office.js", async () => {
    expect(await page.getByTestId("run").textContent()).toBe("开始检查");
    expect(await page.getByTestId("clear").textContent()).toBe("清除标记");
    expect(await page.getByTestId("preview").textContent()).toContain("预览模式");
    expect(blocked.some((u) => u.includes("appsforoffice.microsoft.com"))).toBe(true);
    expect(blocked.every((u) => !u.startsWith(origin))).toBe(true);
  });

  it("runs a check in the worker and shows the summary and findings first", async () => {
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("count-error").textContent()).toMatch(/^错误 [1-9]\d*$/);
    expect(await page.getByTestId("summary").textContent()).toContain("中央部门 2020（财预〔2020〕10号）");
    expect(await page.getByTestId("summary").textContent()).not.toMatch(/同步|KB/);
    const findings = page.getByTestId("finding");
    expect(await findings.count()).toBeGreaterThan(3);
    const text = await page.getByTestId("findings").textContent();
    expect(text).toContain("指标「培训教师人次」的指标值为空");
    expect(text).toContain("建议：");
    // Results first: the findings list starts within the first screen at 420 px.
    const top = await page.getByTestId("findings-list").boundingBox();
    expect(top?.y).toBeLessThan(700);
    // 识别结果 is collapsed when detection went well.
    expect(await page.getByTestId("found").count()).toBe(0);
    await page.getByTestId("found-header").click();
    const found = await page.getByTestId("found").textContent();
    expect(found).toContain("工作表「项目表」：项目表，表头在第 2 行");
    const sheets = await page.evaluate(() => window.__jixiaoFakeBook?.sheets.map((s) => s.name));
    expect(sheets).toEqual(expect.arrayContaining(["项目表", "指标表", "校验结果", "领导汇总", "运行记录", "_jixiao"]));
    expect(pageErrors).toEqual([]);
  });

  it("selects a finding's cell when it is clicked", async () => {
    const first = page.getByTestId("finding").first();
    const title = (await first.getAttribute("title")) ?? "";
    const m = /定位到 (.+)!([A-Z]+\d+)$/.exec(title);
    expect(m).not.toBeNull();
    await first.click();
    await page.waitForFunction(() => window.__jixiaoFakeBook?.selection !== null);
    expect(await page.evaluate(() => window.__jixiaoFakeBook?.selection)).toEqual({ sheet: m?.[1], address: m?.[2] });
    // A project's heading jumps to the project's row.
    const heading = page.getByTestId("group-project").first();
    const where = /定位到项目所在行 (.+)!(A\d+)$/.exec((await heading.getAttribute("title")) ?? "");
    expect(where).not.toBeNull();
    await heading.click();
    await page.waitForFunction((a) => window.__jixiaoFakeBook?.selection?.address === a, where?.[2]);
    expect(await page.evaluate(() => window.__jixiaoFakeBook?.selection)).toEqual({ sheet: where?.[1], address: where?.[2] });
  });

  it("works keyboard-only: a few Tabs reach the list, arrows move, Enter selects the cell", async () => {
    // Start from the top of the pane (a click on the title moves the focus start point there).
    await page.locator("h1").click();
    let tabs = 0;
    const trail: string[] = [];
    while (tabs < 20) {
      await page.keyboard.press("Tab");
      tabs++;
      trail.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.textContent?.slice(0, 10)}`));
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "findings-list")) break;
    }
    if (tabs > 14) throw new Error(trail.join(" / "));
    expect(tabs).toBeLessThanOrEqual(14);
    // One tab stop: the next Tab leaves the list.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const active = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="findings-list"]');
      const id = list?.getAttribute("aria-activedescendant");
      const el = id ? document.getElementById(id) : null;
      return { testid: el?.getAttribute("data-testid"), title: el?.getAttribute("title") ?? "" };
    });
    expect(active.testid).toBe("finding");
    await page.keyboard.press("Enter");
    const m = /定位到 (.+)!([A-Z]+\d+)$/.exec(active.title);
    await page.waitForFunction((a) => window.__jixiaoFakeBook?.selection?.address === a, m?.[2]);
    expect(await page.evaluate(() => window.__jixiaoFakeBook?.selection)).toEqual({ sheet: m?.[1], address: m?.[2] });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="findings-list"]'))).toBeNull();
    // 下一个 moves on and selects.
    await page.getByTestId("next").click();
    expect(await page.getByTestId("position").textContent()).toMatch(/^第 \d+ 条，共 \d+ 条$/);
  });

  it("re-checks with a column correction, and undoes it", async () => {
    const goalFinding = "年度总体目标「进一步提升教师培训质量」";
    expect(await page.getByTestId("findings").textContent()).toContain(goalFinding);
    await page.getByTestId("correct-field").selectOption("goal");
    await page.getByTestId("correct-apply").click();
    await page.getByText("已保存的更正：1 项").waitFor({ timeout: 30_000 });
    await page.waitForFunction((text) => !document.querySelector('[data-testid="findings"]')?.textContent?.includes(text), goalFinding);
    await page.getByText("撤销全部更正").click();
    await page.waitForFunction((text) => document.querySelector('[data-testid="findings"]')?.textContent?.includes(text), goalFinding, { timeout: 30_000 });
    expect(await page.getByText("已保存的更正").count()).toBe(0);
  });

  it("refuses an invalid rulebook naming the field in Chinese, the path second", async () => {
    await page.getByTestId("settings-header").click();
    await page.getByTestId("rulebook-file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ scoring: { grades: "优" } })) });
    const error = page.getByTestId("error");
    await error.waitFor();
    const text = (await error.textContent()) ?? "";
    expect(text).toContain("规则库无效：「评分 › 等级划分」填写有误（scoring.grades）");
    expect(text).not.toContain("array");
  });

  it("exports the rulebook as copyable text as well as a download (Excel for Mac)", async () => {
    await page.getByText("导出规则库").click();
    // On a heavily loaded machine a click that lands while React is still rendering the previous
    // results slice can be dropped (seen twice in full runs beside other test processes): click again.
    if (!(await page.getByTestId("export-json").waitFor({ timeout: 10_000 }).then(() => true, () => false))) await page.getByText("导出规则库").first().click();
    const json = await page.getByTestId("export-json").inputValue();
    expect(JSON.parse(json)).toMatchObject({ preset: "central-2020" });
    await page.getByText("关闭").click();
    await page.getByTestId("export-dialog").waitFor({ state: "detached" });
  });

  it("switches to English; nothing overflows at 300 px in either language", async () => {
    await page.getByTestId("lang").click();
    expect(await page.getByTestId("run").textContent()).toBe("Check workbook");
    expect(await page.getByTestId("count-error").textContent()).toMatch(/^\d+ errors$/);
    expect(await page.getByTestId("findings").textContent()).toContain("Suggestion:");
    await page.setViewportSize({ width: 300, height: 900 });
    for (const lang of ["en", "zh"]) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect([lang, width]).toEqual([lang, 300]);
      if (lang === "en") await page.getByTestId("lang").click();
    }
    expect(await page.getByTestId("run").textContent()).toBe("开始检查");
    await page.setViewportSize({ width: 420, height: 1100 });
  });

  it("asks before 清除标记, saying what goes, then leaves the user's sheets only", async () => {
    await page.getByTestId("clear").click();
    const dialog = page.getByTestId("confirm-clear");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("「校验结果」「领导汇总」「运行记录」三张工作表");
    await page.getByText("取消", { exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => window.__jixiaoFakeBook?.sheets.length)).toBe(6);
    await page.getByTestId("clear").click();
    await page.getByTestId("confirm-clear-ok").click();
    await page.getByTestId("info").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("info").textContent()).not.toMatch(/\d+ 次|sync/);
    expect(await page.evaluate(() => window.__jixiaoFakeBook?.sheets.map((s) => s.name))).toEqual(["项目表", "指标表"]);
    expect(await page.getByTestId("summary").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("清除标记 leaves a result sheet the user has since written over, and says so under 请注意", async () => {
    const p = await openPane();
    await p.getByTestId("run").click();
    await p.getByTestId("summary").waitFor({ timeout: 30_000 });
    // The officer reuses 校验结果 for notes of their own: its first rows no longer carry our marker.
    await p.evaluate(() => {
      const sheet = window.__jixiaoFakeBook?.sheets.find((s) => s.name === "校验结果");
      sheet?.cells.set("0,0", { value: "我的审核笔记" });
    });
    await p.getByTestId("clear").click();
    await p.getByTestId("confirm-clear-ok").click();
    await p.getByTestId("notices").waitFor({ timeout: 30_000 });
    expect(await p.getByTestId("notices").textContent()).toMatch(/请注意.*校验结果.*未删除/);
    expect(await p.evaluate(() => window.__jixiaoFakeBook?.sheets.map((s) => s.name))).toContain("校验结果");
    await p.close();
  });

  it("checks in monitoring mode with an as-of date and another preset, lights counted as 红灯/黄灯/蓝灯", async () => {
    if (!(await page.getByTestId("preset").count())) await page.getByTestId("settings-header").click();
    await page.getByTestId("preset").selectOption("five-grade");
    await page.getByTestId("as-of").fill("2024-07-31");
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("lights").textContent()).toMatch(/红灯 \d+.*黄灯 \d+.*蓝灯 \d+/);
    const state = await page.evaluate(() => {
      const sheet = window.__jixiaoFakeBook?.sheets.find((s) => s.name === "_jixiao");
      for (let r = 0; r < 5; r++) if (sheet?.cells.get(`${r},0`)?.value === "rulebook") return sheet.cells.get(`${r},1`)?.value;
      return null;
    });
    expect(String(state)).toContain('"preset":"five-grade"');
    expect(pageErrors).toEqual([]);
  });

  it("takes screenshots in light and dark", async () => {
    const light = await openPane("?book=checked", { width: 350, height: 1000 });
    await light.getByTestId("summary").waitFor({ timeout: 30_000 });
    await light.waitForTimeout(500);
    await light.screenshot({ path: join(SHOTS, "taskpane-light.png") });
    await light.close();
    const darkPage = await openPane("?book=checked", { width: 350, height: 1000 }, "dark");
    await darkPage.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await darkPage.evaluate(() => document.querySelector("[data-theme]")?.getAttribute("data-theme"))).toBe("dark");
    await darkPage.waitForTimeout(500);
    await darkPage.screenshot({ path: join(SHOTS, "taskpane-dark.png") });
    await darkPage.close();
    expect(existsSync(join(SHOTS, "taskpane-dark.png"))).toBe(true);
  });

  describe("a county workbook of 1,000 projects", () => {
    let county: Page;
    beforeAll(async () => {
      county = await openPane("?book=county1000");
    }, 120_000);
    afterAll(async () => county?.close());

    it("checks without a long task on the pane's thread; every finding can be reached; the DOM stays small", async () => {
      await county.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
      // Every stage label shown, as it is shown.
      await county.evaluate(() => {
        const w = window as unknown as { __stages: string[] };
        w.__stages = [];
        new MutationObserver(() => {
          const s = document.querySelector('[data-testid="stage"]')?.textContent?.replace(/（.*$/, "");
          if (s && w.__stages[w.__stages.length - 1] !== s) w.__stages.push(s);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await county.getByTestId("run").click();
      await county.getByTestId("summary").waitFor({ timeout: 120_000 });
      // The pane's own long tasks: those outside the workbook's reads and writes. Reading and
      // writing go through the Office.js adapter into the in-memory Excel, whose sync() runs a
      // whole batch at once on the page's thread (in Excel that work is the host's); their
      // blocking time is printed for the record, not asserted here.
      const timeline = await county.evaluate(() => ({ tasks: (window as unknown as { __longTaskAt: number[][] }).__longTaskAt, calls: window.__jixiaoPortCalls ?? [], host: window.__jixiaoHostSpans ?? [] }));
      const runStart = timeline.calls.filter((c) => c.name === "readSnapshot").at(-1)?.start ?? 0;
      const during = (start: number, duration: number) => timeline.calls.find((c) => start < c.end && start + duration > c.start)?.name ?? null;
      const tasks = timeline.tasks.filter(([start]) => start >= runStart - 5).map(([start, duration]) => ({ start, duration, during: during(start, duration) }));
      console.info(`1,000 projects: long tasks while the adapter and the in-memory Excel read or write: ${JSON.stringify(tasks.filter((x) => x.during))}`);
      expect(tasks.filter((x) => !x.during && x.duration > 100)).toEqual([]);
      // The analysis (between reading the workbook and reading the looks) ran off the pane's thread.
      const analysed = timeline.calls.find((c) => c.name === "readLooks");
      expect(analysed).toBeDefined();
      const stages = await county.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
      expect(stages).toEqual(expect.arrayContaining(["读取工作簿", "识别表格", "检查规则", "评分", "写回结果"]));

      const written = await writtenFindings(county);
      const counted = (await countOf(county, "error")) + (await countOf(county, "warning")) + (await countOf(county, "info"));
      expect(counted).toBe(written.length);
      expect(written.length).toBeGreaterThan(1000);
      // In the list: every finding, the three rows naming C9999 as one item (one cause).
      const shown = (await county.getByTestId("findings-shown").textContent()) ?? "";
      const [, n, total] = /显示 (\d+) 条，共 (\d+) 条/.exec(shown) ?? [];
      expect(Number(total)).toBe(written.length - 2);
      expect(Number(n)).toBe(Number(total));
      // Bounded DOM: a few dozen cards whatever the count.
      expect(await county.getByTestId("finding").count()).toBeLessThan(60);
      expect(await county.evaluate(() => document.getElementsByTagName("*").length)).toBeLessThan(3000);
      // Errors first: the first department group holds errors.
      const firstDept = await county.getByTestId("group-department").first().textContent();
      expect(firstDept).toMatch(/错误 \d+/);
      // The last finding is reachable from the keyboard.
      await county.getByTestId("findings-list").focus();
      await county.keyboard.press("End");
      await county.waitForFunction(() => {
        const list = document.querySelector('[data-testid="findings-list"]');
        const id = list?.getAttribute("aria-activedescendant");
        return !!id && !!document.getElementById(id);
      });
    });

    it("a search for a project code shows exactly that project's findings", async () => {
      const written = await writtenFindings(county);
      const code = "C0035"; // 35: a multiple of 5 and 7 (missing unit, vague target)
      const expected = written.filter((w) => w.code === code).length;
      expect(expected).toBeGreaterThan(1);
      await county.getByTestId("findings-search").fill(code);
      await county.waitForFunction((n) => document.querySelector('[data-testid="findings-shown"]')?.textContent?.startsWith(`显示 ${n} 条`), expected);
      const projects = await county.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-project")));
      expect(projects).toEqual(new Array(expected).fill(code));
      await county.getByTestId("findings-search").fill("");
      await county.waitForFunction(() => /^显示 (\d+) 条，共 \1 条$/.test(document.querySelector('[data-testid="findings-shown"]')?.textContent ?? ""));
    });

    it("filters by severity and department with counts on the chips", async () => {
      const errors = await countOf(county, "error");
      const chip = (await county.getByTestId("chip-error").textContent()) ?? "";
      expect(chip).toBe(`错误 ${errors - 2}`); // items: C9999's three rows are one
      await county.getByTestId("chip-error").click();
      await county.waitForFunction((n) => document.querySelector('[data-testid="findings-shown"]')?.textContent?.startsWith(`显示 ${n} 条`), errors - 2);
      await county.getByTestId("filter-department").selectOption("县水利局");
      const cards = await county.getByTestId("finding").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
      expect(cards.every((c) => c.startsWith("错误"))).toBe(true);
      expect(await county.getByTestId("group-department").first().textContent()).toContain("县水利局");
    });
  });

  it("取消 stops the run and leaves the workbook as it was", async () => {
    const p = await openPane("?book=county1000");
    const before = await digest(p);
    await p.getByTestId("run").click();
    await p.getByTestId("cancel").click();
    await p.getByText("已取消检查，工作簿没有任何改动。").waitFor({ timeout: 30_000 });
    expect(await digest(p)).toBe(before);
    expect(await p.getByTestId("summary").count()).toBe(0);
    await p.close();
  });

  it("reopening a checked workbook shows its findings without a run", async () => {
    const p = await openPane("?book=checked");
    await p.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await p.getByTestId("summary-when").textContent()).toBe("上次检查：2025-03-01 " + (await p.evaluate(() => String(new Date("2025-03-01T08:00:00Z").getHours()).padStart(2, "0"))) + ":00，中央部门 2020（财预〔2020〕10号）");
    expect(await p.getByTestId("stored").count()).toBe(1);
    expect(await p.getByTestId("findings").textContent()).toContain("指标「培训教师人次」的指标值为空");
    expect(await p.getByTestId("progress").count()).toBe(0);
    await p.close();
  });

  it("a workbook without a project sheet is left unchanged, and the pane says so and opens the correction form", async () => {
    const p = await openPane("?book=none");
    const before = await digest(p);
    await p.getByTestId("run").click();
    await p.getByTestId("no-projects").waitFor({ timeout: 30_000 });
    expect(await p.getByTestId("no-projects").textContent()).toContain("没有找到项目表，工作簿未做任何改动");
    expect(await digest(p)).toBe(before);
    expect(await p.getByTestId("found").count()).toBe(1);
    await p.close();
  });

  it("a protected sheet: the findings stay on screen with the reason and the sheet named", async () => {
    const p = await openPane("?book=protected");
    await p.getByTestId("run").click();
    await p.getByTestId("write-error").waitFor({ timeout: 30_000 });
    const text = (await p.getByTestId("write-error").textContent()) ?? "";
    expect(text).toContain("受保护");
    expect(text.match(/「指标表」/g)).toHaveLength(1);
    expect(text).toContain("下面的问题清单仍然有效");
    expect(await p.getByTestId("finding").count()).toBeGreaterThan(3);
    await p.close();
  });

  describe("the review round in the pane (issue 8)", () => {
    let batch: Batch;
    let batchDir: string;
    beforeAll(async () => {
      batchDir = mkdtempSync(join(tmpdir(), "jixiao-pane-round-"));
      batch = await writeRoundBatch(batchDir, 1);
    }, 120_000);
    afterAll(() => rmSync(batchDir, { recursive: true, force: true }));

    /** A sheet of the fake workbook as rows of values. */
    const rowsOf = (p: Page, name: string) =>
      p.evaluate((n) => {
        const sheet = window.__jixiaoFakeBook?.sheets.find((s) => s.name === n);
        if (!sheet) return null;
        const rows: unknown[][] = [];
        for (const [k, c] of sheet.cells.entries()) {
          const [r, col] = k.split(",").map(Number);
          (rows[r] ??= [])[col] = c.value;
        }
        return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
      }, name);
    /** The acceptances stored in the state sheet (row 「accepted」, its JSON in the next cells). */
    const storedAccepted = async (p: Page): Promise<{ reason: string; fingerprint: string }[]> => {
      const rows = (await rowsOf(p, "_jixiao")) ?? [];
      const row = rows.find((r) => r[0] === "accepted");
      return row ? (JSON.parse(row.slice(1).filter((v) => typeof v === "string").join("")) as { items: { reason: string; fingerprint: string }[] }).items : [];
    };

    it("汇总多个报送文件: several submissions via the file input, one damaged; the reader loads only then; the consolidated sheets appear with the right totals", async () => {
      const p = await openPane();
      const requested: string[] = [];
      p.on("request", (r) => requested.push(r.url()));
      await p.getByTestId("batch").waitFor();
      expect(requested.some((u) => u.endsWith("/reader.js"))).toBe(false);
      const chosen = [batch.submissions.find((x) => x.layout === "list" && x.unit === "元"), batch.submissions.find((x) => x.layout === "combined"), batch.submissions.find((x) => x.layout === "form")].map((x) => x as NonNullable<typeof x>);
      await p.getByTestId("batch-files").setInputFiles([...chosen.map((x) => join(batchDir, x.file)), join(batchDir, batch.damaged)]);
      await p.getByTestId("batch-start").click();
      await p.getByTestId("batch-done").waitFor({ timeout: 60_000 });
      expect(requested.filter((u) => u.endsWith("/reader.js"))).toEqual([`${origin}/reader.js`]);
      const states = await p.getByTestId("batch-file").evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute("data-state")]));
      expect(states.map(([, st]) => st)).toEqual(["done", "done", "done", "failed"]);
      expect(states[3][0]).toContain(batch.damaged);
      expect(states[3][0]).toContain("文件无法读取");
      const done = (await p.getByTestId("batch-done").textContent()) ?? "";
      expect(done).toContain("已汇总 3 个文件");
      expect(done).toContain("1 个文件未汇总");
      const names = await p.evaluate(() => window.__jixiaoFakeBook?.sheets.map((s) => s.name));
      expect(names).toEqual(expect.arrayContaining(["项目表", "指标表", "汇总", "项目清单", "问题清单"]));
      // 项目清单: one row per project per submission, money in 万元 whatever the file's unit.
      const list = (await rowsOf(p, "项目清单")) ?? [];
      const head = list.findIndex((r) => r.includes("项目编码"));
      const codeCol = list[head].indexOf("项目编码");
      const budgetCol = list[head].indexOf("全年预算数（万元）");
      const expected = chosen.flatMap((x) => x.projects);
      const rows = list.slice(head + 1).filter((r) => expected.some((e) => e.code === r[codeCol]));
      expect(rows.map((r) => r[codeCol]).sort()).toEqual(expected.map((e) => e.code).sort());
      const sum = rows.reduce((a, r) => a + Number(r[budgetCol]), 0);
      expect(sum).toBeCloseTo(expected.reduce((a, e) => a + e.budget, 0), 2);
      // 汇总: the same totals.
      const summary = (await rowsOf(p, "汇总")) ?? [];
      const valueOf = (label: string) => summary.find((r) => r[0] === label)?.[1];
      expect(valueOf("报送文件数")).toBe(3);
      expect(valueOf("项目数")).toBe(expected.length);
      expect(Number(valueOf("全年预算数（万元）"))).toBeCloseTo(expected.reduce((a, e) => a + e.budget, 0), 2);
      // 问题清单 lists the damaged file nowhere as a finding, and the user's sheets are untouched.
      expect((await rowsOf(p, "项目表"))?.length).toBe(4);
      // Again, with two files: the first import's sheets are replaced, not added to.
      await p.getByTestId("batch-files").setInputFiles(chosen.slice(0, 2).map((x) => join(batchDir, x.file)));
      await p.getByTestId("batch-start").click();
      await p.getByTestId("batch-done").waitFor({ timeout: 60_000 });
      expect(await p.getByTestId("batch-done").textContent()).toContain("已汇总 2 个文件");
      const after = (await p.evaluate(() => window.__jixiaoFakeBook?.sheets.map((s) => s.name))) ?? [];
      expect(after.filter((n) => /^(汇总|项目清单|问题清单)/.test(n)).sort()).toEqual(["问题清单", "汇总", "项目清单"].sort());
      const again = (await rowsOf(p, "汇总")) ?? [];
      expect(again.find((r) => r[0] === "报送文件数")?.[1]).toBe(2);
      await p.close();
    }, 120_000);

    it("确认 needs a reason; with one it is stored, shown and counted apart, kept after a re-run; 撤销 removes it", async () => {
      const p = await openPane();
      await p.getByTestId("run").click();
      await p.getByTestId("summary").waitFor({ timeout: 30_000 });
      const errorsBefore = await countOf(p, "error");
      // From the keyboard: the list stays one tab stop; F2 reaches the chosen finding's 确认.
      await p.getByTestId("findings-list").focus();
      await p.keyboard.press("F2");
      expect(await p.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("review-accept");
      const target = p.getByTestId("finding").filter({ hasText: "指标「培训教师人次」的指标值为空" }).first();
      const severity = (await target.textContent())?.startsWith("错误") ? "error" : "warning";
      const before = await countOf(p, severity);
      await target.getByTestId("review-accept").click();
      // No reason: refused, with a message, nothing stored.
      await target.getByTestId("review-save").click();
      await target.getByTestId("review-error").waitFor();
      expect(await target.getByTestId("review-error").textContent()).toContain("请填写确认理由");
      expect(await storedAccepted(p)).toEqual([]);
      await target.getByTestId("review-reason").fill("目标值见项目任务书，按人次统计");
      await target.getByTestId("review-save").click();
      await p.getByTestId("count-accepted").waitFor();
      // Stored in the workbook, shown apart (out of the list, under its own chip), counted apart.
      expect((await storedAccepted(p)).map((a) => a.reason)).toEqual(["目标值见项目任务书，按人次统计"]);
      expect(await p.getByTestId("count-accepted").textContent()).toBe("已确认 1 条（不计入问题数）");
      expect(await countOf(p, severity)).toBe(before - 1);
      expect(await p.getByTestId("chip-accepted").textContent()).toBe("已确认 1");
      expect(await p.getByTestId("finding").filter({ hasText: "指标「培训教师人次」的指标值为空" }).count()).toBe(0);
      // Re-run: still accepted, and 校验结果 marks it.
      await p.getByTestId("run").click();
      await p.getByTestId("progress").waitFor({ state: "attached", timeout: 5_000 }).catch(() => undefined);
      await p.getByTestId("progress").waitFor({ state: "detached", timeout: 30_000 });
      await p.getByTestId("count-accepted").waitFor();
      expect(await p.getByTestId("chip-accepted").textContent()).toBe("已确认 1");
      expect(await countOf(p, "error")).toBe(severity === "error" ? errorsBefore - 1 : errorsBefore);
      const written = (await rowsOf(p, "校验结果")) ?? [];
      expect(written.flat()).toContain("已确认：目标值见项目任务书，按人次统计");
      await p.getByTestId("chip-accepted").click();
      const shown = p.getByTestId("finding").filter({ hasText: "指标「培训教师人次」的指标值为空" });
      expect(await shown.count()).toBe(1);
      expect(await shown.getByTestId("review-accepted").textContent()).toContain("已确认：目标值见项目任务书，按人次统计");
      // 撤销: back among the problems, gone from the workbook's state.
      await shown.getByTestId("review-revoke").click();
      await p.getByTestId("count-accepted").waitFor({ state: "detached" });
      expect(await storedAccepted(p)).toEqual([]);
      expect(await p.getByTestId("chip-accepted").textContent()).toBe("已确认 0");
      expect(await countOf(p, severity)).toBe(before);
      expect(pageErrors).toEqual([]);
      await p.close();
    }, 120_000);
  });

  it("asked the network for nothing but office.js through every step above", () => {
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
