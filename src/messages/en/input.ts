import type { Section } from "../types";

/**
 * English messages about the input itself: the state sheet checked against the workbook, the
 * rulebook used, converted files, command-line errors, and the reader's D010–D012.
 */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "sheets.log.notice": m("Please note"),

  "notice.state.row": m("The add-in's record sheet (hidden sheet _jixiao) has a damaged row 「{key}」; it was ignored."),
  "notice.state.run": m("The record of the last check in the add-in's record sheet has the wrong shape and was ignored: what the last check wrote is not cleared automatically."),
  "notice.state.mapping": m("The column corrections saved in the add-in's record sheet have the wrong shape and were ignored; correct the columns again under 识别结果 if needed."),
  "notice.state.records": m("{count} entries of the last check's record have the wrong shape and were ignored."),
  "notice.left.blocks": m("The result columns {ranges} written last time were changed or cannot be found as written; so as not to delete your data they were not cleared. Check them and delete them by hand."),
  "notice.left.sheets": m("Sheet {sheets} is recorded as made by the add-in but no longer holds what it wrote (renamed, edited or from another workbook); it was not deleted."),
  "notice.left.highlights": m("{count} cells highlighted last time have changed or cannot be checked ({cells}); their original fill and note were not put back."),
  "notice.more": m("{list} and {count} in all"),
  "notice.rulebook.option": m("Rulebook: the one given for this run, “{preset}”, version {version}."),
  "notice.rulebook.workbook": m("Rulebook: the one stored in the workbook, “{preset}”, version {version}."),
  "notice.rulebook.preset": m("Rulebook: the default preset, “{preset}”, version {version}."),
  "notice.rulebook.invalid": m("The rulebook stored in the workbook is invalid and was not used; the default preset, “{preset}”, was used instead: {reason}"),
  "notice.converted": m("{file} is in {format} format; it was converted to .xlsx and checked, and the checked copy is saved as .xlsx."),
  "format.xls": m("Excel 97–2003 (.xls)"),
  "format.et": m("WPS Spreadsheets (.et)"),
  "format.ods": m("OpenDocument spreadsheet (.ods)"),

  "cli.out.notDir": m("--out points at a file, not a folder: {path}"),
  "cli.out.cannot": m("cannot create the output folder {path}: {reason}"),
  "cli.json.noDir": m("cannot write the JSON report {path}: folder {dir} does not exist"),
  "cli.json.isDir": m("cannot write the JSON report: {path} is a folder"),
  "cli.json.cannot": m("cannot write the JSON report {path}: {reason}"),
  "cli.rules.notObject": m("the rulebook must be a JSON object ({path})"),
  "cli.input.encrypted": m("{file} is password-protected (encrypted) and cannot be read; remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password) and check it again"),
  "cli.input.legacy": m("cannot read {file}: the {format} file is damaged or not supported; save it as .xlsx in Excel or WPS and check it again"),
  "cli.input.notXlsx": m("cannot read {file}: not a valid .xlsx file"),
  "cli.input.oversize": m("cannot read {file}: a part of it unpacks to more than its stated size (a damaged file, or a zip bomb); it was not checked"),
  "cli.input.unknown": m("cannot read {file}: not an Excel workbook (.xlsx, .xls, .et and .ods are read)"),

};

export default section;
