/**
 * A faithful in-memory fake of the Excel JavaScript API subset the Office.js adapter uses.
 *
 * Like Excel it: queues every write and load until `context.sync()`; refuses to give a
 * property that was not loaded and synced (PropertyNotLoaded); resolves sheets and ranges
 * when the batch runs (ItemNotFound for a missing sheet, AccessDenied on a protected one);
 * refuses a batch whose request payload exceeds the limit (5 MB in Excel on the web);
 * treats a string written to a non-text cell as Excel would (a formula when it starts with
 * = + - @, a number when it looks like one). It counts syncs and request bytes.
 *
 * Each class declares the Excel members it imitates with `Surface<Excel.X, …>`, so a fake
 * member whose name, parameters or property type differ from @types/office-js does not
 * compile. Hand it to the adapter with `asExcelContext(ctx)`.
 */
import { colToLetters, parseRange, quoteSheet, rangeToA1, type CellRange } from "../../../core/address";
import { ensureCell, key, newSheet, type FakeBookData, type FakeCell, type FakeSheetData } from "./book";

/** The Excel members a fake class imitates: same names, same parameter and scalar property types. */
export type Surface<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown
    ? (...args: A) => unknown
    : T[P] extends OfficeExtension.ClientObject
      ? unknown
      : T[P] extends readonly OfficeExtension.ClientObject[]
        ? readonly unknown[]
        : T[P];
};

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Longest getRanges() address the fake accepts (see FakeWorksheet.getRanges). */
export const MAX_AREAS_ADDRESS = 8192;
/** Range.getMergedAreasOrNullObject "will fail" on a range with more merged areas than this. */
export const MAX_MERGED_AREAS = 512;
/**
 * Range.getSpecialCells gives at most this many areas; past it the call fails (Excel's long-standing
 * 8,192-area limit of special cells: the whole batch fails, as any failing operation).
 */
export const MAX_SPECIAL_AREAS = 8192;
/**
 * The fake's cost model, the one the adapter budgets with (measured with the real serialiser,
 * fake/office-js.ts): each action about 90 bytes plus its arguments, each object path (proxy)
 * about 120 plus an instantiate action.
 */
const OP_OVERHEAD = 90;
const PATH_OVERHEAD = 120 + 90;

const encoder = new TextEncoder();
/** Bytes of a request argument as JSON; an object reference counts as a short path. */
export function jsonBytes(v: unknown): number {
  const json = JSON.stringify(v, (_k, x: unknown) => (x instanceof FakeObject ? "{ref}" : x));
  return encoder.encode(json ?? "").length;
}

interface Op {
  bytes: number;
  run(): void;
}

export interface FakeContextOptions {
  /** ExcelApi minor version the fake host supports (default 18: notes and merged areas). */
  apiVersion?: number;
  payloadLimit?: number;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Number of sync() calls (including failed ones). */
  syncs = 0;
  /** Request bytes of each sync, in order. */
  readonly payloads: number[] = [];
  /** Response bytes of each sync (loaded values), in order. */
  readonly responses: number[] = [];
  readonly apiVersion: number;
  readonly payloadLimit: number;
  private queue: Op[] = [];
  private staged: (() => void)[] = [];
  private responseBytes = 0;

  constructor(
    readonly book: FakeBookData,
    options: FakeContextOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? 18;
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.workbook = new FakeWorkbook(this);
  }

  /** Queue an operation for the next sync. */
  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes: bytes + OP_OVERHEAD, run });
  }

  /** Request bytes of an object path (a proxy) sent with the next sync. */
  charge(bytes: number): void {
    this.queue.push({ bytes, run: () => undefined });
  }

  get pendingBytes(): number {
    return this.queue.reduce((n, op) => n + op.bytes, 0);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    this.syncs++;
    this.payloads.push(bytes);
    if (bytes > this.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `the request payload (${bytes} bytes) exceeds the limit (${this.payloadLimit})`);
    }
    // Like Excel, the batch runs in order and stops at the first failing operation.
    this.staged = [];
    this.responseBytes = 0;
    for (const op of ops) op.run();
    const staged = this.staged;
    this.staged = [];
    this.responses.push(this.responseBytes);
    if (this.responseBytes > this.payloadLimit) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `the response (${this.responseBytes} bytes) exceeds the limit (${this.payloadLimit})`);
    }
    for (const commit of staged) commit();
  }

  /** Loaded values reach their proxies only if the whole response fits. */
  respond(value: unknown, commit: () => void): void {
    this.responseBytes += jsonBytes(value);
    this.staged.push(commit);
  }

  /** A request the host refused before running it: nothing of it stays queued. */
  discardPending(): void {
    this.queue = [];
  }

  supports(set: string, version: string): boolean {
    if (set !== "ExcelApi") return false;
    const [maj, min] = version.split(".").map(Number);
    return maj < 1 || (maj === 1 && (min ?? 0) <= this.apiVersion);
  }

  requireApi(minor: number, what: string): void {
    if (this.apiVersion < minor) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi 1.${minor}`);
  }

  sheetByName(name: string): FakeSheetData {
    const s = this.book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError("ItemNotFound", `the worksheet '${name}' does not exist`);
    return s;
  }
}

/** The fake, typed as the real thing for the adapter (every member it calls exists in the fake). */
export function asExcelContext(ctx: FakeRequestContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

function loadNames(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadNames(a));
  if (typeof arg === "object") return loadNames((arg as { select?: unknown }).select);
  return [];
}

/** A proxy object: loads and writes are queued; properties are readable only after load + sync. */
abstract class FakeObject {
  private readonly loadedProps = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    /** For *OrNullObject proxies: decides at sync time whether the object exists. */
    nullCheck?: () => boolean,
  ) {
    if (nullCheck) ctx.enqueue(PATH_OVERHEAD - OP_OVERHEAD, () => (this.nullState = nullCheck()));
    else {
      this.nullState = false;
      ctx.charge(PATH_OVERHEAD);
    }
  }

  get context(): FakeRequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is not known before context.sync()");
    return this.nullState;
  }

  private readonly navs = new Map<string, unknown>();
  /** Navigation properties return the same proxy each time, as in Office.js. */
  protected nav<T>(name: string, make: () => T): T {
    if (!this.navs.has(name)) this.navs.set(name, make());
    return this.navs.get(name) as T;
  }

  protected get isNull(): boolean {
    return this.nullState === true;
  }

  load(arg?: string | string[] | OfficeExtension.LoadOption): this {
    const names = loadNames(arg);
    this.ctx.enqueue(0, () => {
      for (const n of names) {
        const v = this.isNull ? null : this.readProp(n);
        this.ctx.respond(v, () => this.loadedProps.set(n, v));
      }
    });
    return this;
  }

  /** The current value of a property, computed at sync time. */
  protected abstract readProp(name: string): unknown;

  protected loaded<T>(name: string): T {
    if (!this.loadedProps.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedProps.get(name) as T;
  }

  protected write(bytesOf: unknown, run: () => void): void {
    this.ctx.enqueue(jsonBytes(bytesOf), run);
  }

  protected unknownProp(name: string): never {
    throw new FakeOfficeError("PropertyNotLoaded", `the fake does not implement property '${name}' of ${this.constructor.name}`);
  }
}

// ---------------------------------------------------------------- workbook and sheets

export class FakeWorkbook extends FakeObject implements Surface<Excel.Workbook, "worksheets" | "name" | "protection" | "load"> {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  get name(): string {
    return this.loaded("name");
  }
  get protection(): FakeWorkbookProtection {
    return this.nav("protection", () => new FakeWorkbookProtection(this.ctx));
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.ctx.book.name;
    return this.unknownProp(name);
  }
}

/** 保护工作簿: the structure (sheets added, deleted, hidden, unhidden) is locked. */
export class FakeWorkbookProtection extends FakeObject implements Surface<Excel.WorkbookProtection, "protected" | "load"> {
  get protected(): boolean {
    return this.loaded("protected");
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return Boolean(this.ctx.book.structureProtected);
    return this.unknownProp(name);
  }
}

/** Worksheet.protection: whether the sheet is protected and what it still allows. */
export class FakeWorksheetProtection extends FakeObject implements Surface<Excel.WorksheetProtection, "protected" | "options" | "load"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.loaded("options");
  }
  protected readProp(name: string): unknown {
    const s = this.sheet.data();
    if (name === "protected") return s.protected;
    if (name === "options") return { ...(s.protectionOptions ?? {}) };
    return this.unknownProp(name);
  }
}

function structureLocked(ctx: FakeRequestContext, what: string): void {
  if (ctx.book.structureProtected) throw new FakeOfficeError("AccessDenied", `the workbook structure is protected: cannot ${what}`);
}

export class FakeWorksheetCollection
  extends FakeObject
  implements Surface<Excel.WorksheetCollection, "items" | "load" | "getItem" | "getItemOrNullObject" | "add">
{
  private loadedItems: FakeWorksheet[] | undefined;

  override load(arg?: string | string[] | OfficeExtension.LoadOption): this {
    const names = loadNames(arg).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue(0, () => {
      this.loadedItems = this.ctx.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, s.name);
        ws.fill(names);
        return ws;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first");
    return this.loadedItems;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key, () => !this.ctx.book.sheets.some((s) => s.name.toLowerCase() === key.toLowerCase()));
  }
  add(name?: string): FakeWorksheet {
    const n = name ?? `Sheet${this.ctx.book.sheets.length + 1}`;
    this.write(n, () => {
      structureLocked(this.ctx, `add the sheet '${n}'`);
      if (this.ctx.book.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `a worksheet named '${n}' already exists`);
      }
      if (n.length > 31 || /[:\\/?*[\]]/.test(n)) throw new FakeOfficeError("InvalidArgument", `bad sheet name '${n}'`);
      this.ctx.book.sheets.push(newSheet(n));
    });
    return new FakeWorksheet(this.ctx, n);
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeWorksheet
  extends FakeObject
  implements
    Surface<
      Excel.Worksheet,
      | "name"
      | "visibility"
      | "tabColor"
      | "load"
      | "getRange"
      | "getRanges"
      | "getRangeByIndexes"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "freezePanes"
      | "autoFilter"
      | "charts"
      | "pageLayout"
      | "notes"
      | "protection"
      | "activate"
      | "delete"
    >
{
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetName: string,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
  }

  /** Used by the collection: copy loaded properties from the data now (inside a sync). */
  fill(names: string[]): void {
    const me = this as unknown as { loadedProps: Map<string, unknown> };
    for (const n of names) me.loadedProps.set(n, this.readProp(n));
  }

  data(): FakeSheetData {
    return this.ctx.sheetByName(this.sheetName);
  }

  /** The key Excel gives this sheet in a collection (the fake uses its name). */
  get itemId(): string {
    return this.sheetName;
  }

  /**
   * The sheet, checked for writing: a protected sheet refuses every change except those its
   * protection options allow (formatting cells, widths, the filter, notes and charts).
   */
  writable(kind?: "formatCells" | "formatColumns" | "autoFilter" | "editObjects"): FakeSheetData {
    const s = this.data();
    if (s.protected) {
      const o = s.protectionOptions ?? {};
      const allowed =
        (kind === "formatCells" && o.allowFormatCells) ||
        (kind === "formatColumns" && o.allowFormatColumns) ||
        (kind === "autoFilter" && o.allowAutoFilter) ||
        (kind === "editObjects" && o.allowEditObjects);
      if (!allowed) throw new FakeOfficeError("AccessDenied", `the sheet '${s.name}' is protected`);
    }
    return s;
  }

  get name(): string {
    return this.loaded("name");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.loaded("visibility");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.write(v, () => {
      const s = this.data();
      if (s.visibility !== v) structureLocked(this.ctx, `change the visibility of '${s.name}'`);
      if (v !== "Visible" && s.visibility === "Visible" && this.ctx.book.sheets.filter((x) => x.visibility === "Visible").length === 1) {
        throw new FakeOfficeError("InvalidOperation", "a workbook must keep at least one visible sheet");
      }
      s.visibility = v as FakeSheetData["visibility"];
    });
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(c: string) {
    this.write(c, () => (this.data().tabColor = c));
  }

  protected readProp(name: string): unknown {
    const s = this.data();
    switch (name) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      default:
        return this.unknownProp(name);
    }
  }

  getRange(address?: string): FakeRange {
    const a = (address ?? "").trim();
    return new FakeRange(this.ctx, this, () => parseAddress(a));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }));
  }
  getRanges(address?: string): FakeRangeAreas {
    // Excel refuses long area lists with InvalidArgument; the limit is undocumented, reported
    // failing at ~8,200 characters / 513 areas (office-js issue #5198): the fake refuses past 8,192.
    const a = address ?? "";
    const parts = a.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
    return new FakeRangeAreas(this.ctx, this, () => {
      if (a.length > MAX_AREAS_ADDRESS) throw new FakeOfficeError("InvalidArgument", `getRanges: address of ${a.length} characters`);
      return parts.map(parseAddress);
    });
  }
  /** Excel gives A1 for a blank sheet. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => usedRange(this.data(), valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const compute = (): CellRange | null => usedRange(this.data(), valuesOnly ?? false);
    return new FakeRange(this.ctx, this, () => compute() ?? { top: 0, left: 0, bottom: 0, right: 0 }, () => compute() === null);
  }
  get freezePanes(): FakeFreezePanes {
    return this.nav("freezePanes", () => new FakeFreezePanes(this.ctx, this));
  }
  get autoFilter(): FakeAutoFilter {
    return this.nav("autoFilter", () => new FakeAutoFilter(this.ctx, this));
  }
  get charts(): FakeChartCollection {
    return this.nav("charts", () => new FakeChartCollection(this.ctx, this));
  }
  get pageLayout(): FakePageLayout {
    return this.nav("pageLayout", () => new FakePageLayout(this.ctx, this));
  }
  get protection(): FakeWorksheetProtection {
    return this.nav("protection", () => new FakeWorksheetProtection(this.ctx, this));
  }
  get notes(): FakeNoteCollection {
    this.ctx.requireApi(18, "Worksheet.notes");
    return this.nav("notes", () => new FakeNoteCollection(this.ctx, this));
  }
  activate(): void {
    this.write(null, () => (this.ctx.book.activeSheet = this.data().name));
  }
  delete(): void {
    this.write(null, () => {
      const s = this.data();
      const book = this.ctx.book;
      structureLocked(this.ctx, `delete the sheet '${s.name}'`);
      if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", `the worksheet '${s.name}' is VeryHidden: make it Hidden or Visible before deleting it`);
      if (book.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "cannot delete the last visible sheet");
      }
      book.sheets.splice(book.sheets.indexOf(s), 1);
    });
  }
}

function parseAddress(a: string): CellRange {
  let addr = a;
  const bang = addr.lastIndexOf("!");
  if (bang >= 0) addr = addr.slice(bang + 1);
  const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(addr);
  if (whole) return parseRange(`${whole[1]}1:${whole[2]}1048576`);
  try {
    return parseRange(addr);
  } catch {
    throw new FakeOfficeError("InvalidArgument", `bad range address '${a}'`);
  }
}

function usedRange(s: FakeSheetData, valuesOnly: boolean): CellRange | null {
  let r: CellRange | null = null;
  for (const [k, c] of s.cells) {
    const has = c.value !== "" || (!valuesOnly && (c.numberFormat !== undefined || c.fill != null || c.font !== undefined || c.border));
    if (!has) continue;
    const [row, col] = k.split(",").map(Number);
    if (!r) r = { top: row, left: col, bottom: row, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.left = Math.min(r.left, col);
      r.bottom = Math.max(r.bottom, row);
      r.right = Math.max(r.right, col);
    }
  }
  return r;
}

function cellsOf(r: CellRange): { row: number; col: number; i: number; j: number }[] {
  const out: { row: number; col: number; i: number; j: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col, i: row - r.top, j: col - r.left });
  return out;
}

type SpecialCellType = "ConditionalFormats" | "DataValidations" | "Blanks" | "Constants" | "Formulas" | "SameConditionalFormat" | "SameDataValidation" | "Visible";
type SpecialCellValueType = "All" | "Errors" | "ErrorsLogical" | "ErrorsNumbers" | "ErrorsText" | "ErrorsLogicalNumber" | "ErrorsLogicalText" | "ErrorsNumberText" | "Logical" | "LogicalNumbers" | "LogicalText" | "LogicalNumbersText" | "Numbers" | "NumbersText" | "Text";

/** The constant (or formula) cells of `r` as rectangles: row runs, identical runs of consecutive rows joined. */
function specialAreas(s: FakeSheetData, r: CellRange, formulas: boolean): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const [k, c] of s.cells) {
    const isFormula = c.formula !== undefined;
    if (formulas ? !isFormula : isFormula || c.value === "") continue;
    const [row, col] = k.split(",").map(Number);
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    const cols = byRow.get(row) ?? [];
    cols.push(col);
    byRow.set(row, cols);
  }
  const out: CellRange[] = [];
  /** Areas of the previous row, by "left,right", still open for joining. */
  let open = new Map<string, CellRange>();
  let prevRow = -2;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = (byRow.get(row) ?? []).sort((a, b) => a - b);
    const next = new Map<string, CellRange>();
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const k = `${cols[i]},${cols[j]}`;
      const above = row === prevRow + 1 ? open.get(k) : undefined;
      if (above) {
        above.bottom = row;
        next.set(k, above);
      } else {
        const a = { top: row, left: cols[i], bottom: row, right: cols[j] };
        out.push(a);
        next.set(k, a);
      }
      i = j + 1;
    }
    open = next;
    prevRow = row;
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

function sheetAddress(s: FakeSheetData, r: CellRange): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(s.name) ? s.name : quoteSheet(s.name);
  return `${name}!${rangeToA1(r)}`;
}

// ---------------------------------------------------------------- ranges

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What Excel makes of a value written into a cell with the given number format. */
function assign(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (cell.numberFormat === "@") {
    cell.value = s;
    return;
  }
  if (NUMERIC.test(s.trim())) {
    cell.value = Number(s.trim());
    return;
  }
  if (s.length > 1 && /^[=+\-@]/.test(s)) {
    // Excel takes it for a formula; the fake records it and shows an error result.
    cell.formula = s;
    cell.value = "#NAME?";
    cell.error = true;
    return;
  }
  cell.value = s;
}

export class FakeRange
  extends FakeObject
  implements
    Surface<
      Excel.Range,
      | "values"
      | "numberFormat"
      | "valueTypes"
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
      | "hyperlink"
      | "format"
      | "conditionalFormats"
      | "dataValidation"
      | "load"
      | "getMergedAreasOrNullObject"
      | "getSpecialCells"
      | "getSpecialCellsOrNullObject"
      | "getCellProperties"
      | "getRow"
      | "getBoundingRect"
      | "getIntersection"
      | "merge"
      | "clear"
      | "select"
    >
{
  constructor(
    ctx: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    readonly area: () => CellRange,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
  }

  private dims(): { rows: number; cols: number } {
    const r = this.area();
    return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
  }

  private checkShape(v: unknown, what: string): void {
    const { rows, cols } = this.dims();
    if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", `${what}: the array does not match the range size ${rows}×${cols}`);
    }
  }

  get values(): any[][] {
    return this.loaded("values");
  }
  set values(v: any[][]) {
    this.write(v, () => {
      const s = this.sheet.writable();
      this.checkShape(v, "values");
      for (const { row, col, i, j } of cellsOf(this.area())) {
        const x = v[i][j];
        if (x === null || x === undefined) continue; // Excel: null leaves the cell as it is
        const cell = ensureCell(s, row, col);
        if (x === "") {
          cell.value = "";
          delete cell.formula;
          delete cell.error;
        } else assign(cell, x);
      }
    });
  }
  get numberFormat(): any[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.write(v, () => {
      const s = this.sheet.writable();
      this.checkShape(v, "numberFormat");
      for (const { row, col, i, j } of cellsOf(this.area())) {
        const x = v[i][j];
        if (x === null || x === undefined) continue;
        const cell = ensureCell(s, row, col);
        if (x === "General") delete cell.numberFormat;
        else cell.numberFormat = String(x);
      }
    });
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded("valueTypes");
  }
  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.loaded("hyperlink");
  }
  set hyperlink(h: Excel.RangeHyperlink) {
    this.write(h, () => {
      const s = this.sheet.writable();
      const r = this.area();
      const cell = ensureCell(s, r.top, r.left);
      cell.hyperlink = { documentReference: h.documentReference, address: h.address, textToDisplay: h.textToDisplay };
      if (h.textToDisplay !== undefined) {
        const fmt = cell.numberFormat;
        cell.numberFormat = "@"; // the display text is text
        assign(cell, h.textToDisplay);
        if (fmt === undefined) delete cell.numberFormat;
        else cell.numberFormat = fmt;
      }
    });
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.ctx, this.sheet, () => [this.area()]));
  }
  get dataValidation(): FakeDataValidation {
    return this.nav("dataValidation", () => new FakeDataValidation(this.ctx, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.ctx, this.sheet, () => rangeToA1(this.area())));
  }

  protected readProp(name: string): unknown {
    const s = this.sheet.data();
    const r = this.area();
    const cells = (f: (c: FakeCell | undefined) => unknown): unknown[][] => {
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(s.cells.get(key(row, col))));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case "values":
        return cells((c) => c?.value ?? "");
      case "numberFormat":
        return cells((c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return cells((c) => (!c || c.value === "" ? "Empty" : c.error ? "Error" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String"));
      case "address":
        return sheetAddress(s, r);
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "hyperlink":
        return s.cells.get(key(r.top, r.left))?.hyperlink ?? null;
      default:
        return this.unknownProp(name);
    }
  }

  /** Range.getCellProperties (ExcelApi 1.9): only the address and fill properties the adapter asks for. */
  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    const o = cellPropertiesLoadOptions as { address?: boolean; format?: { fill?: Record<string, boolean> } };
    const extra = Object.keys(cellPropertiesLoadOptions).filter((k) => k !== "address" && k !== "format");
    if (extra.length || Object.keys(o.format ?? {}).some((k) => k !== "fill")) throw new FakeOfficeError("NotImplemented", "the fake gives only address and format.fill cell properties");
    const result = new FakeClientResult<Excel.CellProperties[][]>();
    this.ctx.enqueue(jsonBytes(cellPropertiesLoadOptions), () => {
      const s = this.sheet.data();
      const r = this.area();
      const out: Excel.CellProperties[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: Excel.CellProperties[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const p: Record<string, unknown> = {};
          if (o.address) p.address = sheetAddress(s, { top: row, left: col, bottom: row, right: col });
          if (o.format?.fill) {
            const fill: Record<string, unknown> = {};
            for (const [k, want] of Object.entries(o.format.fill)) if (want) fill[k] = fillProp(s.cells.get(key(row, col)), k);
            p.format = { fill };
          }
          line.push(p as Excel.CellProperties);
        }
        out.push(line);
      }
      this.ctx.respond(out, () => result.set(out));
    });
    return result;
  }
  /** A row of this range (Office.js itself uses it to send a large `values` array in 1,500-cell parts). */
  getRow(row: number): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => {
      const r = this.area();
      if (row < 0 || r.top + row > r.bottom) throw new FakeOfficeError("InvalidArgument", `getRow(${row}) is outside the range`);
      return { top: r.top + row, left: r.left, bottom: r.top + row, right: r.right };
    });
  }
  getBoundingRect(anotherRange: Excel.Range | string): FakeRange {
    const other = this.otherArea(anotherRange);
    return new FakeRange(this.ctx, this.sheet, () => {
      const a = this.area();
      const b = other();
      return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
    });
  }
  getIntersection(anotherRange: Excel.Range | string): FakeRange {
    const other = this.otherArea(anotherRange);
    return new FakeRange(this.ctx, this.sheet, () => {
      const a = this.area();
      const b = other();
      const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
      if (r.top > r.bottom || r.left > r.right) throw new FakeOfficeError("ItemNotFound", "the ranges do not intersect");
      return r;
    });
  }
  private otherArea(another: Excel.Range | string): () => CellRange {
    if (typeof another === "string") return () => parseAddress(another);
    const fr = another as unknown as FakeRange;
    return () => {
      if (fr.sheet.data() !== this.sheet.data()) throw new FakeOfficeError("InvalidArgument", "the ranges are on different sheets");
      return fr.area();
    };
  }
  /**
   * Like Excel: only the merged areas whose top-left cell is in this range (office-js issue
   * #3611), each whole in `areas`; more than 512 of them and the call fails (documented limit).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi(13, "Range.getMergedAreasOrNullObject");
    const merged = (): CellRange[] => {
      if (this.isNull) return [];
      const r = this.area();
      return this.sheet.data().merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
    };
    return new FakeRangeAreas(this.ctx, this.sheet, merged, () => {
      const n = merged().length;
      if (n > MAX_MERGED_AREAS) throw new FakeOfficeError("GeneralException", `getMergedAreasOrNullObject: ${n} merged areas, more than ${MAX_MERGED_AREAS}`);
      return n === 0;
    });
  }
  /**
   * Range.getSpecialCells (ExcelApi 1.9), for "Constants" and "Formulas" (any value type): the
   * non-empty cells of this range as RangeAreas, each area a run of adjacent cells of a row,
   * identical runs of consecutive rows joined into one rectangle. (How Excel cuts the cells into
   * areas is its own; a caller may rely only on the areas covering exactly those cells.) None:
   * ItemNotFound at sync; more than 8,192 areas: the call fails.
   */
  getSpecialCells(cellType: SpecialCellType, cellValueType?: SpecialCellValueType): FakeRangeAreas {
    return this.specialCells(cellType, cellValueType, false);
  }
  /** As getSpecialCells, but a null object (isNullObject) when no cell matches. */
  getSpecialCellsOrNullObject(cellType: SpecialCellType, cellValueType?: SpecialCellValueType): FakeRangeAreas {
    return this.specialCells(cellType, cellValueType, true);
  }
  private specialCells(cellType: SpecialCellType, cellValueType: SpecialCellValueType | undefined, orNull: boolean): FakeRangeAreas {
    this.ctx.requireApi(9, "Range.getSpecialCells");
    if (cellType !== "Constants" && cellType !== "Formulas") throw new FakeOfficeError("NotImplemented", `the fake gives only Constants and Formulas special cells, not ${String(cellType)}`);
    if (cellValueType !== undefined && cellValueType !== "All") throw new FakeOfficeError("NotImplemented", `the fake gives special cells of all value types only, not ${String(cellValueType)}`);
    let memo: CellRange[] | null = null;
    const areas = (): CellRange[] => {
      if (memo) return memo;
      if (this.isNull) return [];
      memo = specialAreas(this.sheet.data(), this.area(), cellType === "Formulas");
      return memo;
    };
    return new FakeRangeAreas(this.ctx, this.sheet, areas, () => {
      memo = null;
      const n = areas().length;
      if (n > MAX_SPECIAL_AREAS) throw new FakeOfficeError("GeneralException", `getSpecialCells: ${n} areas, more than ${MAX_SPECIAL_AREAS}`);
      if (n === 0 && !orNull) throw new FakeOfficeError("ItemNotFound", "getSpecialCells: no cells were found");
      return n === 0;
    });
  }
  merge(across?: boolean): void {
    this.write(null, () => {
      const s = this.sheet.writable();
      const r = this.area();
      if (across) throw new FakeOfficeError("NotImplemented", "merge across is not used by the adapter");
      if (s.merges.some((m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left)) {
        throw new FakeOfficeError("InvalidOperation", `cannot merge ${rangeToA1(r)}: it overlaps a merged area`);
      }
      // Excel keeps the top-left value only.
      for (const { row, col, i, j } of cellsOf(r)) {
        const cell = i + j > 0 ? s.cells.get(key(row, col)) : undefined;
        if (cell) cell.value = "";
      }
      s.merges.push(r);
    });
  }
  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    this.write(applyTo ?? "All", () => {
      const s = this.sheet.writable();
      const r = this.area();
      for (const { row, col } of cellsOf(r)) {
        const k = key(row, col);
        if (!applyTo || applyTo === "All") {
          s.cells.delete(k);
          s.notes.delete(rangeToA1({ top: row, left: col, bottom: row, right: col }));
        } else if (applyTo === "Contents") {
          const c = s.cells.get(k);
          if (c) {
            c.value = "";
            delete c.formula;
            delete c.error;
          }
        } else if (applyTo === "Formats") {
          const c = s.cells.get(k);
          if (c) s.cells.set(k, { value: c.value, formula: c.formula, error: c.error, hyperlink: c.hyperlink });
        }
      }
      if (!applyTo || applyTo === "All" || applyTo === "Formats") s.merges = s.merges.filter((m) => !(m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right));
    });
  }
  select(): void {
    this.write(null, () => {
      const s = this.sheet.data();
      this.ctx.book.selection = { sheet: s.name, address: rangeToA1(this.area()) };
      this.ctx.book.activeSheet = s.name;
    });
  }
}

/** OfficeExtension.ClientResult: the value is there after the sync. */
export class FakeClientResult<T> {
  private v: T | undefined;
  private done = false;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new FakeOfficeError("PropertyNotLoaded", "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.");
    return this.v as T;
  }
}

export class FakeRangeCollection extends FakeObject implements Surface<Excel.RangeCollection, "items" | "load"> {
  private loadedItems: FakeRange[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly ranges: () => CellRange[],
    private readonly owner: FakeObject,
  ) {
    super(ctx);
  }
  override load(arg?: string | string[] | OfficeExtension.LoadOption): this {
    const names = loadNames(arg).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue(0, () => {
      const nullOwner = (this.owner as unknown as { isNull: boolean }).isNull;
      const loaded: Record<string, unknown>[] = [];
      const items = nullOwner
        ? []
        : this.ranges().map((r) => {
            const fr = new FakeRange(this.ctx, this.sheet, () => r);
            const me = fr as unknown as { loadedProps: Map<string, unknown>; readProp(n: string): unknown };
            const props: Record<string, unknown> = {};
            for (const n of names) me.loadedProps.set(n, (props[n] = me.readProp(n)));
            loaded.push(props);
            return fr;
          });
      // The items come back in the response (and count towards its size).
      this.ctx.respond(loaded, () => (this.loadedItems = items));
    });
    return this;
  }
  get items(): FakeRange[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first");
    return this.loadedItems;
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeRangeAreas extends FakeObject implements Surface<Excel.RangeAreas, "areas" | "areaCount" | "address" | "format" | "conditionalFormats" | "load"> {
  constructor(
    ctx: FakeRequestContext,
    readonly sheet: FakeWorksheet,
    readonly ranges: () => CellRange[],
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
  }
  get areas(): FakeRangeCollection {
    return this.nav("areas", () => new FakeRangeCollection(this.ctx, this.sheet, this.ranges, this));
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get address(): string {
    return this.loaded("address");
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.ctx, this.sheet, this.ranges));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.ctx, this.sheet, () => this.ranges().map(rangeToA1).join(",")));
  }
  protected readProp(name: string): unknown {
    const s = this.sheet.data();
    if (name === "areaCount") return this.ranges().length;
    if (name === "address") return this.ranges().map((r) => sheetAddress(s, r)).join(",");
    return this.unknownProp(name);
  }
}

// ---------------------------------------------------------------- formats

type Targets = () => CellRange[];

function eachCell(sheet: FakeWorksheet, targets: Targets, f: (c: FakeCell, row: number, col: number) => void): void {
  const s = sheet.writable("formatCells");
  for (const r of targets()) for (const { row, col } of cellsOf(r)) f(ensureCell(s, row, col), row, col);
}

export class FakeRangeFormat
  extends FakeObject
  implements Surface<Excel.RangeFormat, "fill" | "font" | "borders" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "columnWidth" | "load">
{
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly targets: Targets,
  ) {
    super(ctx);
  }
  get fill(): FakeRangeFill {
    return this.nav("fill", () => new FakeRangeFill(this.ctx, this.sheet, this.targets));
  }
  get font(): FakeRangeFont {
    return this.nav("font", () => new FakeRangeFont(this.ctx, this.sheet, this.targets));
  }
  get borders(): FakeRangeBorderCollection {
    return this.nav("borders", () => new FakeRangeBorderCollection(this.ctx, this.sheet, this.targets));
  }
  get wrapText(): boolean {
    return this.loaded("wrapText");
  }
  set wrapText(v: boolean) {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.wrap = v)));
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed" {
    return this.loaded("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed") {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.horizontal = v)));
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed" {
    return this.loaded("verticalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed") {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.vertical = v)));
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(w: number) {
    this.write(w, () => {
      const s = this.sheet.writable("formatColumns");
      for (const r of this.targets()) for (let col = r.left; col <= r.right; col++) s.columnWidths.set(col, w);
    });
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

/**
 * RangeFill with what ExcelApi 1.9 gives: colour, pattern, pattern colour and their tints. As in
 * Excel, setting the colour keeps the cell's pattern and tints (only clear() removes them), so a
 * highlight over a patterned fill must clear it first.
 */
export class FakeRangeFill
  extends FakeObject
  implements Surface<Excel.RangeFill, "color" | "pattern" | "patternColor" | "tintAndShade" | "patternTintAndShade" | "clear" | "load">
{
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly targets: Targets,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(v: string) {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.fill = v.toUpperCase())));
  }
  get pattern(): Excel.FillPattern | "None" | "Solid" | "Gray50" | "Gray75" | "Gray25" | "Horizontal" | "Vertical" | "Down" | "Up" | "Checker" | "SemiGray75" | "LightHorizontal" | "LightVertical" | "LightDown" | "LightUp" | "Grid" | "CrissCross" | "Gray16" | "Gray8" | "LinearGradient" | "RectangularGradient" {
    return this.loaded("pattern");
  }
  set pattern(v: Excel.FillPattern | "None" | "Solid" | "Gray50" | "Gray75" | "Gray25" | "Horizontal" | "Vertical" | "Down" | "Up" | "Checker" | "SemiGray75" | "LightHorizontal" | "LightVertical" | "LightDown" | "LightUp" | "Grid" | "CrissCross" | "Gray16" | "Gray8" | "LinearGradient" | "RectangularGradient") {
    this.write(v, () =>
      eachCell(this.sheet, this.targets, (c) => {
        if (v === "None") {
          delete c.fill;
          delete c.pattern;
        } else if (v === "Solid") delete c.pattern;
        else {
          c.pattern = v;
          c.fill ??= "#FFFFFF";
        }
      }),
    );
  }
  get patternColor(): string {
    return this.loaded("patternColor");
  }
  set patternColor(v: string) {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.patternColor = v.toUpperCase())));
  }
  get tintAndShade(): number {
    return this.loaded("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (v ? (c.tint = v) : delete c.tint)));
  }
  get patternTintAndShade(): number {
    return this.loaded("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (v ? (c.patternTint = v) : delete c.patternTint)));
  }
  clear(): void {
    this.write(null, () =>
      eachCell(this.sheet, this.targets, (c) => {
        delete c.fill;
        delete c.pattern;
        delete c.patternColor;
        delete c.tint;
        delete c.patternTint;
      }),
    );
  }
  protected readProp(name: string): unknown {
    const s = this.sheet.data();
    const values = this.targets().flatMap((r) => cellsOf(r).map(({ row, col }) => fillProp(s.cells.get(key(row, col)), name)));
    if (values[0] === undefined) return this.unknownProp(name);
    // Excel gives null where the cells of the range differ.
    return values.every((v) => v === values[0]) ? values[0] : null;
  }
}

/** One cell's fill property as Excel reports it (no fill: colour #FFFFFF, pattern None). */
function fillProp(c: FakeCell | undefined, name: string): unknown {
  const has = c?.fill !== undefined && c?.fill !== null;
  switch (name) {
    case "color":
      return has ? c?.fill : "#FFFFFF";
    case "pattern":
      return has ? (c?.pattern ?? "Solid") : "None";
    case "patternColor":
      return c?.patternColor ?? "#000000";
    case "tintAndShade":
      return c?.tint ?? 0;
    case "patternTintAndShade":
      return c?.patternTint ?? 0;
    default:
      return undefined;
  }
}

export class FakeRangeFont extends FakeObject implements Surface<Excel.RangeFont, "color" | "bold" | "italic" | "size" | "load"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly targets: Targets,
  ) {
    super(ctx);
  }
  private set1(k: "color" | "bold" | "italic" | "size", v: string | boolean | number): void {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.font = { ...c.font, [k]: v })));
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(v: string) {
    this.set1("color", v);
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(v: boolean) {
    this.set1("bold", v);
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(v: boolean) {
    this.set1("italic", v);
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(v: number) {
    this.set1("size", v);
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeRangeBorderCollection extends FakeObject implements Surface<Excel.RangeBorderCollection, "getItem"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly targets: Targets,
  ) {
    super(ctx);
  }
  getItem(index: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp"): FakeRangeBorder {
    void index;
    return new FakeRangeBorder(this.ctx, this.sheet, this.targets);
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeRangeBorder extends FakeObject implements Surface<Excel.RangeBorder, "style"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly targets: Targets,
  ) {
    super(ctx);
  }
  get style(): Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot" {
    return this.loaded("style");
  }
  set style(v: Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot") {
    this.write(v, () => eachCell(this.sheet, this.targets, (c) => (c.border = v !== "None")));
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

// ---------------------------------------------------------------- sheet features

export class FakePageLayout extends FakeObject implements Surface<Excel.PageLayout, "setPrintTitleRows"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  setPrintTitleRows(rows: Excel.Range | string): void {
    if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `print title rows must be a row range such as "$1:$2", got ${String(rows)}`);
    this.write(rows, () => (this.sheet.writable().printTitleRows = rows));
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

/** Range.dataValidation (ExcelApi 1.8): only list rules, as the add-in writes them. */
export class FakeDataValidation extends FakeObject implements Surface<Excel.DataValidation, "rule" | "errorAlert"> {
  private alert: boolean | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded("errorAlert");
  }
  set errorAlert(a: Excel.DataValidationErrorAlert) {
    this.alert = a.showAlert ?? null;
  }
  get rule(): Excel.DataValidationRule {
    return this.loaded("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    const list = rule.list;
    if (!list || typeof list.source !== "string") throw new FakeOfficeError("InvalidArgument", "the fake only models list validation rules");
    if (list.source.length > 255) throw new FakeOfficeError("InvalidArgument", "a list validation source is at most 255 characters");
    const alert = this.alert;
    this.write(list.source, () => {
      const s = this.range.sheet.writable();
      s.validations.push({ range: rangeToA1(this.range.area()), source: list.source as string, showAlert: alert });
    });
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeFreezePanes extends FakeObject implements Surface<Excel.WorksheetFreezePanes, "freezeAt" | "freezeRows" | "freezeColumns" | "unfreeze"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    const r = typeof frozenRange === "string" ? parseAddress(frozenRange) : (frozenRange as unknown as FakeRange).area();
    this.write(null, () => (this.sheet.writable().freeze = { rows: r.bottom + 1, cols: r.right + 1 }));
  }
  freezeRows(count?: number): void {
    this.write(count ?? 1, () => (this.sheet.writable().freeze = { rows: count ?? 1, cols: 0 }));
  }
  freezeColumns(count?: number): void {
    this.write(count ?? 1, () => (this.sheet.writable().freeze = { rows: 0, cols: count ?? 1 }));
  }
  unfreeze(): void {
    this.write(null, () => (this.sheet.writable().freeze = null));
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeAutoFilter extends FakeObject implements Surface<Excel.AutoFilter, "apply"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  apply(range: Excel.Range | string, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    void columnIndex;
    void criteria;
    const r = typeof range === "string" ? parseAddress(range) : null;
    this.write(range, () => (this.sheet.writable("autoFilter").autoFilter = rangeToA1(r ?? (range as unknown as FakeRange).area())));
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeChartCollection extends FakeObject implements Surface<Excel.ChartCollection, "add"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  add(type: string, sourceData: Excel.Range, seriesBy?: "Auto" | "Columns" | "Rows"): FakeChart {
    const src = sourceData as unknown as FakeRange;
    const chart = { type, source: "", title: "", position: null, width: null, height: null };
    this.write([type, seriesBy], () => {
      chart.source = rangeToA1(src.area());
      this.sheet.writable("editObjects").charts.push(chart);
    });
    return new FakeChart(this.ctx, chart);
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeChart extends FakeObject implements Surface<Excel.Chart, "title" | "width" | "height" | "setPosition"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: { type: string; source: string; title: string; position: string | null; width: number | null; height: number | null },
  ) {
    super(ctx);
  }
  get title(): { text: string } {
    const chart = this.chart;
    const write = (v: string, run: () => void): void => this.write(v, run);
    return {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "chart title text was not loaded");
      },
      set text(v: string) {
        write(v, () => (chart.title = v));
      },
    };
  }
  get width(): number {
    return this.loaded("width");
  }
  set width(v: number) {
    this.write(v, () => (this.chart.width = v));
  }
  get height(): number {
    return this.loaded("height");
  }
  set height(v: number) {
    this.write(v, () => (this.chart.height = v));
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.write([startCell, endCell], () => (this.chart.position = typeof startCell === "string" ? startCell : rangeToA1((startCell as unknown as FakeRange).area())));
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeConditionalFormatCollection extends FakeObject implements Surface<Excel.ConditionalFormatCollection, "add"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly address: () => string,
  ) {
    super(ctx);
  }
  add(type: Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue"): FakeConditionalFormat {
    if (type !== "DataBar") throw new FakeOfficeError("NotImplemented", `the fake only does data bars, not ${String(type)}`);
    const bar = { range: "", color: "#638EC6" };
    this.write(type, () => {
      bar.range = this.address();
      this.sheet.writable().dataBars.push(bar);
    });
    return new FakeConditionalFormat(this.ctx, bar);
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeConditionalFormat extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly bar: { range: string; color: string },
  ) {
    super(ctx);
  }
  get dataBar(): { positiveFormat: { fillColor: string } } {
    const bar = this.bar;
    const write = (v: string, run: () => void): void => this.write(v, run);
    return {
      positiveFormat: {
        get fillColor(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "fillColor was not loaded");
        },
        set fillColor(v: string) {
          write(v, () => (bar.color = v));
        },
      },
    };
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeNoteCollection extends FakeObject implements Surface<Excel.NoteCollection, "add" | "getItem" | "getItemOrNullObject" | "items" | "load"> {
  private loadedItems: FakeNote[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  add(cellAddress: Excel.Range | string, content: any): FakeNote {
    const addr = typeof cellAddress === "string" ? rangeToA1(parseAddress(cellAddress)) : rangeToA1((cellAddress as unknown as FakeRange).area());
    this.write(content, () => {
      const s = this.sheet.writable("editObjects");
      if (s.notes.has(addr)) throw new FakeOfficeError("InvalidArgument", `the cell ${addr} already has a note`);
      s.notes.set(addr, String(content));
    });
    return new FakeNote(this.ctx, this.sheet, addr);
  }
  getItem(key: string): FakeNote {
    const addr = rangeToA1(parseAddress(key));
    return new FakeNote(this.ctx, this.sheet, addr);
  }
  getItemOrNullObject(key: string): FakeNote {
    const addr = rangeToA1(parseAddress(key));
    return new FakeNote(this.ctx, this.sheet, addr, () => !this.sheet.data().notes.has(addr));
  }
  override load(arg?: string | string[] | OfficeExtension.LoadOption): this {
    const names = loadNames(arg).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue(0, () => {
      const s = this.sheet.data();
      const items = [...s.notes.keys()].map((addr) => {
        const n = new FakeNote(this.ctx, this.sheet, addr);
        (n as unknown as { loadedProps: Map<string, unknown> }).loadedProps.set("content", s.notes.get(addr));
        return n;
      });
      void names;
      this.ctx.respond([...s.notes.values()], () => (this.loadedItems = items));
    });
    return this;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available: load the collection and sync first");
    return this.loadedItems;
  }
  protected readProp(name: string): unknown {
    return this.unknownProp(name);
  }
}

export class FakeNote extends FakeObject implements Surface<Excel.Note, "content" | "delete" | "getLocation" | "load"> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly addr: string,
    nullCheck?: () => boolean,
  ) {
    super(ctx, nullCheck);
  }
  /** The key Excel gives a note in its collection (the fake uses the cell address). */
  get itemId(): string {
    return this.addr;
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(v: string) {
    this.write(v, () => {
      const s = this.sheet.writable("editObjects");
      if (!s.notes.has(this.addr)) throw new FakeOfficeError("ItemNotFound", `no note in ${this.addr}`);
      s.notes.set(this.addr, v);
    });
  }
  /** The cell the note is on. */
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => {
      if (!this.sheet.data().notes.has(this.addr)) throw new FakeOfficeError("ItemNotFound", `no note in ${this.addr}`);
      return parseAddress(this.addr);
    });
  }
  delete(): void {
    this.write(null, () => {
      const s = this.sheet.writable("editObjects");
      if (!s.notes.delete(this.addr)) throw new FakeOfficeError("ItemNotFound", `no note in ${this.addr}`);
    });
  }
  protected readProp(name: string): unknown {
    if (name === "content") return this.sheet.data().notes.get(this.addr) ?? null;
    return this.unknownProp(name);
  }
}

/** Column letters for tests. */
export { colToLetters };
