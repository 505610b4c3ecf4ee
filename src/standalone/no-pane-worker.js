// The standalone page's stand-in for src/worker/spawn.js (swapped in by webpack.config.js): the
// page always hands the pane its own engine (Session.paneEngine, the page's worker started from
// a Blob URL), so the pane's worker — a file loaded by URL, which a page opened from file://
// cannot load — is not part of the page. Should anything still ask for it, it says so, and the
// pane runs its engine in-line.
export function spawnEngineWorker() {
  throw new Error("the standalone page runs its own engine worker");
}
