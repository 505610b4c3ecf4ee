#!/usr/bin/env -S node --v8-pool-size=0
// `jixiao` — the headless command. Starts from the compiled bundle build/jixiao.cjs (built on
// install by the `prepare` script, src/cli/build.cjs) when it is there and not older than the
// sources; otherwise runs the TypeScript sources directly through tsx's require hook, so
// `npx jixiao …` works with or without the build. JIXIAO_FROM_SOURCE=1 forces the sources.
// The first line gives Node one option (npm's shims for Windows pass it on as well):
// --v8-pool-size=0 sizes V8's background threads (its optimising compiler, the garbage
// collector's helpers) to the machine, one fewer than its cores, instead of a fixed 4 — on a
// 2-core office PC four such threads and the check itself fought over two cores. See
// docs/performance.md ("Where time goes"); src/cli/compiler-budget.ts is the other setting.
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..", "..");
const built = path.join(root, "build", "jixiao.cjs");

/** Newest modification time under dir (the sources), stopping early once one is newer than `limit`. */
function newerThan(dir, limit) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (newerThan(p, limit)) return true;
    } else if (/\.tsx?$/.test(e.name) && fs.statSync(p).mtimeMs > limit) return true;
  }
  return false;
}

function fresh() {
  if (process.env.JIXIAO_FROM_SOURCE) return false;
  let t;
  try {
    t = fs.statSync(built).mtimeMs;
  } catch {
    return false;
  }
  try {
    return !newerThan(path.join(root, "src"), t);
  } catch {
    return true; // sources not shipped: the bundle is all there is
  }
}

if (fresh()) {
  require(built);
} else {
  require("tsx/cjs");
  require("./main.ts");
}
