/** `jixiao check --timings`: per file, on stderr, one `stage ms` line per stage of the run. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCheckCommand } from "../../src/cli/commands";
import { STAGES, Timings } from "../../src/engine/timings";

const root = path.resolve(__dirname, "../..");
const sample = path.join(root, "assets/samples/sample-county-2024.xlsx");
const midyear = path.join(root, "assets/samples/sample-county-2024-midyear.xlsx");

describe("--timings", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-timings-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (timings: boolean) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCheckCommand([sample, midyear], { out: path.join(dir, "out"), write: true, quiet: true, timings }, { out: (s) => void out.push(s), err: (s) => void err.push(s), isTTY: false });
    // Without a terminal, the progress lines ([1/2] …) go to stderr too: leave them out.
    return { code, err: err.join("").split("\n").filter((l) => !/^\[\d+\/\d+\]/.test(l)).join("\n") };
  };

  it("prints every stage of every file, with times that add up to real work", async () => {
    const { code, err } = await run(true);
    expect(code).toBe(0);
    const blocks = err.split(/^# /m).filter(Boolean);
    expect(blocks.map((b) => b.split("\n")[0])).toEqual(["sample-county-2024.xlsx", "sample-county-2024-midyear.xlsx"]);
    for (const [i, b] of blocks.entries()) {
      const lines = b.trim().split("\n").slice(1);
      expect(lines.map((l) => l.split(" ")[0])).toEqual([...STAGES]);
      const ms = Object.fromEntries(lines.map((l) => [l.split(" ")[0], Number(l.split(" ")[1])]));
      for (const s of STAGES) expect(Number.isFinite(ms[s]) && ms[s] >= 0).toBe(true);
      // Reading, modelling and writing a real workbook take time; start-up only once, with the first file.
      for (const s of ["read", "model", "write"]) expect(ms[s]).toBeGreaterThan(0);
      if (i === 0) expect(ms["start-up"]).toBeGreaterThan(0);
      else expect(ms["start-up"]).toBe(0);
    }
  });

  it("prints nothing without the option", async () => {
    expect((await run(false)).err.trim()).toBe("");
  });

  it("sums the rule categories under rules", () => {
    let t = 0;
    const tm = new Timings(() => t);
    tm.add("rules D", 1);
    tm.add("rules T", 2.5);
    tm.add("rules E", 0.25);
    tm.add("rules", 0.25);
    t = 0;
    tm.time("scoring", () => (t = 7));
    expect(tm.lines()).toContain("rules 4.0");
    expect(tm.lines()).toContain("scoring 7.0");
  });
});
