// Build of the Excel add-in, in the style of the `yo office` React template:
// two entries (taskpane, commands), HtmlWebpackPlugin for both pages, CopyWebpackPlugin for the
// icons and the manifest (whose https://localhost:3000/ is rewritten to JIXIAO_URL in
// production builds), ts-loader with transpileOnly (type checking is `npm run typecheck`),
// and `webpack serve` over https with the office-addin-dev-certs certificate when available.
//
// A second compilation writes the standalone page dist/jixiao.html (src/standalone): one
// self-contained file — script, styles, icon inlined, the engine worker inlined as a string
// and started from a Blob URL — that works opened from disk (file://), with no request to any
// server. It is built in the same `npm run build`, and its size is printed.
//
// env options (webpack --env name=value): outDir=<dir> (default dist), harness (adds the
// browser test's in-memory Excel to the task pane page and builds the task pane only; never
// used for a release), only=standalone (the standalone page only: `npx webpack --mode
// production --env only=standalone`).
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const HtmlInlineScriptPlugin = require("html-inline-script-webpack-plugin");
// webpack's own minimizer plugin (a dependency of webpack itself).
const MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [path.dirname(require.resolve("webpack/package.json"))] }));

const urlDev = "https://localhost:3000/";

function productionUrl() {
  const url = process.env.JIXIAO_URL;
  if (!url) return null;
  return url.endsWith("/") ? url : `${url}/`;
}

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e.message}); webpack serve uses its own self-signed certificate.`);
    return undefined;
  }
}

const tsRule = (dev) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  resourceQuery: { not: [/worker-source/] },
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev } },
  },
});

/** The standalone page is one file: any other asset (a chunk, a worker file) fails the build; its size is printed. */
class ReportSizePlugin {
  constructor(file) {
    this.file = file;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ReportSizePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ReportSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const extra = Object.keys(assets).filter((name) => name !== this.file);
        if (extra.length) compilation.errors.push(new webpack.WebpackError(`the standalone page must be one file, but the build also emits: ${extra.join(", ")}`));
      });
    });
    compiler.hooks.done.tap("ReportSizePlugin", (stats) => {
      if (stats.hasErrors()) return;
      const file = path.join(compiler.options.output.path, this.file);
      if (!fs.existsSync(file)) return;
      const bytes = fs.statSync(file).size;
      console.log(`standalone page: ${path.relative(process.cwd(), file) || file} ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes), one file, no network`);
    });
  }
}

/** The standalone page: one HTML file, everything inlined, no chunk loaded at run time. */
function standaloneConfig({ dev, outDir }) {
  return {
    name: "standalone",
    mode: dev ? "development" : "production",
    // Source maps would double an inlined page; none.
    devtool: false,
    target: ["web", "es2020"],
    entry: { standalone: "./src/standalone/index.tsx" },
    output: { path: outDir, filename: "jixiao-standalone.js", publicPath: "", clean: false, chunkLoading: false, wasmLoading: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      // esbuild (as for the worker): fast, and it keeps licence comments in the page instead
      // of a LICENSE.txt beside it (the page is one file).
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: "es2020" } })],
    },
    module: {
      rules: [
        {
          resourceQuery: /worker-source/,
          type: "javascript/auto",
          use: {
            loader: path.resolve(__dirname, "build/inline-worker-loader.js"),
            options: {
              minify: !dev,
              define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
              // The worker reads and writes packages with the byte-level adapter (fflate +
              // saxes): an ExcelJS-sized dependency there is a mistake, and fails the build.
              forbid: ["node_modules/exceljs/"],
            },
          },
        },
        tsRule(dev),
      ],
    },
    performance: { hints: false },
    plugins: [
      // The pane's own worker is a file loaded by URL: not in the page (see no-pane-worker.js).
      new webpack.NormalModuleReplacementPlugin(/^\.\/spawn$/, (resource) => {
        if (path.resolve(resource.context) === path.resolve(__dirname, "src/worker")) resource.request = path.resolve(__dirname, "src/standalone/no-pane-worker.js");
      }),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: "jixiao.html",
        template: "./src/standalone/jixiao.html",
        inject: "body",
        scriptLoading: "blocking",
        templateParameters: { icon: `data:image/png;base64,${fs.readFileSync(path.resolve(__dirname, "assets/icons/icon-32.png")).toString("base64")}` },
      }),
      new HtmlInlineScriptPlugin(),
      new ReportSizePlugin("jixiao.html"),
    ],
  };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const outDir = path.resolve(__dirname, env.outDir || "dist");
  const standalone = standaloneConfig({ dev, outDir });
  if (env.only === "standalone") return standalone;
  const urlProd = productionUrl();
  if (!dev && !urlProd) {
    console.warn("JIXIAO_URL is not set: the production manifest keeps https://localhost:3000/.");
  }
  const harness = Boolean(env.harness);
  const serving = Boolean(env.WEBPACK_SERVE);
  const taskpane = {
    name: "taskpane",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      ...(harness ? { harness: "./test/browser/harness.ts" } : {}),
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: outDir,
      filename: "[name].js",
      // The standalone compilation writes jixiao.html into the same folder.
      clean: { keep: /^jixiao\.html$/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule(dev)] },
    // The domain pulls in nothing from Node; exceljs is never imported by the pane.
    performance: { hints: false },
    // The engine worker (src/worker/spawn.js) must be one self-contained file: no shared chunks.
    optimization: { splitChunks: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: harness ? ["harness", "taskpane"] : ["taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icons/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev || !urlProd) return content;
              // Full URLs first, then the bare origin (<AppDomain>).
              return content.toString().split(urlDev).join(urlProd).split(urlDev.slice(0, -1)).join(new URL(urlProd).origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await httpsOptions() : undefined },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
  // The browser test of the task pane builds the pane alone; so does `webpack serve` (its
  // live-reload client would be a network request in the page). `npm run build` builds both.
  return harness || serving ? taskpane : [taskpane, standalone];
};
