import type { CellValue, WorkbookSnapshot } from "../core/grid";
import { readState, STATE_SHEET, encodeState } from "../core/state";
import type { PlanAction } from "../core/plan";
import { acceptFinding, acceptedStatePlan, readAccepted, revokeAcceptance, ReasonRequiredError, ACCEPTED_KEY } from "./accepted";

const f = { rule: "T014", project: "P1", message: "满意度目标偏低", fingerprint: "T014|code:p1|满意度|target", valueHash: "abc" };

/** Apply the state plan's setValues to a snapshot (enough for the state sheet). */
function applied(book: WorkbookSnapshot, actions: PlanAction[]): WorkbookSnapshot {
  let sheets = book.sheets;
  for (const a of actions) {
    if (a.kind === "addSheet") sheets = [...sheets, { name: a.sheet, values: [], merges: [], formats: {}, visibility: a.visibility }];
    if (a.kind === "clearRange") sheets = sheets.map((s) => (s.name === a.sheet ? { ...s, values: [] } : s));
    if (a.kind === "setValues") sheets = sheets.map((s) => (s.name === a.sheet ? { ...s, values: a.values as CellValue[][] } : s));
  }
  return { ...book, sheets };
}

describe("审核确认 (accepted findings)", () => {
  it("needs a reason", () => {
    expect(() => acceptFinding([], f, "  ")).toThrow(ReasonRequiredError);
  });

  it("accept, replace, revoke", () => {
    let list = acceptFinding([], f, "理由一");
    list = acceptFinding(list, f, "理由二");
    expect(list).toHaveLength(1);
    expect(list[0].reason).toBe("理由二");
    expect(revokeAcceptance(list, f.fingerprint)).toEqual([]);
  });

  it("are stored under their own key in the state sheet, keeping the other keys, and read back", () => {
    const book: WorkbookSnapshot = { name: "b.xlsx", sheets: [{ name: "项目表", values: [["项目名称"]], merges: [], formats: {} }, { name: STATE_SHEET, values: encodeState({ mapping: { 项目表: { code: "A" } } }) as CellValue[][], merges: [], formats: {}, visibility: "veryHidden" }] };
    const list = acceptFinding([], f, "基线较低", { by: "张三", at: "2025-04-10T09:00:00Z" });
    const after = applied(book, acceptedStatePlan(book, list));
    const docs = readState(after);
    expect(docs.mapping).toEqual({ 项目表: { code: "A" } });
    expect(readAccepted(docs)).toEqual(list);
    // Revoking the last one removes the key, nothing else.
    const cleared = applied(after, acceptedStatePlan(after, []));
    expect(ACCEPTED_KEY in readState(cleared)).toBe(false);
    expect(readState(cleared).mapping).toBeDefined();
  });

  it("a damaged or foreign document is ignored, entry by entry", () => {
    expect(readAccepted({ [ACCEPTED_KEY]: "junk" })).toEqual([]);
    expect(readAccepted({ [ACCEPTED_KEY]: { version: 1, items: [{ fingerprint: "x" }, { ...f, reason: "ok" }] } })).toHaveLength(1);
    expect(readAccepted({ [ACCEPTED_KEY]: { version: 1, items: [{ ...f, reason: "" }] } })).toEqual([]);
  });
});
