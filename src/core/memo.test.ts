import { memoByText } from "./memo";

describe("memoByText", () => {
  it("works each distinct text out once, null and undefined answers included", () => {
    const seen: string[] = [];
    const f = memoByText((t: string) => {
      seen.push(t);
      return t === "a" ? null : t === "b" ? undefined : t.length;
    });
    expect([f("a"), f("b"), f("cc"), f("a"), f("b"), f("cc")]).toEqual([null, undefined, 2, null, undefined, 2]);
    expect(seen).toEqual(["a", "b", "cc"]);
  });

  it("stays bounded: past max texts it starts again, and still answers right", () => {
    let calls = 0;
    const f = memoByText((t: string) => (calls++, t + "!"), 3);
    for (const t of ["a", "b", "c", "d", "a"]) expect(f(t)).toBe(t + "!");
    expect(calls).toBe(5); // "d" dropped the memory, so "a" was worked out again
    expect(f("d")).toBe("d!");
    expect(calls).toBe(5);
  });
});
