import type { Section } from "../types";

/** English strings of the standalone page (section standalone). UI strings have no hint. */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "standalone.title": m("Workbooks"),
  "standalone.intro": m("Checks in the browser, with nothing to install and no network: the files never leave this computer. The originals are never changed; the results come as copies to download."),
  "standalone.choose": m("Choose workbooks…"),
  "standalone.drop": m("or drop .xlsx / .xlsm files here (several at once)"),
  "standalone.files": m("{n} files chosen"),
  "standalone.remove": m("Remove"),
  "standalone.removeAll": m("Remove all"),
  "standalone.size": m("{kb} KB"),
  "standalone.status.waiting": m("Not checked yet"),
  "standalone.status.checking": m("Checking…"),
  "standalone.status.checked": m("{projects} projects · {error} errors · {warning} warnings · {info} notes"),
  "standalone.status.cleared": m("Marks of the earlier check removed"),
  "standalone.download.checked": m("Download the checked copy"),
  "standalone.download.cleared": m("Download the copy without marks"),
  "standalone.download.all": m("Download all copies (.zip)"),
  "standalone.download.report": m("Download the JSON report"),
  "standalone.round.summaryName": m("本轮审核汇总"),
  "standalone.download.summary": m("Download the round summary workbook"),
  "standalone.download.feedback": m("Download the departments' feedback workbooks ({n}, .zip)"),
  "standalone.download.everything": m("Download everything (.zip)"),
  "standalone.downloads": m("Downloads"),
  "standalone.rejected": m("Not added (not .xlsx / .xlsm files): {names}"),
  "standalone.wps": m("Open the downloaded copy in WPS or Excel to see the result columns, highlights, notes and the 校验结果 and 领导汇总 sheets; to remove the marks, choose that copy here and press Clear marks."),
  "standalone.error.noFiles": m("Choose the workbooks (.xlsx) to check first."),
  "standalone.error.unreadable": m("cannot read {file}: not a valid .xlsx file ({reason})"),
  "standalone.error.noProjects": m("{file} has no project sheet (a sheet with a 项目名称 or 项目编码 column)"),
  "standalone.error.worker": m("The checking engine could not start: {detail}"),
  "standalone.previous.label": m("Last round's summary (optional)"),
  "standalone.previous.help": m("From the second round on: choose last round's 「本轮审核汇总」 workbook (or the 汇总.xlsx written by jixiao check --summary), or its JSON report; every finding is then marked new, still there or fixed, and findings accepted in last round's 问题清单 stay accepted."),
  "standalone.previous.choose": m("Choose last round's summary…"),
  "standalone.previous.remove": m("Do not use last round's summary"),
  "standalone.previous.chosen": m("Last round's summary: {file}"),
  "standalone.previous.rejected": m("{file} not used: last round's summary must be an .xlsx workbook or a .json report"),
  "standalone.previous.notJson": m("not valid JSON"),
  "standalone.previous.notXlsx": m("not a valid .xlsx file"),
};

export default section;
