/**
 * The standalone page's engine worker: the whole pipeline and the workbook adapter run here,
 * so the page never freezes. Bundled on its own and inlined into dist/jixiao.html as a string
 * (see ./worker.ts): a page opened from file:// cannot load a worker by URL.
 */
import { expose, transfer } from "comlink";
import { checkFiles, clearFiles, readSettings, type CheckRequest, type InputFile, type ProgressFn } from "./engine";

const api = {
  async check(files: InputFile[], req: CheckRequest, onProgress: ProgressFn) {
    const r = await checkFiles(files, req, onProgress);
    const round = r.round ? [r.round.summary.bytes, ...r.round.feedback.map((b) => b.bytes)] : [];
    return transfer(r, [...r.files.flatMap((f) => (f.ok ? [f.checked] : [])), ...round].map((b) => b.buffer as ArrayBuffer));
  },
  async clear(files: InputFile[]) {
    const r = await clearFiles(files);
    return transfer(r, r.flatMap((f) => (f.ok ? [f.cleared.buffer as ArrayBuffer] : [])));
  },
  settings(file: InputFile) {
    return readSettings(file);
  },
};

export type EngineApi = typeof api;

expose(api);
