/**
 * ExcelJS → WorkbookSnapshot: the headless side of `WorkbookPort.readSnapshot`.
 * Produces exactly what the Office.js adapter produces: values from A1 to the used range
 * (formula cells hold their cached result, dates are Excel serial numbers, merged non-master
 * cells are null as Excel reports them), merges as A1 ranges, non-General number formats.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import { toA1 } from "../../core/address";
import { installFastMergeLoading } from "./merges";

installFastMergeLoading();

const MS_PER_DAY = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A JS Date (ExcelJS reads dates as UTC) → Excel serial number. */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = (d.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  // Round to the millisecond-free day fraction Excel stores (avoid 45291.000000001).
  return Math.round(serial * 1e8) / 1e8;
}

function richToText(rich: { text?: string }[]): string {
  return rich.map((r) => r.text ?? "").join("");
}

/** One ExcelJS cell value → snapshot CellValue (recursive for formula results and hyperlinks). */
export function toCellValue(v: unknown, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return richToText(o.richText as { text?: string }[]);
    if ("formula" in o || "sharedFormula" in o || "result" in o) return toCellValue(o.result, date1904);
    if ("hyperlink" in o || "text" in o) {
      const t = o.text;
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText)) return richToText((t as { richText: { text?: string }[] }).richText);
      return t === undefined || t === null ? null : String(t);
    }
  }
  return null;
}

function isDateValue(v: unknown): boolean {
  if (v instanceof Date) return true;
  return typeof v === "object" && v !== null && "result" in v && (v as { result?: unknown }).result instanceof Date;
}

function sheetSnapshot(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: Record<string, string> = {};
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Excel reports a merged area's value only in its top-left cell.
      const v = cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value, date1904);
      let fmt = cell.numFmt;
      // A Date without a number format (set in memory, never saved) is still a date to Excel.
      if ((typeof fmt !== "string" || fmt === "" || fmt === "General") && isDateValue(cell.value)) fmt = "yyyy-mm-dd";
      const hasFmt = typeof fmt === "string" && fmt !== "" && fmt !== "General";
      if (v === null && !hasFmt) return;
      if (hasFmt) formats[toA1(r, c)] = fmt;
      if (v === null) return;
      while (values.length <= r) values.push([]);
      const line = values[r];
      while (line.length < c) line.push(null);
      line[c] = v;
      if (c + 1 > maxCol) maxCol = c + 1;
    });
  });
  const merges = mergesOf(ws);
  return {
    name: ws.name,
    values,
    merges,
    formats,
    visibility: ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible",
  };
}

/**
 * Merged areas. ExcelJS keeps them in `_merges` (master address → Range); `ws.model.merges`
 * gives the same list but builds the model of every row first, so it is only the fallback.
 */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges;
  if (internal && typeof internal === "object") {
    return Object.values(internal)
      .map((m) => m?.range)
      .filter((m): m is string => typeof m === "string");
  }
  const model = ws.model as unknown as { merges?: unknown };
  if (Array.isArray(model.merges)) return (model.merges as unknown[]).filter((m): m is string => typeof m === "string");
  return [];
}

export async function snapshotFromExcelJS(wb: ExcelJS.Workbook, name: string): Promise<WorkbookSnapshot> {
  const date1904 = Boolean(wb.properties?.date1904);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws, date1904));
  });
  return { name, sheets };
}

export async function readXlsxFile(path: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const base = path.split(/[\\/]/).pop() ?? path;
  return snapshotFromExcelJS(wb, base);
}
