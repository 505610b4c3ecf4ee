/** Highlights on the cells findings point at: which cells, which colour, which note. */
import type { CellLookRequest } from "../core/plan";
import { fromA1, toA1 } from "../core/address";
import type { Finding } from "../rules/types";
import type { Severity } from "../rulebook/schema";
import { t, type Lang } from "../messages";
import { SEVERITY_RANK } from "./style";

/** "f17", "$F$17" or "F17:G18" → the top-left cell (0-based); anything else → null (a sheet-level finding). */
export function cellPoint(cell: string): { row: number; col: number } | null {
  if (!cell) return null;
  const colon = cell.indexOf(":");
  const first = colon < 0 ? cell : cell.slice(0, colon);
  try {
    const p = fromA1(first);
    if (p.row < 0 || p.col < 0 || p.row >= 1048576 || p.col >= 16384) return null;
    return p;
  } catch {
    return null;
  }
}

/** "f17", "$F$17" or "F17:G18" → "F17" (top-left); anything else → null (a sheet-level finding). */
export function normaliseCell(cell: string): string | null {
  const p = cellPoint(cell);
  return p ? toA1(p.row, p.col) : null;
}

/** sheet → address → the findings on that cell (in the order given). */
export function findingsByCell(findings: Finding[]): Map<string, Map<string, Finding[]>> {
  const out = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const address = normaliseCell(f.cell);
    if (!address || !f.sheet) continue;
    const sheet = out.get(f.sheet) ?? new Map<string, Finding[]>();
    const list = sheet.get(address) ?? [];
    list.push(f);
    sheet.set(address, list);
    out.set(f.sheet, sheet);
  }
  return out;
}

/** The cells whose fill and note must be read (and recorded) before highlighting them. */
export function highlightRequests(findings: Finding[]): CellLookRequest[] {
  return [...findingsByCell(findings)].map(([sheet, cells]) => ({ sheet, addresses: [...cells.keys()] }));
}

/** The most severe of a cell's findings. */
export function worstSeverity(findings: Finding[]): Severity {
  let worst: Severity = "info";
  for (const f of findings) if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Severity words by language (looked up once, not once a finding). */
const SEVERITY_WORDS = new Map<string, string>();

export function severityWord(s: Severity, lang: Lang = "zh-CN"): string {
  const k = `${lang}\u0000${s}`;
  let w = SEVERITY_WORDS.get(k);
  if (w === undefined) {
    w = t(`sheets.severity.${s}`, lang);
    SEVERITY_WORDS.set(k, w);
  }
  return w;
}

/** 「【T014 警告】…建议：…」 — one paragraph per finding, most severe first. */
export function noteText(findings: Finding[], lang: Lang = "zh-CN", memo?: Map<string, string>): string {
  if (findings.length === 1) return noteLine(findings[0], lang, memo);
  const sorted = findings.slice().sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const f of sorted) {
    const text = noteLine(f, lang, memo);
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(text);
  }
  return parts.join("\n");
}

/** One finding's paragraph of a note (`memo`: paragraphs already made, by rule, severity, message and hint). */
function noteLine(f: Finding, lang: Lang, memo?: Map<string, string>): string {
  const message = lang === "en" ? f.messageEn : f.message;
  const hint = lang === "en" ? f.hintEn : f.hint;
  const k = memo ? `${f.rule}\u0000${f.severity}\u0000${message}\u0000${hint ?? ""}` : "";
  const known = memo?.get(k);
  if (known !== undefined) return known;
  let text = t("sheets.note.line", lang, { rule: f.rule, severity: severityWord(f.severity, lang), message });
  if (hint) text += t("sheets.note.hint", lang, { hint });
  memo?.set(k, text);
  return text;
}
