import { D_RULES } from "./d-rules";
import { findingsFor } from "./testing/tester";
import { soundIndicators } from "./testing/book";

describe("D rules", () => {
  it("lists D001–D012 once each, in order", () => {
    expect(D_RULES.map((r) => r.meta.id)).toEqual(["D001", "D002", "D003", "D004", "D005", "D006", "D007", "D008", "D009", "D010", "D011", "D012"]);
  });
  it("a sound project gets no D finding", () => {
    const f = findingsFor(D_RULES, {
      name: "sound",
      projects: [
        { code: "P001", name: "职业技能培训", department: "人社局", initialBudget: 100, budget: 120, spent: 110, fiscalFunds: 100, otherFunds: 0, indicators: soundIndicators() },
        { code: "P002", name: "农村道路养护", department: "交通局", initialBudget: 300, budget: 300, spent: 280, fiscalFunds: 250, otherFunds: 50, indicators: soundIndicators() },
      ],
    });
    expect(f).toEqual([]);
  });
  it("a broken project gets several D findings at once", () => {
    const f = findingsFor(D_RULES, { name: "broken", projects: [{ code: "P1", budget: -1, spent: 5 }, { code: "P1", indicators: soundIndicators() }] });
    expect(f.map((x) => x.rule).sort()).toEqual(["D003", "D004", "D006"]);
  });
});

import fs from "fs";
import path from "path";
import zhD from "../messages/zh-CN/d";
import enD from "../messages/en/d";

describe("D messages", () => {
  it("zh-CN and en have the same keys", () => {
    expect(Object.keys(enD).sort()).toEqual(Object.keys(zhD).sort());
  });
  it("every messageId a D rule uses is in the catalogue", () => {
    const dir = __dirname;
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((x) => /^D\d{3}-.*(?<!\.test)\.ts$/.test(x))) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      for (const m of src.matchAll(/"(D\d{3}(?:\.[\w.]+)?)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(9);
    for (const id of used) {
      if (!/\./.test(id) && !(id in zhD)) continue; // a bare rule id used only as meta.id
      expect(zhD).toHaveProperty([id]);
    }
  });
});
