#!/usr/bin/env node
// Compiles the command line once, on install (`npm ci` runs the `prepare` script): esbuild
// bundles src/cli/main.ts and the domain into build/jixiao.cjs, with every npm package
// (exceljs, zod, commander, …) left as a plain require. src/cli/bin.cjs starts from it, so
// `jixiao` does not compile TypeScript on every call. Without esbuild (a production install
// without dev dependencies) nothing is built and bin.cjs runs the sources through tsx.
//   node src/cli/build.cjs            (what `npm run prepare` does)
//   node src/cli/build.cjs OUT.cjs    (somewhere else: the tests)
const path = require("path");
const root = path.join(__dirname, "..", "..");
const outfile = path.resolve(process.argv[2] ?? path.join(root, "build", "jixiao.cjs"));

let esbuild;
try {
  esbuild = require("esbuild");
} catch {
  process.stderr.write("jixiao: esbuild 不可用，命令行将通过 tsx 运行源码 / esbuild not installed: the command line runs from source through tsx\n");
  process.exit(0);
}

esbuild.buildSync({
  entryPoints: [path.join(root, "src", "cli", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  legalComments: "none",
  logLevel: "warning",
});
process.stdout.write(`jixiao: built ${path.relative(root, outfile)}\n`);
