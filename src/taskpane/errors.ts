/** Any error from Excel, the engine or a rulebook → one clear sentence in the user's language. */
import { hasMessage, t, type Lang } from "../messages";
import { RulebookError } from "../rulebook/load";
import { NoHostError } from "./host";

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

/** A rulebook path's name for a finance officer: the longest known prefix (「评分 › 等级划分」). */
export function rulebookFieldName(path: string, lang: Lang): string {
  const parts = path.split(".").filter(Boolean);
  const names: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const key = `ui.rbfield.${parts.slice(0, i).join(".")}`;
    if (hasMessage(key, lang)) names.push(t(key, lang));
  }
  if (parts[0] === "rules" && parts[1]) names.push(parts[1]);
  return names.length ? names.join(" › ") : path;
}

/** The rulebook error with the field named in words, the path second, types in words. */
function describeRulebookError(e: RulebookError, lang: Lang): string {
  const own = lang === "zh-CN" ? e.zh : e.en;
  if (!e.path) return own;
  // The loader's sentence is 「规则库无效：path —— detail」 / "invalid rulebook: path — detail".
  const m = /(?:——|—)\s*(.*)$/.exec(own);
  if (!m) return own;
  const detail = m[1].replace(/\b(array|object|number|string|boolean)\b/g, (w) => t(`ui.rulebook.type.${w}`, lang));
  return t("ui.rulebook.invalid", lang, { field: rulebookFieldName(e.path, lang), path: e.path, detail });
}

/** The sheet an Excel error names (「the sheet '项目表' is protected」), if any. */
export function sheetOfError(e: unknown): string | null {
  const err = (e ?? {}) as OfficeLikeError & { sheet?: unknown };
  if (typeof err.sheet === "string" && err.sheet) return err.sheet;
  const text = `${err.message ?? ""} ${err.debugInfo?.message ?? ""} ${err.debugInfo?.errorLocation ?? ""}`;
  const m = /[「'‘“"]([^」'’”"]+)[」'’”"]/.exec(text);
  return m ? m[1] : null;
}

export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof RulebookError) return describeRulebookError(e, lang);
  if (e instanceof NoHostError) return t("ui.error.noHost", lang);
  // Errors that carry their own bilingual sentence (the Office.js adapter's protection check).
  const own = e as { zh?: unknown; en?: unknown } | null;
  if (own && typeof own.zh === "string" && typeof own.en === "string") return lang === "zh-CN" ? own.zh : own.en;
  const err = (e ?? {}) as OfficeLikeError;
  const text = `${err.code ?? ""} ${err.message ?? String(e)}`;
  const detail = err.debugInfo?.errorLocation ?? err.message ?? String(e);
  if (/AccessDenied|protected|受保护/i.test(text)) return t("ui.error.protected", lang);
  if (/(Request|Response)PayloadSizeLimitExceeded|PayloadTooLarge/i.test(text)) return t("excel.payload", lang);
  if (/InvalidOperationInCellEditMode|CellEditMode/i.test(text)) return t("ui.error.busy", lang);
  if (/ItemNotFound/i.test(text)) return t("ui.error.notFound", lang, { detail });
  if (/ApiNotFound|not supported/i.test(text)) return t("ui.error.api", lang);
  return t("ui.error.generic", lang, { detail: err.message ?? String(e) });
}
