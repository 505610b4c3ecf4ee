import type { Section } from "../types";

/** English task pane strings of the review round: accepting findings and consolidating submissions. */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "ui.review.accept": m("Accept"),
  "ui.review.acceptTitle": m("Accept as needing no change (a reason is required)"),
  "ui.review.revoke": m("Revoke"),
  "ui.review.reason": m("Reason for accepting"),
  "ui.review.reasonPlaceholder": m("e.g. the baseline follows last year's actual; checked with the division, no change needed"),
  "ui.review.save": m("Save"),
  "ui.review.cancel": m("Cancel"),
  "ui.review.reasonRequired": m("Please give a reason: accepting a finding needs to say why it needs no change."),
  "ui.review.accepted": m("Accepted: {reason}"),
  "ui.review.acceptedMeta": m("accepted {at}"),
  "ui.review.changed": m("Still there: the values changed after it was accepted, please check again (earlier reason: {reason})"),
  "ui.review.saved": m("Accepted and saved in this workbook; after the next check 校验结果 shows it as accepted."),
  "ui.review.revoked": m("Acceptance revoked: the finding counts as a problem again."),
  "ui.review.saveFailed": m("The acceptance could not be saved in the workbook: {reason}"),
  "ui.review.chip": m("Accepted {n}"),
  "ui.review.summary": m("{n} accepted (not counted as problems)"),
  "ui.review.changedSummary": m("{n} changed since accepted"),
  "ui.status.accepted": m("Accepted"),
  "ui.batch.title": m("Consolidate several submissions"),
  "ui.batch.help": m("Choose the departments' submitted workbooks (.xlsx / .xlsm, several at once). Each is checked here, one by one, and left unchanged; the consolidated sheets 汇总, 项目清单 and 问题清单 are written into the open workbook (renamed if the names are taken)."),
  "ui.batch.choose": m("Choose submissions"),
  "ui.batch.chosen": m("{n} files chosen"),
  "ui.batch.start": m("Consolidate"),
  "ui.batch.loading": m("Loading the reader…"),
  "ui.batch.loadFailed": m("The reader could not be loaded: {reason}"),
  "ui.batch.waiting": m("waiting"),
  "ui.batch.reading": m("reading"),
  "ui.batch.checking": m("checking"),
  "ui.batch.done": m("done: {projects} projects, {findings} findings"),
  "ui.batch.failed": m("not consolidated: {reason}"),
  "ui.batch.notXlsx": m("not an .xlsx / .xlsm file"),
  "ui.batch.unreadable": m("the file cannot be read ({reason})"),
  "ui.batch.noProjects": m("no project sheet found"),
  "ui.batch.checkFailed": m("the check failed ({reason})"),
  "ui.batch.nothing": m("Nothing to consolidate: none of the chosen files could be read or has a project sheet."),
  "ui.batch.writing": m("Writing the consolidated sheets…"),
  "ui.batch.written": m("Consolidated {files} files ({departments} departments, {projects} projects, budget {budget} 万元) into the sheets 「{summary}」, 「{projects_sheet}」 and 「{findings_sheet}」."),
  "ui.batch.someFailed": m("{n} files were not consolidated; see the list above."),
  "ui.batch.writeFailed": m("The consolidated sheets could not be written: {reason}"),
  "ui.batch.line": m("{file}: {state}"),
};

export default section;
