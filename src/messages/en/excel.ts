import type { Section } from "../types";

/** English messages of the add-in inside Excel: protection, request size, host versions, ribbon outcome (section excel). */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "excel.protected.sheet": m("The sheet “{sheet}” is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again."),
  "excel.protected.workbook": m("The workbook structure is protected (no sheet can be added or deleted); nothing was written. Unprotect the workbook (Review → Protect Workbook) and try again."),
  "excel.payload": m("Excel refused a request as too large, even split into smaller parts. The workbook was not left half-changed: try again, or check the sheets one by one."),
  "excel.notesKept": m("This Excel has no notes API (ExcelApi 1.18: Microsoft 365 or Excel on the web): {n} notes the add-in wrote earlier could not be removed. They are recorded in the workbook: 「清除标记」 in an Excel with notes removes them."),
  "excel.notesSkipped": m("This Excel has no notes API (ExcelApi 1.18): the findings are in 「校验结果」 only; no cell notes were written and your own notes were not touched."),
  "excel.command.checked": m("Check done: {error} errors, {warning} warnings, {info} infos; {cells} cells marked. See 「校验结果」."),
  "excel.command.cleared": m("Marks cleared: the cells' fills and notes are restored, the result columns and sheets removed."),
  "excel.command.nothing": m("There are no marks to clear."),
  "excel.command.failed": m("Jixiao did not finish: {detail}"),
  "excel.command.title": m("Jixiao"),
  "excel.command.close": m("Close"),
};

export default section;
