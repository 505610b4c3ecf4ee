/**
 * Monitoring exports in list layout with the 136号 two-row header: 完成目标可能性 merged over
 * 确定能 | 有可能 | 完全不可能, and 偏差原因（分析） over 经费保障 | 制度保障 | 人员保障 | 硬件条件保障 |
 * 其他, one indicator per row, marked with 「√」 or a text. The header detection sees no column
 * for these fields (their own header row holds only the options); this pass reads them per
 * indicator row, as the form reader does, so that M004 / M005 work on them as on one column.
 * A field the detection found in a single column elsewhere is left as it is; one it took from the
 * group's first option column (its head sits above) is read from the whole group instead.
 */
import type { WorkbookSnapshot } from "../core/grid";
import { lettersToCol, toA1 } from "../core/address";
import type { ModelBook } from "../model/model";
import { CHOICE_FIELDS, composeChoice, unmarked, type ChoiceColumn, type ChoiceField } from "./choices";
import { gridOf, MergedGrid } from "./grid";
import { normaliseHeader, squeezeText } from "./header";
import { matchIndicatorHeader, type SynonymIndex } from "./synonyms";

/** Quick test of the band row before a merge map is built: does it name either field at all? */
const MAY_NAME = /可能性|原因/;

export function readListChoices(book: WorkbookSnapshot, model: ModelBook, idx: SynonymIndex): void {
  for (const d of model.detections) {
    if (d.role !== "indicators" && d.role !== "combined") continue;
    const sheet = book.sheets.find((s) => s.name === d.sheet);
    if (!sheet) continue;
    // The heads sit in the detected header row with the options under it, or (when the options
    // row was taken as the header) in the row above.
    const h = d.headerRow - 1;
    let groups = new Map<ChoiceField, ChoiceColumn[]>();
    let grid: MergedGrid | null = null;
    for (const [band, head] of [[h, h + 1], [h - 1, h]]) {
      if (band < 0 || !(sheet.values[band] ?? []).some((v) => typeof v === "string" && MAY_NAME.test(v))) continue;
      grid = grid ?? gridOf(sheet);
      groups = choiceGroups(grid, band, head, d.columns, idx);
      if (groups.size) break;
    }
    if (!grid || !groups.size) continue;
    const g = grid;
    for (const field of groups.keys()) if (!model.indicatorFields.includes(field)) model.indicatorFields.push(field);
    for (const p of model.projects) {
      for (const ind of p.indicators) {
        if (ind.origin.sheet !== d.sheet) continue;
        const r = ind.origin.row - 1;
        for (const [field, subs] of groups) {
          const marked = subs.filter((s) => !unmarked(g.raw(r, s.col))).map((s) => ({ label: s.label, col: s.col, value: g.raw(r, s.col) }));
          // An error value in an option is not an answer: it is reported (D007) once.
          const isErr = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;
          for (const m of marked) {
            const cell = toA1(r, m.col);
            if (isErr(m.value) && !model.cellErrors.some((e) => e.sheet === d.sheet && e.cell === cell)) model.cellErrors.push({ sheet: d.sheet, cell, field, error: m.value.error, projectId: p.id });
          }
          const answers = marked.filter((m) => !isErr(m.value));
          const at = answers[0]?.col ?? subs[0].col;
          ind.origin.cells[field] = toA1(r, at);
          ind.origin.raw[field] = g.raw(r, at);
          const text = composeChoice(field, answers);
          ind[field] = text === "" ? null : text;
        }
      }
    }
  }
}

/** The merged 完成目标可能性 / 偏差原因 heads of row `band` and their option headings in row `head`. */
function choiceGroups(grid: MergedGrid, band: number, head: number, columns: Record<string, string>, idx: SynonymIndex): Map<ChoiceField, ChoiceColumn[]> {
  const groups = new Map<ChoiceField, ChoiceColumn[]>();
  if (head >= grid.rows) return groups;
  for (let c = 0; c < grid.cols; c++) {
    const [or, oc] = grid.origin(band, c);
    if (or !== band || oc !== c) continue;
    let right = c;
    while (right + 1 < grid.cols && grid.sameMerge(band, c, band, right + 1)) right++;
    const f = matchIndicatorHeader(normaliseHeader(grid.text(band, c)).key, idx);
    const field = CHOICE_FIELDS.find((x) => x === f);
    const detected = field && field in columns ? lettersToCol(columns[field]) : null;
    if (field && right > c && (detected === null || (detected >= c && detected <= right)) && !groups.has(field)) {
      const subs: ChoiceColumn[] = [];
      for (let k = c; k <= right; k++) {
        const [hr, hc] = grid.origin(head, k);
        const label = hr === head && hc === k ? squeezeText(grid.text(head, k)) : "";
        if (label) subs.push({ col: k, label });
      }
      if (subs.length >= 2) groups.set(field, subs);
    }
    c = right;
  }
  return groups;
}
