/**
 * Ribbon commands 「检查」 and 「清除标记」: the same engine as the task pane, without opening it.
 * A function command has no window of its own, so the outcome — done with its counts, or what
 * went wrong, in Chinese — is shown in a small dialog (Office.context.ui.displayDialogAsync on
 * this same page, which then only shows the message); where the host gives no dialog, the
 * 「运行记录」 sheet is activated instead. Between stages — also between the stages of the
 * analysis itself (RunOptions.pause) — the command yields to Office, so that no single task runs
 * for long in the commands runtime (Office restarts an add-in that blocks).
 */
import { excelHost } from "../taskpane/excel";
import { officeSupports } from "../adapters/officejs/port";
import { describeError } from "../taskpane/errors";
import { t } from "../messages";
import type { PaneHost } from "../taskpane/host";
import type { RunOutcome } from "../engine/api";

/** What the commands need from Office: the host's engine calls and a way to show one message. */
export interface CommandDeps {
  host: Pick<PaneHost, "check" | "clear">;
  show(message: string, ok: boolean): Promise<void>;
  /** Whether the host has the notes API (ExcelApi 1.18); default: true. */
  notes?: boolean;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function checkedMessage(out: Pick<RunOutcome, "findings" | "stats" | "plan">): string {
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of out.findings) count[f.severity]++;
  const cells = new Set(out.findings.map((f) => `${f.sheet}!${f.cell}`)).size;
  return t("excel.command.checked", "zh-CN", { ...count, cells });
}

export async function runCheck(deps: CommandDeps): Promise<string> {
  let message: string;
  let ok = true;
  try {
    await pause();
    // The analysis of a county workbook (2,000 projects) runs about 1–2 s in one piece: it gives
    // Office a turn between its stages (reading, rules, scoring, results, the write plan).
    const out = await deps.host.check({ pause });
    message = checkedMessage(out);
    if (deps.notes === false && out.findings.length > 0) message += `\n${t("excel.notesSkipped", "zh-CN")}`;
  } catch (e) {
    ok = false;
    message = t("excel.command.failed", "zh-CN", { detail: describeError(e, "zh-CN") });
  }
  await pause();
  await deps.show(message, ok);
  return message;
}

export async function runClear(deps: CommandDeps): Promise<string> {
  let message: string;
  let ok = true;
  try {
    await pause();
    const stats = (await deps.host.clear()) as { actions: number; notesKept?: number };
    message = stats.actions === 0 ? t("excel.command.nothing", "zh-CN") : t("excel.command.cleared", "zh-CN");
    if (stats.notesKept) message += `\n${t("excel.notesKept", "zh-CN", { n: stats.notesKept })}`;
  } catch (e) {
    ok = false;
    message = t("excel.command.failed", "zh-CN", { detail: describeError(e, "zh-CN") });
  }
  await pause();
  await deps.show(message, ok);
  return message;
}

/** The outcome in a small dialog (this page with ?message=…); else 「运行记录」 activated. */
export async function showOutcome(message: string): Promise<void> {
  const url = `${location.origin}${location.pathname}?message=${encodeURIComponent(message)}`;
  // Resolves when the user has closed the dialog (the command completes only then, or Office
  // would close it with the command's runtime); false when no dialog could be opened.
  const opened = await new Promise<boolean>((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true }, (r) => {
        if (r.status !== Office.AsyncResultStatus.Succeeded) return resolve(false);
        const dialog = r.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve(true);
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve(true));
      });
    } catch {
      resolve(false);
    }
  });
  if (opened) return;
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(t("sheets.log.name", "zh-CN"));
      await context.sync();
      if (!ws.isNullObject) {
        ws.activate();
        await context.sync();
      }
    });
  } catch {
    // Nothing more to show it with: the outcome is in the workbook (校验结果, 运行记录).
  }
  console.info(`[绩效助手] ${message}`);
}

function deps(): CommandDeps {
  return { host: excelHost(), show: (m) => showOutcome(m), notes: officeSupports("ExcelApi", "1.18") };
}

export async function checkFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runCheck(deps());
  } finally {
    event.completed();
  }
}

export async function clearFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runClear(deps());
  } finally {
    event.completed();
  }
}

/** In the dialog: this page shows the message it was opened with, and a close button. */
export function renderMessage(doc: Document, message: string): void {
  doc.title = t("excel.command.title", "zh-CN");
  const p = doc.createElement("p");
  p.style.cssText = "font: 14px 'Microsoft YaHei', sans-serif; white-space: pre-wrap; margin: 16px;";
  p.textContent = message;
  const button = doc.createElement("button");
  button.textContent = t("excel.command.close", "zh-CN");
  button.style.margin = "0 16px";
  button.onclick = () => Office.context.ui.messageParent("close");
  doc.body.append(p, button);
}

if (typeof Office !== "undefined" && typeof location !== "undefined") {
  const message = new URLSearchParams(location.search).get("message");
  void Office.onReady(() => {
    if (message !== null) renderMessage(document, message);
    else {
      Office.actions.associate("checkWorkbook", checkFromRibbon);
      Office.actions.associate("clearMarks", clearFromRibbon);
    }
  });
}
