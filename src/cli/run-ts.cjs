#!/usr/bin/env node
// Runs a TypeScript file with tsx's require hook (no build step): node src/cli/run-ts.cjs file.ts [args…]
require("tsx/cjs");
const path = require("path");
const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node src/cli/run-ts.cjs <file.ts> [args…]\n");
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(file));
require(path.resolve(file));
