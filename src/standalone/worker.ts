/**
 * Starting the engine worker from the page. The worker's code is bundled separately and
 * inlined here as a string (webpack rule `?worker-source`, build/inline-worker-loader.js); it
 * is started from a Blob URL, the one way a page opened from file:// (origin null) can run a
 * worker. A worker that fails (it cannot start, or dies) fails the call in progress with a
 * clear sentence instead of leaving the page waiting, and the next call starts a new one.
 */
import { proxy, transfer, wrap } from "comlink";
import source from "./engine.worker?worker-source";
import type { EngineApi } from "./engine.worker";
import type { Engine } from "./session";
import { t } from "../messages";
import { CancelledError } from "../taskpane/run";

export interface EngineWorker extends Engine {
  /** The worker failed; start another. */
  readonly dead: boolean;
  terminate(): void;
}

/** The files' bytes move to the worker (not copied); the page reads them again from the File when needed. */
const moved = <T>(value: T, files: { bytes: Uint8Array }[]): T => transfer(value, files.map((f) => f.bytes.buffer as ArrayBuffer));

export function startEngineWorker(): EngineWorker {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(url, { name: "jixiao-engine" });
  const api = wrap<EngineApi>(worker);
  let dead = false;
  let fail: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const stop = () => {
    dead = true;
    worker.terminate();
    URL.revokeObjectURL(url);
  };
  const cancel = () => {
    fail(new CancelledError());
    stop();
  };
  worker.addEventListener("error", (ev) => {
    ev.preventDefault();
    const detail = ev.message || "worker error";
    fail(new Error(`${t("standalone.error.worker", "zh-CN", { detail })} / ${t("standalone.error.worker", "en", { detail })}`));
    stop();
  });
  const guard = <T>(call: () => Promise<T>): Promise<T> => Promise.race([call(), failed]);
  return {
    check: (files, req, onProgress) => guard(() => api.check(moved(files, files), req, proxy(onProgress))),
    clear: (files) => guard(() => api.clear(moved(files, files))),
    settings: (file) => guard(() => api.settings(moved(file, [file]))),
    cancel,
    get dead() {
      return dead;
    },
    terminate: stop,
  };
}
