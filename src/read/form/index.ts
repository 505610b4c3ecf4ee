/**
 * readForms: a workbook of forms (绩效目标表 / 自评表 / 监控表, contract.md "Inputs" layout 2)
 * → the model. One form per 项目名称 label; several forms may follow each other on a sheet.
 *
 * Detections: one per form, role "combined", headerRow = the indicator grid's header row
 * (the 项目名称 row when the form has no grid). `columns` holds indicator fields → column
 * letter (三级指标 under 「indicatorName」, as on a combined list sheet) and project fields →
 * the A1 ADDRESS of their value cell (「name」→「B3」, 「budget」→「E6」): a form has no
 * project column, so the address says where each value was read.
 *
 * Never throws on odd input; returns null when the workbook holds no form.
 */
import type { WorkbookSnapshot } from "../../core/grid";
import { OWN_SHEET_NAMES } from "../../core/state";
import { INDICATOR_FIELDS, PROJECT_FIELDS } from "../../model/fields";
import { emptyModel, type Mode, type ModelBook } from "../../model/model";
import type { Rulebook } from "../../rulebook/schema";
import { gridOf } from "../grid";
import { buildSynonymIndex } from "../synonyms";
import { formColumns, locateForms, readForm, type FormCtx } from "./form";
import { resolveYearlessDates } from "../deadlines";

export { locateForms, findGridHeader, readForm, formColumns, type FormBounds, type FormRead, type GridHeader } from "./form";
export { classifyLabel, isNameAnchor, yearFromText, type FormLabel } from "./labels";

/** Sheets the add-in writes itself (the pipeline drops them too; listed here so readForms is safe alone). */
const OWN_SHEETS = new Set(OWN_SHEET_NAMES);

export function readForms(book: WorkbookSnapshot, rulebook: Rulebook): ModelBook | null {
  const model: ModelBook = emptyModel(book.name, "form", rulebook.defaultUnit);
  const ctx: FormCtx = {
    rulebook,
    idx: buildSynonymIndex(rulebook.synonyms),
    model,
    bookUnit: null,
    seen: new Set(),
    usedIds: new Set(),
    projectFields: new Set(),
    indicatorFields: new Set(),
    year: null,
    looseYear: null,
    asOf: null,
  };
  for (const sheet of book.sheets) {
    if (OWN_SHEETS.has(sheet.name)) continue;
    if (sheet.visibility === "hidden" || sheet.visibility === "veryHidden") continue;
    const grid = gridOf(sheet);
    let top = 0;
    for (const bounds of locateForms(grid, ctx.idx)) {
      const read = readForm(ctx, grid, bounds, top);
      if (!read) continue;
      top = read.next;
      model.projects.push(read.project);
      model.detections.push({
        sheet: sheet.name,
        role: "combined",
        headerRow: (read.gridHeader?.row ?? bounds.anchorRow) + 1,
        columns: formColumns(read),
        unit: read.unit,
      });
    }
  }
  if (!model.projects.length) return null;
  model.unit = ctx.bookUnit ?? rulebook.defaultUnit;
  model.projectFields = PROJECT_FIELDS.filter((f) => ctx.projectFields.has(f));
  model.indicatorFields = INDICATOR_FIELDS.filter((f) => ctx.indicatorFields.has(f));
  model.year = ctx.year ?? ctx.looseYear;
  model.asOfInSheet = ctx.asOf;
  const modes: Mode[] = ["目标审核"];
  if (ctx.indicatorFields.has("actual") && ctx.projectFields.has("spent")) modes.push("绩效自评");
  if (ctx.indicatorFields.has("current") || ctx.projectFields.has("cumulativeSpent")) modes.push("运行监控");
  model.modes = modes;
  resolveYearlessDates(model);
  return model;
}
