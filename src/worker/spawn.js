/* global Worker */
// The engine worker as webpack bundles it: `new Worker(new URL(…, import.meta.url))` makes
// webpack emit the worker as its own self-contained file beside the pane. Plain JavaScript
// because TypeScript's CommonJS setting (tsc, jest) does not allow import.meta; typed by
// spawn.d.ts. The standalone page builds its worker differently (see client.ts).
export function spawnEngineWorker() {
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "jixiao-engine" });
}
