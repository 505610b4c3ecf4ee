/**
 * The headless WorkbookPort over the user's own package bytes (Node and browser alike):
 * `openXlsx(bytes, name)` reads the snapshot straight from the parts and applies plans as
 * patches; `save()` gives the checked copy — the input package with our changes, every
 * other part byte for byte. `createXlsx(plan)` makes a new workbook from a plan.
 */
import type { WorkbookPort } from "../../core/port";
import type { WorkbookSnapshot } from "../../core/grid";
import type { ApplyStats, CellLookRequest, CellLooks, WritePlan } from "../../core/plan";
import { XlsxBook } from "./book";
import { fflateCodec, makeEntry, writeZip, type Codec } from "./zip";
import { MINIMAL_STYLES } from "./styles";

export class XlsxPort implements WorkbookPort {
  constructor(
    readonly book: XlsxBook,
    /** File name shown in the report. */
    readonly name: string,
  ) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.book.snapshot(this.name);
  }

  async readLooks(requests: CellLookRequest[]): Promise<CellLooks> {
    return this.book.looks(requests);
  }

  async applyPlan(plan: WritePlan): Promise<ApplyStats> {
    return this.book.apply(plan);
  }

  /** The checked copy: the input package with the applied plans. */
  save(): Uint8Array {
    return this.book.save();
  }
}

export function openXlsx(bytes: Uint8Array, name: string, codec: Codec = fflateCodec): XlsxPort {
  return new XlsxPort(new XlsxBook(bytes, codec), name);
}

const enc = new TextEncoder();

/** A minimal fresh package: content types, package and workbook relationships, workbook, styles. */
export function emptyPackage(codec: Codec = fflateCodec): Uint8Array {
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", MINIMAL_STYLES],
  ];
  return writeZip(parts.map(([n, t]) => makeEntry(n, [enc.encode(t)], codec)));
}

/** A new workbook made by applying `plan` to a minimal fresh package (a sheet is added if the plan adds none). */
export function createXlsx(plan: WritePlan, codec: Codec = fflateCodec): Uint8Array {
  const book = new XlsxBook(emptyPackage(codec), codec);
  const actions = plan.actions.some((a) => a.kind === "addSheet") ? plan.actions : [{ kind: "addSheet" as const, sheet: "Sheet1" }, ...plan.actions];
  book.apply({ actions });
  return book.save();
}
