/**
 * What the page hands back to the user: files saved through the browser's download, and the
 * names they get. Nothing is uploaded anywhere; the originals are only ever read.
 */
import { zipSync } from "fflate";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

export interface Download {
  name: string;
  bytes: Uint8Array;
  type: string;
}

/** Hand bytes to the browser as a download (a Blob URL and a clicked link). */
export function saveDownload(d: Download): void {
  const url = URL.createObjectURL(new Blob([d.bytes as BlobPart], { type: d.type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = d.name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the bytes once the click is handled; keep the URL a little longer.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function splitName(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: "" };
}

/** The extension a copy gets: an .xlsm stays one only if the adapter kept its macros. */
function copyExt(ext: string, keepsMacros: boolean): string {
  if (!ext) return ".xlsx";
  return /^\.xlsm$/i.test(ext) && !keepsMacros ? ".xlsx" : ext;
}

/** 「预算表.xlsx」 → 「预算表（已检查）.xlsx」: never the original's name, so it cannot replace it in a download folder. */
export function checkedName(name: string, keepsMacros = true): string {
  const { stem, ext } = splitName(name);
  return `${stem}（已检查）${copyExt(ext, keepsMacros)}`;
}

/** The copy without the marks of an earlier check. */
export function clearedName(name: string, keepsMacros = true): string {
  const { stem, ext } = splitName(name);
  return `${stem}（已清除标记）${copyExt(ext, keepsMacros)}`;
}

export function workbookType(name: string): string {
  return /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE;
}

/** Display names unique within a batch: a second 「a.xlsx」 becomes 「a (2).xlsx」, as `jixiao check` names its copies. */
export function uniqueNames(names: string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return names.map((n) => {
    let out = n;
    const { stem, ext } = splitName(n);
    for (let i = 2; used.has(out); i++) out = `${stem} (${i})${ext}`;
    used.add(out);
    return out;
  });
}

/** Several downloads as one zip (names made unique inside it). */
export function zipDownloads(name: string, files: Download[]): Download {
  const names = uniqueNames(files.map((f) => f.name));
  const entries: Record<string, Uint8Array> = {};
  files.forEach((f, i) => (entries[names[i]] = f.bytes));
  // The workbooks are zips already: store them.
  return { name, bytes: zipSync(entries, { level: 0 }), type: "application/zip" };
}

export function jsonDownload(name: string, value: unknown): Download {
  return { name, bytes: new TextEncoder().encode(JSON.stringify(value, null, 2) + "\n"), type: "application/json" };
}
