/**
 * The one message catalogue: zh-CN first, English second. Sections per rule family only to
 * keep files small; lookups go through here.
 */
import type { Lang, MessageEntry, Section } from "./types";
import { shorten } from "./shorten";
import zhD from "./zh-CN/d";
import zhT from "./zh-CN/t";
import zhE from "./zh-CN/e";
import zhM from "./zh-CN/m";
import zhUi from "./zh-CN/ui";
import zhSheets from "./zh-CN/sheets";
import zhExcel from "./zh-CN/excel";
import zhX from "./zh-CN/x";
import zhRound from "./zh-CN/round";
import zhInput from "./zh-CN/input";
import zhStandalone from "./zh-CN/standalone";
import zhReview from "./zh-CN/review";
import enD from "./en/d";
import enT from "./en/t";
import enE from "./en/e";
import enM from "./en/m";
import enUi from "./en/ui";
import enSheets from "./en/sheets";
import enExcel from "./en/excel";
import enX from "./en/x";
import enRound from "./en/round";
import enInput from "./en/input";
import enStandalone from "./en/standalone";
import enReview from "./en/review";

export type { Lang, MessageEntry, Section };

export const catalogue: Record<Lang, Section> = {
  "zh-CN": { ...zhD, ...zhT, ...zhE, ...zhM, ...zhUi, ...zhSheets, ...zhExcel, ...zhX, ...zhRound, ...zhInput, ...zhStandalone, ...zhReview },
  en: { ...enD, ...enT, ...enE, ...enM, ...enUi, ...enSheets, ...enExcel, ...enX, ...enRound, ...enInput, ...enStandalone, ...enReview },
};

export type Params = Record<string, string | number>;

/** Parameters composed by the add-in itself (lists, messages, reasons): never shortened. Everything else quotes the sheet. */
const COMPOSED = new Set(["message", "hint", "detail", "list", "ranges", "sheets", "cells", "columns", "columnsEn", "reason", "path", "dir", "bands", "allowed", "all", "title", "modes", "words", "qualitative", "stage", "time", "layout", "format"]);

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? fmt(params[k], k) : m));
}

function fmt(v: string | number, key = ""): string {
  if (typeof v === "number") {
    // No non-finite number ever reaches a message.
    if (!Number.isFinite(v)) return "—";
    // Up to 2 decimals, no trailing zeros, no exponent.
    const r = Math.round(v * 100) / 100;
    return Number.isFinite(r) ? String(r) : String(v);
  }
  // A long text from the sheet is quoted shortened (60 characters and 「…」).
  return COMPOSED.has(key) ? v : shorten(v);
}

export function hasMessage(key: string, lang: Lang = "zh-CN"): boolean {
  return key in catalogue[lang];
}

/** The message and hint for a key; a missing key is a programming error caught by the catalogue test. */
export function formatMessage(key: string, params: Params = {}, lang: Lang = "zh-CN"): MessageEntry {
  const e = catalogue[lang][key];
  if (!e) return { message: `[${key}] ${JSON.stringify(params)}`, hint: "" };
  return { message: fill(e.message, params), hint: fill(e.hint, params) };
}

/** A finding's message and hint in both languages, zh-CN first (what every finding carries). */
export function findingText(key: string, params: Params = {}): { message: string; hint: string; messageEn: string; hintEn: string } {
  const zh = formatMessage(key, params, "zh-CN");
  const en = formatMessage(key, params, "en");
  return { message: zh.message, hint: zh.hint, messageEn: en.message, hintEn: en.hint };
}

/** A UI string (no hint). */
export function t(key: string, lang: Lang = "zh-CN", params: Params = {}): string {
  return formatMessage(key, params, lang).message;
}
