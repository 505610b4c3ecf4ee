import { RulebookSchema } from "./schema";
import { PRESETS, CENTRAL_2020, SICHUAN_2023, FIVE_GRADE } from "./presets";
import { RulebookError, getPreset, parseRulebook, parseRulebookText, ruleSetting } from "./load";
import { runRules } from "../rules/run";
import { T_RULES } from "../rules/t-rules";
import { makeBook, soundIndicators, INDICATOR_SHEET } from "../rules/testing/book";

describe("presets", () => {
  it.each(Object.keys(PRESETS))("%s validates against the schema", (name) => {
    const r = RulebookSchema.safeParse(PRESETS[name]);
    expect(r.success).toBe(true);
    expect(parseRulebook({ extends: name })).toEqual(PRESETS[name]);
  });

  it("offers the three documented presets, central-2020 by default", () => {
    expect(Object.keys(PRESETS).sort()).toEqual(["central-2020", "five-grade", "sichuan-2023"]);
    expect(parseRulebook({}).preset).toBe("central-2020");
    expect(SICHUAN_2023.scoring.weightsRequired).toBe(true);
    expect(FIVE_GRADE.scoring.grades.map((g) => g.grade)).toEqual(["优", "良", "中", "低", "差"]);
  });

  it("getPreset returns a copy: changing it does not change the preset", () => {
    const p = getPreset("central-2020");
    p.targets.satisfactionFloor = 1;
    expect(CENTRAL_2020.targets.satisfactionFloor).toBe(85);
  });
});

describe("overrides", () => {
  it("merges an override over the named preset", () => {
    const rb = parseRulebook({ extends: "sichuan-2023", targets: { satisfactionFloor: 90 } });
    expect(rb.preset).toBe("sichuan-2023");
    expect(rb.targets.satisfactionFloor).toBe(90);
    // the rest of targets and of the preset is kept
    expect(rb.targets.expectCost).toBe(true);
    expect(rb.targets.newProjectMin).toBe(50);
    expect(rb.scoring.weightsRequired).toBe(true);
    expect(SICHUAN_2023.targets.satisfactionFloor).toBe(85);
  });

  it("reads a JSON text; arrays replace rather than merge", () => {
    const rb = parseRulebookText('{"extends":"central-2020","vagueWords":["大概"],"rules":{"T017":{"params":{"min":4}}}}');
    expect(rb.vagueWords).toEqual(["大概"]);
    expect(ruleSetting(rb, "T017", "warning")).toEqual({ enabled: true, severity: "warning", params: { min: 4 } });
  });
});

describe("invalid rulebooks are refused", () => {
  function refusal(doc: unknown): RulebookError {
    try {
      parseRulebook(doc);
    } catch (e) {
      expect(e).toBeInstanceOf(RulebookError);
      return e as RulebookError;
    }
    throw new Error("expected a RulebookError");
  }

  it("a wrong type names the zod path in Chinese", () => {
    const e = refusal({ extends: "sichuan-2023", targets: { satisfactionFloor: "high" } });
    expect(e.path).toBe("targets.satisfactionFloor");
    expect(e.zh).toContain("targets.satisfactionFloor");
    expect(e.zh).toContain("规则库无效");
    expect(e.en).toContain("targets.satisfactionFloor");
  });

  it("an empty grade table", () => {
    const e = refusal({ scoring: { grades: [] } });
    expect(e.path).toBe("scoring.grades");
    expect(e.zh).toContain("scoring.grades");
  });

  it("a bad severity inside a rule setting", () => {
    const e = refusal({ rules: { T014: { severity: "fatal" } } });
    expect(e.path).toBe("rules.T014.severity");
    expect(e.zh).toContain("rules.T014.severity");
  });

  it("an unknown preset and broken JSON", () => {
    expect(refusal({ extends: "beijing-2099" }).zh).toContain("beijing-2099");
    expect(() => parseRulebookText("{ targets: ")).toThrow(RulebookError);
    expect(() => parseRulebook([1, 2])).toThrow(RulebookError);
  });

  it("is never half-applied: the presets are unchanged after a refusal", () => {
    const before = JSON.stringify(PRESETS);
    expect(() => parseRulebook({ targets: { satisfactionFloor: 90, newProjectMin: -1 } })).toThrow(RulebookError);
    expect(JSON.stringify(PRESETS)).toBe(before);
  });
});

describe("rule settings work end to end through runRules", () => {
  const book = () =>
    makeBook([{ indicators: [...soundIndicators().slice(0, 4), { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥70%" }] }]);
  const t014 = (doc: unknown) => runRules(T_RULES, { book: book(), rulebook: parseRulebook(doc) }).filter((f) => f.rule === "T014");

  it("default: T014 warns at the target cell", () => {
    const f = t014({});
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: INDICATOR_SHEET, cell: "F6" });
  });

  it("switched off", () => {
    expect(t014({ rules: { T014: { enabled: false } } })).toEqual([]);
  });

  it("severity raised", () => {
    expect(t014({ rules: { T014: { severity: "error" } } }).map((f) => f.severity)).toEqual(["error"]);
  });

  it("floor lowered below the target: no finding", () => {
    expect(t014({ targets: { satisfactionFloor: 70 } })).toEqual([]);
  });

  it("other rules keep running when one is off", () => {
    const all = runRules(T_RULES, { book: book(), rulebook: parseRulebook({ rules: { T014: { enabled: false } } }) });
    const sound = runRules(T_RULES, { book: makeBook([{ indicators: soundIndicators() }]), rulebook: parseRulebook({}) });
    expect(sound).toEqual([]);
    expect(all).toEqual([]);
    const t004 = runRules(T_RULES, {
      book: makeBook([{ indicators: soundIndicators().slice(0, 4) }]),
      rulebook: parseRulebook({ rules: { T014: { enabled: false }, T004: { severity: "error" } } }),
    });
    expect(t004.map((f) => [f.rule, f.severity, f.cell])).toEqual([["T004", "error", "B2"]]);
  });
});
