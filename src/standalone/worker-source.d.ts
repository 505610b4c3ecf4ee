/** A worker entry bundled to one script and inlined as its source text (build/inline-worker-loader.js). */
declare module "*?worker-source" {
  const source: string;
  export default source;
}
