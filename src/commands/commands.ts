/**
 * Ribbon commands 「检查」 and 「清除标记」: the same engine as the task pane, without opening it.
 * The outcome is in the workbook itself (highlights, 校验结果, 运行记录); a one-line status goes
 * to the console (a function command has no UI of its own).
 */
import { excelHost } from "../taskpane/excel";
import { describeError } from "../taskpane/errors";
import { t } from "../messages";

function notify(message: string): void {
  console.info(`[绩效助手] ${message}`);
}

export async function checkFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const out = await excelHost().check({});
    const count = { error: 0, warning: 0, info: 0 };
    for (const f of out.findings) count[f.severity]++;
    notify(t("ui.command.done", "zh-CN", count));
  } catch (e) {
    notify(describeError(e, "zh-CN"));
  } finally {
    event.completed();
  }
}

export async function clearFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await excelHost().clear();
    notify(t("ui.command.cleared", "zh-CN"));
  } catch (e) {
    notify(describeError(e, "zh-CN"));
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("checkWorkbook", checkFromRibbon);
    Office.actions.associate("clearMarks", clearFromRibbon);
  });
}
