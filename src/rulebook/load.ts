/**
 * Loading a rulebook: a JSON document that names a preset (`"extends"`, default
 * central-2020) and overrides any part of it. Validated with zod; an invalid one is refused
 * with the zod path and a Chinese (and English) message, never half-applied.
 */
import type { z } from "zod";
import { PRESETS, DEFAULT_PRESET } from "./presets";
import type { Rulebook, RuleSetting, Severity } from "./schema";

/** The zod schema, loaded on first use: `jixiao rules` and a run on a preset never parse a rulebook. */
function rulebookSchema(): typeof import("./schema").RulebookSchema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("./schema") as typeof import("./schema")).RulebookSchema;
}

export class RulebookError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly path: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "RulebookError";
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, arrays and scalars replace. */
export function deepMerge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out as T;
}

export function getPreset(name: string = DEFAULT_PRESET): Rulebook {
  const p = PRESETS[name];
  if (!p) {
    throw new RulebookError(
      `未知的预设「${name}」，可用：${Object.keys(PRESETS).join("、")}`,
      `unknown preset "${name}"; available: ${Object.keys(PRESETS).join(", ")}`,
      "extends",
    );
  }
  return structuredClone(p);
}

/** Parse a user rulebook document (already JSON-parsed). */
export function parseRulebook(doc: unknown): Rulebook {
  if (!isPlainObject(doc)) throw new RulebookError("规则库必须是一个 JSON 对象", "the rulebook must be a JSON object", "");
  const { extends: ext, ...rest } = doc;
  const presetName = typeof ext === "string" ? ext : typeof rest.preset === "string" && PRESETS[rest.preset] ? rest.preset : DEFAULT_PRESET;
  const merged = deepMerge(getPreset(presetName), rest);
  const result = rulebookSchema().safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.map(String).join(".");
    throw new RulebookError(
      `规则库无效：${path || "(根)"} —— ${zhIssue(issue)}`,
      `invalid rulebook: ${path || "(root)"} — ${issue.message}`,
      path,
    );
  }
  return result.data;
}

export function parseRulebookText(text: string): Rulebook {
  let doc: unknown;
  try {
    // A UTF-8 byte-order mark (Windows Notepad) is not part of the JSON.
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new RulebookError(`规则库不是有效的 JSON：${(e as Error).message}`, `the rulebook is not valid JSON: ${(e as Error).message}`, "");
  }
  return parseRulebook(doc);
}

function zhIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `类型不对，应为 ${issue.expected}`;
    case "too_small":
      return `数值或长度过小（最小 ${String(issue.minimum)}）`;
    case "too_big":
      return `数值或长度过大（最大 ${String(issue.maximum)}）`;
    case "invalid_value":
      return `取值不在允许范围内：${issue.values.map(String).join("、")}`;
    case "invalid_format":
      return `格式不对（${issue.format}）`;
    default:
      return issue.message;
  }
}

/** A rule's effective setting: enabled, severity (rule default unless overridden), params. */
export function ruleSetting(book: Rulebook, id: string, defaultSeverity: Severity): Required<Pick<RuleSetting, "enabled">> & { severity: Severity; params: NonNullable<RuleSetting["params"]> } {
  const s = book.rules[id];
  return { enabled: s?.enabled ?? true, severity: s?.severity ?? defaultSeverity, params: s?.params ?? {} };
}
