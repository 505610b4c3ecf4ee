/**
 * The Node options the `jixiao` command starts with — those on the first line of
 * src/cli/bin.cjs, which npm's shims (Linux, macOS, Windows) pass to Node — so that the benches
 * run the command as a user's `jixiao` / `npx jixiao` does.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const BIN = join(resolve(__dirname, "..", ".."), "src", "cli", "bin.cjs");

export function binNodeOptions(): string[] {
  const first = readFileSync(BIN, "utf8").split("\n", 1)[0];
  const m = /^#!\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+-\S+)*)\s*$/.exec(first);
  if (!m) throw new Error(`src/cli/bin.cjs does not start with a node shebang: ${first}`);
  return m[1].split(/\s+/).filter(Boolean);
}
