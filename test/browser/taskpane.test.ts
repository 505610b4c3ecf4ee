/**
 * The task pane in real headless Chromium (Debian's /usr/bin/chromium via playwright-core).
 *
 * Builds the pane with webpack (development, with the in-memory Excel harness) into a temp
 * dir, serves it on 127.0.0.1, blocks every other request (office.js from the CDN included:
 * nothing leaves the machine), then drives the UI: 开始检查 → summary and findings, a finding
 * click selects its cell, an invalid rulebook shows its path and a Chinese message, English
 * toggle, 清除标记. A screenshot is written to $JIXIAO_SCREENSHOT_DIR (default: the temp dir).
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
  const config = await makeConfig({ harness: true, outDir }, { mode: "development" });
  config.devtool = false;
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

describeBrowser("task pane in headless Chromium", () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-pane-"));
    await build(dir);
    server = await serve(dir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    });
    page = await browser.newPage({ viewport: { width: 420, height: 1100 }, locale: "zh-CN" });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${origin}/taskpane.html`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir && !process.env.JIXIAO_KEEP_BUILD) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the pane in preview, Chinese first, without loading office.js", async () => {
    await page.getByTestId("run").waitFor();
    expect(await page.getByTestId("run").textContent()).toBe("开始检查");
    expect(await page.getByTestId("clear").textContent()).toBe("清除标记");
    expect(await page.getByTestId("preview").textContent()).toContain("预览模式");
    expect(blocked.some((u) => u.includes("appsforoffice.microsoft.com"))).toBe(true);
    expect(blocked.every((u) => !u.startsWith(origin))).toBe(true);
  });

  it("runs a check on the injected workbook and shows the summary and findings", async () => {
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    const errors = await page.getByTestId("count-error").textContent();
    expect(errors).toMatch(/^错误 [1-9]\d*$/);
    const findings = page.getByTestId("finding");
    expect(await findings.count()).toBeGreaterThan(3);
    const text = await page.getByTestId("findings").textContent();
    expect(text).toContain("指标「培训教师人次」的指标值为空");
    expect(text).toContain("建议：");
    // What was found: both sheets with their header rows.
    const found = await page.getByTestId("found").textContent();
    expect(found).toContain("工作表「项目表」：项目表，表头在第 2 行");
    expect(found).toContain("年度指标值");
    // The run wrote into the (in-memory) workbook through the Office.js adapter.
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
    const sel = await page.evaluate(() => window.__jixiaoFakeBook?.selection);
    expect(sel).toEqual({ sheet: m?.[1], address: m?.[2] });
  });

  it("re-checks with a column correction, and undoes it", async () => {
    const goalFinding = "年度总体目标「进一步提升教师培训质量」";
    expect(await page.getByTestId("findings").textContent()).toContain(goalFinding);
    // 项目表 has no 年度总体目标 column, says the user: the goal rule has nothing to check.
    await page.getByTestId("correct-field").selectOption("goal");
    await page.getByTestId("correct-apply").click();
    await page.getByText("已保存的更正：1 项").waitFor({ timeout: 30_000 });
    await page.waitForFunction((text) => !document.querySelector('[data-testid="findings"]')?.textContent?.includes(text), goalFinding);
    expect(await page.getByTestId("found").textContent()).not.toContain("年度总体目标H"); // the mapping table row
    await page.getByText("撤销全部更正").click();
    await page.waitForFunction((text) => document.querySelector('[data-testid="findings"]')?.textContent?.includes(text), goalFinding, { timeout: 30_000 });
    expect(await page.getByText("已保存的更正").count()).toBe(0);
  });

  it("refuses an invalid rulebook with its path and a Chinese message", async () => {
    await page.getByTestId("rulebook-file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ scoring: { grades: "优" } })) });
    const error = page.getByTestId("error");
    await error.waitFor();
    const text = (await error.textContent()) ?? "";
    expect(text).toContain("scoring.grades");
    expect(text).toMatch(/规则库无效/);
  });

  it("switches to English, and takes a screenshot", async () => {
    await page.getByTestId("lang").click();
    expect(await page.getByTestId("run").textContent()).toBe("Check workbook");
    expect(await page.getByTestId("count-error").textContent()).toMatch(/^\d+ errors$/);
    expect(await page.getByTestId("findings").textContent()).toContain("Suggestion:");
    const out = process.env.JIXIAO_SCREENSHOT_DIR ?? tmpdir();
    await page.screenshot({ path: join(out, "jixiao-taskpane-en.png"), fullPage: true });
    await page.getByTestId("lang").click();
    expect(await page.getByTestId("run").textContent()).toBe("开始检查");
    await page.screenshot({ path: join(out, "jixiao-taskpane.png"), fullPage: true });
    expect(existsSync(join(out, "jixiao-taskpane.png"))).toBe(true);
  });

  it("clears the marks and leaves the user's sheets only", async () => {
    await page.getByTestId("clear").click();
    await page.getByTestId("info").waitFor({ timeout: 30_000 });
    const sheets = await page.evaluate(() => window.__jixiaoFakeBook?.sheets.map((s) => s.name));
    expect(sheets).toEqual(["项目表", "指标表"]);
    expect(await page.getByTestId("summary").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("checks in monitoring mode with an as-of date and another preset", async () => {
    await page.getByTestId("preset").selectOption("five-grade");
    await page.getByTestId("as-of").fill("2024-07-31");
    await page.getByTestId("run").click();
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("found").textContent()).toContain("运行监控");
    // The state sheet's rows are `key | json…`; the rulebook row remembers the chosen preset.
    const state = await page.evaluate(() => {
      const sheet = window.__jixiaoFakeBook?.sheets.find((s) => s.name === "_jixiao");
      for (let r = 0; r < 5; r++) if (sheet?.cells.get(`${r},0`)?.value === "rulebook") return sheet.cells.get(`${r},1`)?.value;
      return null;
    });
    expect(String(state)).toContain('"preset":"five-grade"');
    expect(pageErrors).toEqual([]);
  });

  it("asked the network for nothing but office.js through every step above", () => {
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
  });
});
