#!/usr/bin/env node
// Runs a TypeScript file as the main module, through tsx's require hook (no build step):
//   node src/cli/run-ts.cjs file.ts [args…]
// The file sees itself as require.main, with its own arguments from process.argv[2].
require("tsx/cjs");
const path = require("path");
const Module = require("module");
const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node src/cli/run-ts.cjs <file.ts> [args…]\n");
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(file));
Module.runMain();
