import * as fs from "fs";
import * as path from "path";
import { T_RULES } from "./t-rules";
import { catalogue } from "../messages";
import zhT from "../messages/zh-CN/t";
import enT from "../messages/en/t";

/** rules.md, T section: id → default severity. */
const SPEC: Record<string, "error" | "warning" | "info"> = {
  T001: "error", T002: "warning", T003: "error", T004: "warning", T005: "warning", T006: "info", T007: "error", T008: "error",
  T009: "warning", T010: "error", T011: "warning", T012: "warning", T013: "warning", T014: "warning", T015: "info", T016: "warning",
  T017: "warning", T018: "warning", T019: "warning", T020: "warning", T021: "error", T022: "info", T023: "error",
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** messageIds a rule module can report: literal 「"T0xx.variant"」 strings, and its own id when a report call has no messageId. */
function messageIdsIn(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  const ids = [...src.matchAll(/"(T\d{3}\.[A-Za-z0-9]+)"/g)].map((m) => m[1]);
  // A report call without a messageId uses the rule's own id.
  const calls = src.split("ctx.report(").slice(1);
  if (calls.some((c) => !/^\s*\{[^;]*?messageId/.test(c.slice(0, 200)))) ids.push(path.basename(file).slice(0, 4));
  return [...new Set(ids)];
}

describe("T rule catalogue", () => {
  it("T_RULES holds T001–T023 once each, in order", () => {
    expect(T_RULES.map((r) => r.meta.id)).toEqual(Object.keys(SPEC));
  });

  it.each(T_RULES.map((r) => [r.meta.id, r] as const))("%s meta follows rules.md", (id, rule) => {
    expect(rule.meta.category).toBe("T");
    expect(rule.meta.severity).toBe(SPEC[id]);
    expect(rule.meta.title.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.meta.title.en).toMatch(/[a-z]/);
    expect(rule.meta.source.length).toBeGreaterThan(3);
    expect(rule.meta.practice === true).toBe(id === "T015" || id === "T022");
  });

  it.each(Object.keys(SPEC))("%s has zh-CN and en entries", (id) => {
    for (const lang of ["zh-CN", "en"] as const) {
      const keys = Object.keys(catalogue[lang]).filter((k) => k === id || k.startsWith(id + "."));
      expect(keys.length).toBeGreaterThan(0);
    }
  });

  it("zh-CN and en have the same T keys, each with message and hint and the same placeholders", () => {
    expect(Object.keys(enT).sort()).toEqual(Object.keys(zhT).sort());
    for (const key of Object.keys(zhT)) {
      expect(key).toMatch(/^T\d{3}(\.\w+)?$/);
      const zh = zhT[key];
      const en = enT[key];
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.hint.length).toBeGreaterThan(0);
      expect(en.message.length).toBeGreaterThan(0);
      expect(en.hint.length).toBeGreaterThan(0);
      expect(zh.hint.startsWith("建议")).toBe(false);
      expect(placeholders(en.message + en.hint)).toEqual(placeholders(zh.message + zh.hint));
    }
  });

  it("every messageId a rule module names exists in both languages, and every key is used", () => {
    const dir = __dirname;
    const files = fs.readdirSync(dir).filter((f) => /^T\d{3}-.*\.ts$/.test(f) && !f.endsWith(".test.ts"));
    expect(files).toHaveLength(23);
    const used = new Set<string>();
    for (const f of files) {
      const id = f.slice(0, 4);
      const ids = messageIdsIn(path.join(dir, f));
      // T023 builds its variant from the project attribute
      if (id === "T023") ids.push("T023.new", "T023.recurring", "T023.unknown");
      for (const m of ids) {
        used.add(m);
        expect([m, m in zhT, m in enT]).toEqual([m, true, true]);
      }
    }
    expect(Object.keys(zhT).filter((k) => !used.has(k))).toEqual([]);
  });
});
