/**
 * The one way the pane gets an engine worker: `createEngineWorker()`. By default the worker
 * webpack emits beside the pane; a page that ships as a single file (the standalone page)
 * passes its own factory, e.g. `() => new Worker(blobUrl)` for the same worker bundle inlined.
 */
import { wrap, proxy, type Remote } from "comlink";
import type { EngineApi, ProgressCallback } from "./protocol";
import { spawnEngineWorker } from "./spawn";

export interface EngineWorker {
  api: Remote<EngineApi>;
  /** Stop the worker at once (取消): whatever it was computing is dropped. */
  terminate(): void;
  /** Rejects if the worker fails to load or throws outside a call (a pending call would never answer). */
  failed?: Promise<never>;
}

let factory: () => Worker = spawnEngineWorker;

/** Replace how the worker is constructed (before the first run). */
export function setEngineWorkerFactory(make: () => Worker): void {
  factory = make;
}

export function createEngineWorker(make: () => Worker = factory): EngineWorker {
  const worker = make();
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => reject(new WorkerFailedError(e.message || "worker error")));
  });
  failed.catch(() => undefined);
  return { api: wrap<EngineApi>(worker), terminate: () => worker.terminate(), failed };
}

export class WorkerFailedError extends Error {
  constructor(detail: string) {
    super(`the engine worker failed: ${detail}`);
    this.name = "WorkerFailedError";
  }
}

/** A progress callback the worker can call back across the message channel. */
export function progressProxy(cb: ProgressCallback): ProgressCallback {
  return proxy(cb);
}
