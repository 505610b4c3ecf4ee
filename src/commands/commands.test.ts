/**
 * The ribbon commands show their outcome: a dialog with the counts or the error in Chinese, or —
 * where the host opens no dialog — the 「运行记录」 sheet activated. Office and Excel are fakes.
 */
import { runCheck, runClear, showOutcome, type CommandDeps } from "./commands";
import { OfficeJsPort } from "../adapters/officejs/port";
import { asExcelContext, FakeRequestContext } from "../adapters/officejs/fake/excel";
import { makeBook } from "../adapters/officejs/fake/book";
import { checkWorkbook, clearWorkbook } from "../engine/pipeline";
import { INDICATORS, PROJECTS } from "../../test/browser/workbook";

const NOW = new Date("2025-01-15T08:00:00Z");
const g = globalThis as unknown as Record<string, unknown>;

interface Shown {
  url: string;
  closed: boolean;
}

function fakeOffice(dialogs: boolean): Shown[] {
  const shown: Shown[] = [];
  g.location = { origin: "https://jixiao.example", pathname: "/commands.html", search: "" };
  g.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      ui: {
        displayDialogAsync(url: string, _opts: unknown, cb: (r: unknown) => void) {
          if (!dialogs) return cb({ status: "failed", error: { code: 12007 } });
          const s: Shown = { url, closed: false };
          shown.push(s);
          const handlers: Record<string, () => void> = {};
          cb({ status: "succeeded", value: { addEventHandler: (t: string, h: () => void) => (handlers[t] = h), close: () => (s.closed = true) } });
          // The user presses 关闭: the page messages its parent.
          setTimeout(() => handlers.dialogMessageReceived?.(), 0);
        },
      },
    },
  };
  return shown;
}

function workbook(apiVersion = 18) {
  const fake = new FakeRequestContext(makeBook("c.xlsx", [PROJECTS, INDICATORS]), { apiVersion });
  g.Excel = { run: (f: (c: Excel.RequestContext) => Promise<unknown>) => f(asExcelContext(fake)) };
  const port = new OfficeJsPort(asExcelContext(fake), { supports: (s, v) => fake.supports(s, v) });
  const host: CommandDeps["host"] = { check: (o) => checkWorkbook(port, { ...o, now: NOW }), clear: () => clearWorkbook(port) };
  return { fake, host };
}

beforeEach(() => {
  // Where no dialog opens, the outcome also goes to the console: keep the test output clean.
  jest.spyOn(console, "info").mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
  delete g.Office;
  delete g.Excel;
  delete g.location;
});

describe("ribbon commands", () => {
  it("show the check's counts in a dialog and complete after it is closed", async () => {
    const shown = fakeOffice(true);
    const { host } = workbook();
    const message = await runCheck({ host, show: (m) => showOutcome(m) });
    expect(message).toMatch(/^检查完成：错误 \d+ 条，警告 \d+ 条，提示 \d+ 条，标记了 \d+ 个单元格/);
    expect(shown).toHaveLength(1);
    expect(decodeURIComponent(new URL(shown[0].url).searchParams.get("message") ?? "")).toBe(message);
    expect(shown[0].closed).toBe(true);
    const cleared = await runClear({ host, show: (m) => showOutcome(m) });
    expect(cleared).toContain("已清除标记");
  });

  it("show an error in Chinese, naming the protected sheet", async () => {
    fakeOffice(true);
    const { host, fake } = workbook();
    fake.book.sheets[1].protected = true;
    const shown: string[] = [];
    const message = await runCheck({ host, show: async (m, ok) => void shown.push(`${ok}:${m}`) });
    expect(message).toBe("绩效助手没有完成：工作表「指标表」受保护，没有写入任何内容。请先撤销该表的保护（审阅 → 撤销工作表保护），再重试。");
    expect(shown).toEqual([`false:${message}`]);
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["项目表", "指标表"]);
  });

  it("activate 「运行记录」 where the host opens no dialog", async () => {
    const shown = fakeOffice(false);
    const { host, fake } = workbook();
    await runCheck({ host, show: (m) => showOutcome(m) });
    expect(shown).toHaveLength(0);
    expect(fake.book.activeSheet).toBe("运行记录");
  });

  it("give Office a turn between the stages of the analysis, with the same findings as in one piece", async () => {
    fakeOffice(true);
    const { host } = workbook();
    const turns: string[] = [];
    const stages: string[] = [];
    let paused: Awaited<ReturnType<CommandDeps["host"]["check"]>> | null = null;
    const counting: CommandDeps["host"] = {
      check: async (o) =>
        (paused = await host.check({
          ...o,
          onProgress: (stage) => stages.push(stage),
          pause: async () => {
            turns.push(stages[stages.length - 1] ?? "");
            await o.pause?.();
          },
        })),
      clear: host.clear,
    };
    const message = await runCheck({ host: counting, show: async () => undefined });
    // After reading the tables, the D/T rules, the scores, and the looks (before the write plan).
    expect(turns).toEqual(["识别表格", "检查规则", "评分", "写回结果"]);
    const fresh = workbook();
    const once = await checkWorkbook(new OfficeJsPort(asExcelContext(fresh.fake), { supports: (s, v) => fresh.fake.supports(s, v) }), { now: NOW });
    expect(paused!.findings).toEqual(once.findings);
    expect(paused!.plan).toEqual(once.plan);
    expect(message).toBe(await runCheck({ host: { check: async () => once, clear: host.clear }, show: async () => undefined }));
  });

  it("say so where the host has no notes API (ExcelApi 1.18)", async () => {
    fakeOffice(true);
    const { host, fake } = workbook(17);
    const message = await runCheck({ host, show: async () => undefined, notes: false });
    expect(message).toContain("本版 Excel 不支持批注接口（需要 ExcelApi 1.18）");
    expect(fake.book.sheets.every((s) => s.notes.size === 0)).toBe(true);
    const cleared = await runClear({ host, show: async () => undefined, notes: false });
    expect(cleared).toContain("已清除标记");
  });
});
