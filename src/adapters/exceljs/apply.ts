/**
 * Applies a WritePlan to an ExcelJS workbook (the headless side of `WorkbookPort.applyPlan`),
 * and reads the looks (fill, note) of cells before they are highlighted.
 *
 * - Strings are written as plain values: ExcelJS stores them as text, never as formulas,
 *   whatever they start with (=, +, -, @).
 * - ExcelJS shares style objects between cells (and caches style ids by object identity):
 *   a cell's style is always replaced by a modified copy, never changed in place.
 * - ExcelJS cannot draw charts: a `chart` action becomes data bars on the chart's value
 *   column, with the chart's title written at its anchor cell.
 */
import ExcelJS from "exceljs";
import type { ApplyStats, CellFormat, CellLookRequest, CellLooks, PlanAction, PlanValue, WritePlan } from "../../core/plan";
import { fromA1, parseRange, quoteSheet, rangeToA1, type CellRange } from "../../core/address";
import { installInternalLinkFix } from "./links";

installInternalLinkFix();

type Style = Partial<ExcelJS.Style>;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`write plan names a sheet that does not exist: ${name}`);
  return ws;
}

function eachCell(ws: ExcelJS.Worksheet, r: CellRange, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(ws.getCell(row + 1, col + 1));
}

/** Replace a cell's style by a copy with `change` applied (never mutate a shared style). */
function restyle(cell: ExcelJS.Cell, change: (s: Style) => void): void {
  const s: Style = { ...(cell.style as Style) };
  change(s);
  cell.style = s as ExcelJS.Style;
}

const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FFBFBFBF" } };

function applyFormat(s: Style, f: CellFormat): void {
  if (f.fill !== undefined) {
    if (f.fill === null) delete s.fill;
    else s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  }
  if (f.fontColor !== undefined || f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(s.font ?? {}) };
    if (f.fontColor !== undefined) font.color = { argb: argb(f.fontColor) };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    s.font = font;
  }
  if (f.numberFormat !== undefined) s.numFmt = f.numberFormat;
  if (f.wrap !== undefined || f.horizontal !== undefined || f.vertical !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...(s.alignment ?? {}) };
    if (f.wrap !== undefined) al.wrapText = f.wrap;
    if (f.horizontal !== undefined) al.horizontal = f.horizontal;
    if (f.vertical !== undefined) al.vertical = f.vertical;
    s.alignment = al;
  }
  if (f.border !== undefined) {
    if (f.border) s.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    else delete s.border;
  }
}

function removeNote(cell: ExcelJS.Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: Record<string, unknown> } };
  c._comment = undefined;
  // A cell loaded from a file also keeps its comment in the loaded value model.
  const model = c._value?.model;
  if (model && typeof model === "object" && "comment" in model) delete model.comment;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const isEmptyObject = (v: unknown) => typeof v === "object" && v !== null && Object.keys(v).length === 0;

/** A font with nothing set but name, size, family, scheme, charset and a theme colour: the workbook's default. */
function plainFont(f: unknown): boolean {
  if (typeof f !== "object" || f === null) return false;
  const o = f as Record<string, unknown>;
  const allowed = new Set(["name", "size", "family", "scheme", "charset", "color"]);
  if (Object.keys(o).some((k) => !allowed.has(k) && o[k] !== undefined && o[k] !== false)) return false;
  const color = o.color as Record<string, unknown> | undefined;
  return !color || (Object.keys(color).length === 1 && "theme" in color);
}

/**
 * Is `current` (minus fill) the original style (minus fill), as written and read back?
 * Writing a style-less cell's highlight makes ExcelJS spell out the default font and an
 * empty border; those count as the same look.
 */
function sameLook(current: Style, original: Style): boolean {
  const a: Record<string, unknown> = { ...current };
  const b: Record<string, unknown> = { ...original };
  for (const s of [a, b]) {
    delete s.fill;
    for (const k of ["border", "alignment", "protection"]) if (isEmptyObject(s[k])) delete s[k];
  }
  if (a.font !== undefined && b.font === undefined && plainFont(a.font)) delete a.font;
  return deepEqual(a, b);
}

/** A saved fill from either adapter: an ExcelJS fill object, an Office.js "#RRGGBB" colour, or null. */
function toFill(saved: unknown): ExcelJS.Fill | null {
  if (saved === null || saved === undefined) return null;
  if (typeof saved === "string") return /^#?[0-9A-Fa-f]{6}$/.test(saved) ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(saved) } } : null;
  return clone(saved) as ExcelJS.Fill;
}

/** Merged areas (A1 ranges) of a sheet. */
function merges(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(internal)
    .map((m) => m.range)
    .filter((m): m is string => typeof m === "string");
}

function writeValue(cell: ExcelJS.Cell, v: PlanValue): void {
  // A plain JS string is stored as a string cell: ExcelJS never turns it into a formula.
  // "" empties the cell, as Excel does when it is given an empty string.
  cell.value = v === "" ? null : v;
}

function addDataBar(ws: ExcelJS.Worksheet, range: string, color: string): void {
  ws.addConditionalFormatting({
    ref: range,
    rules: [
      {
        type: "dataBar",
        priority: 1,
        gradient: false,
        cfvo: [{ type: "num", value: 0 }, { type: "max" }],
        color: { argb: argb(color) },
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  });
}

function applyAction(wb: ExcelJS.Workbook, a: PlanAction): void {
  switch (a.kind) {
    case "addSheet": {
      const ws = wb.addWorksheet(a.sheet, {
        state: a.visibility ?? "visible",
        ...(a.tabColor ? { properties: { tabColor: { argb: argb(a.tabColor) } } } : {}),
        // The add-in's own sheets print on A4, one page wide.
        pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
      });
      if (a.activate) {
        const index = wb.worksheets.indexOf(ws);
        wb.views = [{ ...(wb.views?.[0] ?? {}), activeTab: index, firstSheet: 0 } as ExcelJS.WorkbookView];
      }
      return;
    }
    case "deleteSheet": {
      const ws = wb.getWorksheet(a.sheet);
      if (ws) wb.removeWorksheet(ws.id);
      return;
    }
    case "setValues": {
      const ws = sheet(wb, a.sheet);
      const origin = fromA1(a.topLeft);
      a.values.forEach((line, i) =>
        line.forEach((v, j) => {
          writeValue(ws.getCell(origin.row + i + 1, origin.col + j + 1), v);
        }),
      );
      return;
    }
    case "clearRange": {
      const ws = sheet(wb, a.sheet);
      const r = parseRange(a.range);
      for (const m of merges(ws)) {
        const mr = parseRange(m);
        if (mr.top >= r.top && mr.bottom <= r.bottom && mr.left >= r.left && mr.right <= r.right) ws.unMergeCells(m);
      }
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const cell = ws.findCell(row + 1, col + 1);
          if (!cell) continue;
          cell.value = null;
          cell.style = {} as ExcelJS.Style;
          removeNote(cell);
        }
      }
      return;
    }
    case "setFormat": {
      const ws = sheet(wb, a.sheet);
      for (const range of a.ranges) {
        const r = parseRange(range);
        eachCell(ws, r, (cell) => restyle(cell, (s) => applyFormat(s, a.format)));
        // Large titles (only on the add-in's own sheets) get a row tall enough to show them.
        if (a.format.fontSize && a.format.fontSize > 12) {
          for (let row = r.top; row <= r.bottom; row++) {
            const line = ws.getRow(row + 1);
            line.height = Math.max(line.height ?? 0, Math.ceil(a.format.fontSize * 1.8));
          }
        }
      }
      return;
    }
    case "restoreFills": {
      const ws = sheet(wb, a.sheet);
      for (const { address, saved } of a.cells) {
        const cell = ws.getCell(address);
        const original = saved.style as Style | undefined;
        if (original && typeof original === "object" && sameLook(cell.style as Style, original)) {
          // Nothing but our fill changed since: put the original style back exactly.
          cell.style = clone(original) as ExcelJS.Style;
          continue;
        }
        const fill = toFill(saved.fill);
        restyle(cell, (s) => {
          if (fill === null) delete s.fill;
          else s.fill = fill;
        });
      }
      return;
    }
    case "setNote": {
      sheet(wb, a.sheet).getCell(a.address).note = a.text;
      return;
    }
    case "restoreNote": {
      const cell = sheet(wb, a.sheet).getCell(a.address);
      if (a.data !== undefined && a.data !== null) cell.note = clone(a.data) as ExcelJS.Comment;
      else if (a.text !== null) cell.note = a.text;
      else removeNote(cell);
      return;
    }
    case "setLink": {
      const cell = sheet(wb, a.sheet).getCell(a.address);
      const ref = `${quoteSheet(a.targetSheet)}!${a.targetAddress}`;
      cell.value = { text: a.text, hyperlink: a.targetFile ? `${a.targetFile}#${ref}` : `#${ref}` };
      restyle(cell, (s) => {
        s.font = { ...(s.font ?? {}), color: { argb: "FF0563C1" }, underline: true };
      });
      return;
    }
    case "merge": {
      const ws = sheet(wb, a.sheet);
      ws.mergeCells(a.range);
      return;
    }
    case "freeze": {
      const ws = sheet(wb, a.sheet);
      ws.views = [{ state: "frozen", xSplit: a.cols, ySplit: a.rows }];
      return;
    }
    case "columnWidths": {
      const ws = sheet(wb, a.sheet);
      for (const w of a.widths) ws.getColumn(w.col + 1).width = w.width;
      return;
    }
    case "autoFilter": {
      sheet(wb, a.sheet).autoFilter = a.range;
      return;
    }
    case "chart": {
      // No charts in ExcelJS: data bars on the value column of the chart's data (nothing else is claimed).
      const ws = sheet(wb, a.sheet);
      const r = parseRange(a.dataRange);
      if (r.bottom > r.top && r.right > r.left) {
        addDataBar(ws, rangeToA1({ top: r.top + 1, bottom: r.bottom, left: r.left + 1, right: r.left + 1 }), "#5B9BD5");
      }
      return;
    }
    case "dataBar": {
      addDataBar(sheet(wb, a.sheet), a.range, a.color);
      return;
    }
    case "printTitles": {
      sheet(wb, a.sheet).pageSetup.printTitlesRow = `${a.firstRow + 1}:${a.lastRow + 1}`;
      return;
    }
    case "validationList": {
      const ws = sheet(wb, a.sheet) as ExcelJS.Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };
      ws.dataValidations.add(a.range, {
        type: "list",
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`"${a.values.map((v) => v.replace(/[",]/g, "")).join(",")}"`],
      });
      return;
    }
  }
}

/** Display width of a text in Excel column-width units (CJK characters count double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Excel and LibreOffice do not grow a row for wrapped text written by a file: give the rows
 * of the add-in's own sheets a height that shows their wrapped cells (what Office.js does
 * with autofitRows).
 */
function fitRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== "string" || cell.isMerged) return;
      const width = Math.max(1, (ws.getColumn(cell.col).width ?? 8.43) - 1);
      const n = cell.value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / width)), 0);
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = Math.max(row.height ?? 0, 15 * lines);
  });
}

export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): ApplyStats {
  let payloadBytes = 0;
  const added: string[] = [];
  for (const a of plan.actions) {
    applyAction(wb, a);
    if (a.kind === "addSheet" && (a.visibility ?? "visible") === "visible") added.push(a.sheet);
    payloadBytes += JSON.stringify(a).length;
  }
  for (const name of added) {
    const ws = wb.getWorksheet(name);
    if (ws) fitRows(ws);
  }
  return { syncs: 0, payloadBytes, actions: plan.actions.length };
}

function noteToText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((x) => x.text ?? "").join("") : null;
}

/** The current fill and note of each requested cell (cells that do not exist: no fill, no note). */
export function readLooksFromWorkbook(wb: ExcelJS.Workbook, requests: CellLookRequest[]): CellLooks {
  const out: CellLooks = {};
  for (const req of requests) {
    const ws = wb.getWorksheet(req.sheet);
    if (!ws) continue;
    const looks = (out[req.sheet] ??= {});
    for (const address of req.addresses) {
      const p = fromA1(address);
      const cell = ws.findCell(p.row + 1, p.col + 1);
      const fill = cell?.style?.fill;
      const note = cell?.note as unknown;
      looks[address] = {
        fill: { fill: fill ? clone(fill) : null, style: clone(cell?.style ?? {}) },
        note: noteToText(note),
        ...(note && typeof note === "object" ? { noteData: clone(note) } : {}),
      };
    }
  }
  return out;
}
