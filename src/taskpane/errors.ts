/** Any error from Excel, the engine or a rulebook → one clear sentence in the user's language. */
import { t, type Lang } from "../messages";
import { RulebookError } from "../rulebook/load";
import { NoHostError } from "./host";

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

export function describeError(e: unknown, lang: Lang): string {
  // The rulebook loader's own sentence already names the zod path.
  if (e instanceof RulebookError) return lang === "zh-CN" ? e.zh : e.en;
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
