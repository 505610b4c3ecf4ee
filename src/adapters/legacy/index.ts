/**
 * The formats finance offices still exchange: Excel 97–2003 (.xls, BIFF8), WPS (.et) and
 * OpenDocument (.ods), read with SheetJS's maintained build (@e965/xlsx) and converted to an
 * .xlsx package in memory, so that the normal pipeline (and the normal .xlsx writer) runs on
 * it. The checked copy is then an .xlsx. Also tells apart what cannot be read at all: a
 * password-protected .xlsx (an OLE container with EncryptionInfo), a damaged legacy file, a
 * file that is no workbook. Bytes in, .xlsx bytes out: nothing here knows the pipeline.
 */
import type * as SheetJS from "@e965/xlsx";
import { readZip } from "../xlsx/zip";
import { t } from "../../messages";

export type LegacyFormat = "xls" | "et" | "ods";
export type InputKind = "xlsx" | LegacyFormat | "encrypted" | "unknown";

/** A file that cannot be checked, with a one-line zh-CN and English reason. */
export class InputFormatError extends Error {
  constructor(
    readonly kind: InputKind,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "InputFormatError";
  }
}

/** SheetJS, loaded on first use: it costs ~70 ms to load, and an .xlsx never needs it. */
let sheetjs: typeof SheetJS | null = null;
function XLSX(): typeof SheetJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sheetjs ??= require("@e965/xlsx") as typeof SheetJS);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function ext(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

/** What a file is, from its bytes (its name only tells .et from .xls). */
export function sniffInput(bytes: Uint8Array, fileName: string): InputKind {
  if (startsWith(bytes, ZIP)) {
    // An ODF package has a 「mimetype」 entry and no [Content_Types].xml (only the names are read).
    let names: Set<string>;
    try {
      names = new Set(readZip(bytes).map((e) => e.name));
    } catch {
      return "xlsx";
    }
    return names.has("mimetype") && names.has("content.xml") && !names.has("[Content_Types].xml") ? "ods" : "xlsx";
  }
  if (startsWith(bytes, CFB)) {
    let names: string[] = [];
    try {
      names = XLSX().CFB.read(bytes, { type: "buffer" }).FullPaths.map((p: string) => p.replace(/\/$/, "").split("/").pop() ?? "");
    } catch {
      // A damaged compound file: by its name a damaged .xls / .et (said so), else no workbook.
      return ext(fileName) === "et" ? "et" : ext(fileName) === "xls" ? "xls" : "unknown";
    }
    if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) return "encrypted";
    if (names.some((n) => n === "Workbook" || n === "Book")) return ext(fileName) === "et" ? "et" : "xls";
    // A compound file without a workbook stream: a damaged .xls / .et by its name, else no workbook.
    return ext(fileName) === "et" ? "et" : ext(fileName) === "xls" ? "xls" : "unknown";
  }
  return "unknown";
}

function words(key: string, params: Record<string, string>): { zh: string; en: string } {
  return { zh: t(key, "zh-CN", params), en: t(key, "en", params) };
}

function refuse(kind: InputKind, key: string, file: string, format?: LegacyFormat): InputFormatError {
  const zh = words(key, { file, format: format ? t(`format.${format}`, "zh-CN") : "" }).zh;
  const en = words(key, { file, format: format ? t(`format.${format}`, "en") : "" }).en;
  return new InputFormatError(kind, zh, en);
}

/** SheetJS reports number formats it only approximates (ODS conditions) on console.error: not the user's concern. */
function quietly<T>(f: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return f();
  } finally {
    console.error = error;
  }
}

/**
 * The workbook's bytes as an .xlsx package: .xlsx as they are, .xls / .et / .ods converted.
 * Throws InputFormatError for an encrypted, damaged or unknown file.
 */
export function toXlsx(bytes: Uint8Array, fileName: string): { xlsx: Uint8Array; convertedFrom: LegacyFormat | null } {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const kind = sniffInput(bytes, fileName);
  if (kind === "xlsx") return { xlsx: bytes, convertedFrom: null };
  if (kind === "encrypted") throw refuse(kind, "cli.input.encrypted", file);
  if (kind === "unknown") throw refuse(kind, "cli.input.unknown", file);
  let out: Uint8Array;
  try {
    out = quietly(() => {
      const wb = XLSX().read(bytes, { type: "buffer", cellNF: true, cellDates: false, cellStyles: false });
      return XLSX().write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Uint8Array;
    });
  } catch (e) {
    if (/password|encrypt/i.test((e as Error).message)) throw refuse("encrypted", "cli.input.encrypted", file);
    throw refuse(kind, "cli.input.legacy", file, kind);
  }
  return { xlsx: out, convertedFrom: kind };
}
