// Webpack loader for `import source from "./x.worker?worker-source"`: bundles the worker entry
// (and everything it imports) with esbuild into one classic script and exports its text, so the
// page can start the worker from a Blob URL (file:// pages cannot load workers by URL) and no
// chunk is ever loaded at run time. esbuild keeps this fast: the engine is bundled in well under
// a second. Every input becomes a webpack dependency, so `webpack --watch` rebuilds on change.
//
// options: minify (boolean), alias ({ module: replacement }), replace ({ absolute path of a
// module: absolute path of its stand-in }), define ({ identifier: expression }), forbid (path
// fragments no input may contain: the build fails naming the first such input).
const path = require("path");
const esbuild = require("esbuild");

module.exports = function inlineWorkerLoader() {
  const done = this.async();
  const options = this.getOptions();
  const replace = options.replace || {};
  const plugins = [
    {
      name: "replace-modules",
      setup(build) {
        build.onResolve({ filter: /.*/ }, async (args) => {
          if (args.pluginData === "replace" || !args.path.startsWith(".")) return undefined;
          const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: "replace" });
          return replace[r.path] ? { path: replace[r.path] } : undefined;
        });
      },
    },
  ];
  esbuild
    .build({
      entryPoints: [this.resourcePath],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: Boolean(options.minify),
      legalComments: "none",
      metafile: true,
      logLevel: "silent",
      alias: options.alias || {},
      define: options.define || {},
      plugins,
    })
    .then((result) => {
      const inputs = Object.keys(result.metafile.inputs);
      for (const input of inputs) {
        if (!input.includes(":")) this.addDependency(path.resolve(input));
      }
      for (const bad of options.forbid || []) {
        const hit = inputs.find((i) => i.includes(bad));
        if (hit) throw new Error(`the worker bundle must not contain ${bad} (found ${hit})`);
      }
      // The page inlines this module into a <script>: no "</script" or "<!--" may appear in it.
      const text = JSON.stringify(result.outputFiles[0].text).replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
      done(null, `export default ${text};`);
    })
    .catch((e) => done(e));
};
