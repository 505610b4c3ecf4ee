import fc from "fast-check";
import { base36, FNV_PRIME } from "./state-verify";
import { cellsSignature } from "./state";

// Signatures are stored in users' workbooks (the state sheet) and checked on the next run: they
// must not change. These were made by the first implementation (a string per cell, hashed
// whole); the faster one must give exactly the same.
describe("cellsSignature", () => {
  test("gives the signatures of the first implementation", () => {
    const sparse: (number | string | undefined)[][] = [];
    sparse[1] = [undefined, 3];
    sparse[3] = ["a", undefined, "b"];
    delete sparse[3][1];
    expect(cellsSignature([[0, -0, 1, -1, 10, 999999999999, -999999999999, 1e12, -1e12, 123456789012345, 2 ** 53, 1e21, 1e-7, 0.1 + 0.2, 85.5, 1 / 3, 0.9277625431647369]])).toBe("v2:17:1d6dhh7flsla9");
    expect(cellsSignature([[NaN, Infinity, -Infinity, 5]])).toBe("v2:1:1q0tontsbqdyc");
    expect(cellsSignature([["绩效助手结果", "", null, true, false, { error: "#N/A" }, "x\u0001y"]])).toBe("v2:5:1jkxqnpafwetm");
    expect(cellsSignature([[10, null], [10, null], [9.5, "问题"], [10, null]])).toBe("v2:5:2aukec170o19g");
    expect(cellsSignature(sparse)).toBe("v2:3:st8v6b1pkw4fc");
    expect(cellsSignature([["b", 2], ["a", 1]])).toBe("v2:4:g6pirdf0cu0");
  });

  test("rows count as a set; any changed, added or removed value changes it", () => {
    const rows = [["a", 1], ["b", 2], ["b", 2]];
    const sig = cellsSignature(rows);
    expect(cellsSignature([["b", 2], ["a", 1], ["b", 2]])).toBe(sig);
    expect(cellsSignature([["a", 1], ["b", 2]])).not.toBe(sig);
    expect(cellsSignature([["a", 1], ["b", 2], ["b", 3]])).not.toBe(sig);
    expect(cellsSignature([["a", 1], ["b", 2], ["b", 2, "x"]])).not.toBe(sig);
    // Numbers to 12 significant digits.
    expect(cellsSignature([[0.1 + 0.2]])).toBe(cellsSignature([[0.3]]));
    expect(cellsSignature([[1234567890123]])).toBe(cellsSignature([[1234567890120]]));
    expect(cellsSignature([[1.5]])).not.toBe(cellsSignature([[1.25]]));
  });
});

describe("base36 (a row digest's digits)", () => {
  test("is Number#toString(36) for every unsigned 32-bit integer it is given", () => {
    const edges = [0, 1, 35, 36, 37, 1295, 1296, 46655, 46656, 1679615, 1679616, 60466175, 60466176, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1];
    for (const x of edges) expect(base36(x)).toBe(x.toString(36));
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (x) => expect(base36(x)).toBe(x.toString(36))), { numRuns: 20000 });
  });
});

describe("the hash's multiply", () => {
  test("Math.imul by the prime is the shifts and adds it was first written with, for every 32-bit value", () => {
    const shifts = (x: number) => (x + (x << 1) + (x << 4) + (x << 7) + (x << 8) + (x << 24)) | 0;
    for (const x of [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 0x811c9dc5 | 0]) expect(Math.imul(x, FNV_PRIME)).toBe(shifts(x));
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (x) => expect(Math.imul(x, FNV_PRIME)).toBe(shifts(x))), { numRuns: 20000 });
  });
});
