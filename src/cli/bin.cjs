#!/usr/bin/env node
// `jixiao` — the headless command. Runs the TypeScript sources directly through tsx's
// require hook, so `npx jixiao check …` works right after `npm ci` with no build step.
require("tsx/cjs");
require("./main.ts");
