/**
 * The write plan: everything a run writes back, as plain data. Built by the pure domain
 * (src/writeplan), applied by an adapter (Office.js in the task pane, ExcelJS headless).
 *
 * Safety contract every adapter honours:
 * - a string in `setValues` is written as text, never evaluated as a formula
 *   (Office.js: the target cells get number format "@" first; ExcelJS: plain string value);
 * - only the cells, sheets and notes named here are touched.
 */
import type { WorkbookSnapshot } from "./grid";

/** A cell value the plan writes. `{ link }` writes `text` as an internal hyperlink. */
export type PlanValue = string | number | boolean | null;

export interface CellFormat {
  /** Fill colour "#RRGGBB"; null removes the fill. */
  fill?: string | null;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Excel number format, e.g. "0.00", "0.0%", "@". */
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  border?: boolean;
}

/** What a cell's fill looked like before the add-in highlighted it (to restore it exactly). */
export interface SavedFill {
  /** Adapter-specific JSON of the original fill (ExcelJS fill object; Office.js colour or null). */
  fill: unknown;
  /** Adapter-specific JSON of the cell's whole original style, where the adapter can put it back exactly (ExcelJS). */
  style?: unknown;
}

export type PlanAction =
  | { kind: "addSheet"; sheet: string; visibility?: "visible" | "hidden" | "veryHidden"; tabColor?: string; activate?: boolean }
  | { kind: "deleteSheet"; sheet: string }
  /** Write a block whose top-left cell is `topLeft`. `null` and "" leave the cell empty (both adapters clear it). */
  | { kind: "setValues"; sheet: string; topLeft: string; values: PlanValue[][] }
  /** Clear values and formats of a range (only ever used on the add-in's own cells). */
  | { kind: "clearRange"; sheet: string; range: string }
  /** Same format on every range listed (range areas, no per-cell loop). */
  | { kind: "setFormat"; sheet: string; ranges: string[]; format: CellFormat }
  /** Put back fills recorded before highlighting. */
  | { kind: "restoreFills"; sheet: string; cells: { address: string; saved: SavedFill }[] }
  | { kind: "setNote"; sheet: string; address: string; text: string }
  /** Put back a note the user had (null: remove the add-in's note). */
  | { kind: "restoreNote"; sheet: string; address: string; text: string | null; data?: unknown }
  /**
   * A hyperlink in `address` pointing at `targetSheet`!`targetAddress`, showing `text`: inside this
   * workbook, or — with `targetFile` (a relative path such as "退回/县教育局.xlsx") — at that cell of
   * another workbook (the review round's 问题清单 opens each submitted file at its cell).
   */
  | { kind: "setLink"; sheet: string; address: string; text: string; targetSheet: string; targetAddress: string; targetFile?: string }
  | { kind: "merge"; sheet: string; range: string }
  | { kind: "freeze"; sheet: string; rows: number; cols: number }
  | { kind: "columnWidths"; sheet: string; widths: { col: number; width: number }[] }
  | { kind: "autoFilter"; sheet: string; range: string }
  /** A chart where the host can draw one (Office.js); the ExcelJS applier renders `fallback`. */
  | {
      kind: "chart";
      sheet: string;
      chartType: "pie" | "columnClustered" | "barClustered";
      title: string;
      /** Data range including a header row and a label column. */
      dataRange: string;
      /** Where the chart's top-left corner goes. */
      anchor: string;
      width?: number;
      height?: number;
    }
  /** Rows `firstRow`..`lastRow` (0-based) repeat at the top of every printed page. */
  | { kind: "printTitles"; sheet: string; firstRow: number; lastRow: number }
  /** An in-cell drop-down list on `range` (any other entry is still allowed: a warning, not a stop). */
  | { kind: "validationList"; sheet: string; range: string; values: string[] }
  /** Data bars on a numeric range (ExcelJS fallback for charts; also fine in Excel). */
  | { kind: "dataBar"; sheet: string; range: string; color: string };

export interface WritePlan {
  actions: PlanAction[];
}

export interface ApplyStats {
  /** Office.js: number of context.sync() calls; ExcelJS: 0. */
  syncs: number;
  /** Approximate bytes of values and formats sent. */
  payloadBytes: number;
  actions: number;
}

/** What the domain asks of an adapter before it can build a plan: the current fills and notes of cells it will highlight. */
export interface CellLookRequest {
  sheet: string;
  addresses: string[];
}

export interface CellLook {
  fill: SavedFill;
  /** The cell's note (null: none). Meaningless when `noteKnown` is false. */
  note: string | null;
  /**
   * false: the host could not read notes (Office.js without ExcelApi 1.18), so whether the cell
   * has a note of the user's is unknown — the plan must neither delete nor overwrite it. Absent: known.
   */
  noteKnown?: false;
  /** Adapter-specific JSON of the note with its formatting (ExcelJS rich note), to restore it exactly. */
  noteData?: unknown;
}

export type CellLooks = Record<string, Record<string, CellLook>>; // sheet → address → look

export type { WorkbookSnapshot };
