/**
 * Starting the engine worker from the page. The worker's code is bundled separately and
 * inlined here as a string (webpack rule `?worker-source`, build/inline-worker-loader.js); it
 * is started from a Blob URL, the one way a page opened from file:// (origin null) can run a
 * worker.
 */
import { proxy, transfer, wrap } from "comlink";
import source from "./engine.worker?worker-source";
import type { EngineApi } from "./engine.worker";
import type { Engine } from "./session";

export interface EngineWorker extends Engine {
  terminate(): void;
}

/** The files' bytes move to the worker (not copied); the page reads them again from the File when needed. */
const moved = <T>(value: T, files: { bytes: Uint8Array }[]): T => transfer(value, files.map((f) => f.bytes.buffer as ArrayBuffer));

export function startEngineWorker(): EngineWorker {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(url, { name: "jixiao-engine" });
  const api = wrap<EngineApi>(worker);
  return {
    check: (files, req, onProgress) => api.check(moved(files, files), req, proxy(onProgress)),
    clear: (files) => api.clear(moved(files, files)),
    settings: (file) => api.settings(moved(file, [file])),
    terminate: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}
