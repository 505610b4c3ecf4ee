/**
 * The data behind the in-memory Excel fake: what a workbook holds, cell by cell, so that tests
 * can build a book, run the Office.js adapter against it, and inspect the result.
 */
import { parseRange, type CellRange } from "../../../core/address";

export interface FakeCell {
  /** What Excel returns in `values`: number, string, boolean, or "" for empty. */
  value: string | number | boolean;
  /** Set when the cell holds an Excel error (value is then "#N/A" etc.). */
  error?: boolean;
  /** A formula Excel would have evaluated (the fake records it, it never evaluates it). */
  formula?: string;
  numberFormat?: string;
  /** Fill colour ("#RRGGBB"); the pattern's background colour when `pattern` is set. */
  fill?: string | null;
  /** Fill pattern other than solid (Excel.FillPattern, e.g. "Gray25", "LightUp"). */
  pattern?: string;
  /** The pattern's foreground colour. */
  patternColor?: string;
  /** Tint or shade of the fill colour (-1 … 1, 0 = none). */
  tint?: number;
  /** Tint or shade of the pattern colour. */
  patternTint?: number;
  font?: { color?: string; bold?: boolean; italic?: boolean; size?: number };
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  border?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeChartData {
  type: string;
  source: string;
  title: string;
  position: string | null;
  width: number | null;
  height: number | null;
}

export interface FakeSheetData {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** What a protected sheet still allows (Excel.WorksheetProtectionOptions); nothing when absent. */
  protectionOptions?: { allowFormatCells?: boolean; allowFormatColumns?: boolean; allowAutoFilter?: boolean; allowEditObjects?: boolean };
  tabColor: string;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  notes: Map<string, string>;
  charts: FakeChartData[];
  dataBars: { range: string; color: string }[];
  freeze: { rows: number; cols: number } | null;
  autoFilter: string | null;
  columnWidths: Map<number, number>;
  /** Print title rows as Excel stores them ("$1:$2"), or null. */
  printTitleRows: string | null;
  /** In-cell drop-down lists: range → allowed entries. */
  validations: { range: string; source: string; showAlert: boolean | null }[];
}

export interface FakeBookData {
  name: string;
  sheets: FakeSheetData[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** 保护工作簿 (structure): no sheet may be added, deleted, hidden or unhidden. */
  structureProtected?: boolean;
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function newSheet(name: string): FakeSheetData {
  return {
    name,
    visibility: "Visible",
    protected: false,
    tabColor: "",
    cells: new Map(),
    merges: [],
    notes: new Map(),
    charts: [],
    dataBars: [],
    freeze: null,
    autoFilter: null,
    columnWidths: new Map(),
    printTitleRows: null,
    validations: [],
  };
}

/** A sheet given as rows of values (null = empty), for tests. */
export interface SheetSpec {
  name: string;
  rows?: (string | number | boolean | null | { error: string })[][];
  /** A1 address → number format. */
  formats?: Record<string, string>;
  /** A1 address → fill colour, or a patterned / tinted fill. */
  fills?: Record<string, string | { color: string; pattern?: string; patternColor?: string; tint?: number; patternTint?: number }>;
  notes?: Record<string, string>;
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  protectionOptions?: FakeSheetData["protectionOptions"];
}

export function makeBook(name: string, sheets: SheetSpec[]): FakeBookData {
  const book: FakeBookData = { name, sheets: [], activeSheet: sheets[0]?.name ?? null, selection: null };
  for (const spec of sheets) {
    const s = newSheet(spec.name);
    s.visibility = spec.visibility ?? "Visible";
    s.protected = spec.protected ?? false;
    if (spec.protectionOptions) s.protectionOptions = spec.protectionOptions;
    (spec.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        if (typeof v === "object") s.cells.set(key(r, c), { value: v.error, error: true });
        else s.cells.set(key(r, c), { value: v });
      }),
    );
    for (const [a1, f] of Object.entries(spec.formats ?? {})) cellAt(s, a1).numberFormat = f;
    for (const [a1, f] of Object.entries(spec.fills ?? {})) {
      const c = cellAt(s, a1);
      if (typeof f === "string") c.fill = f;
      else {
        c.fill = f.color;
        if (f.pattern) c.pattern = f.pattern;
        if (f.patternColor) c.patternColor = f.patternColor;
        if (f.tint) c.tint = f.tint;
        if (f.patternTint) c.patternTint = f.patternTint;
      }
    }
    for (const [a1, n] of Object.entries(spec.notes ?? {})) s.notes.set(a1, n);
    s.merges = (spec.merges ?? []).map(parseRange);
    book.sheets.push(s);
  }
  return book;
}

function cellAt(s: FakeSheetData, a1: string): FakeCell {
  const { top, left } = parseRange(a1);
  return ensureCell(s, top, left);
}

export function ensureCell(s: FakeSheetData, row: number, col: number): FakeCell {
  const k = key(row, col);
  let c = s.cells.get(k);
  if (!c) {
    c = { value: "" };
    s.cells.set(k, c);
  }
  return c;
}

/** What a test sees: the value of a cell ("" when empty). */
export function valueAt(s: FakeSheetData, a1: string): string | number | boolean {
  const { top, left } = parseRange(a1);
  return s.cells.get(key(top, left))?.value ?? "";
}

export function cellOf(s: FakeSheetData, a1: string): FakeCell | undefined {
  const { top, left } = parseRange(a1);
  return s.cells.get(key(top, left));
}
