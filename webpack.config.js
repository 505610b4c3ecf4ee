// Build of the Excel add-in, in the style of the `yo office` React template:
// two entries (taskpane, commands), HtmlWebpackPlugin for both pages, CopyWebpackPlugin for the
// icons and the manifest (whose https://localhost:3000/ is rewritten to JIXIAO_URL in
// production builds), ts-loader with transpileOnly (type checking is `npm run typecheck`),
// and `webpack serve` over https with the office-addin-dev-certs certificate when available.
//
// env options (webpack --env name=value): outDir=<dir> (default dist), harness (adds the
// browser test's in-memory Excel to the task pane page; never used for a release).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const urlProd = productionUrl();
  if (!dev && !urlProd) {
    console.warn("JIXIAO_URL is not set: the production manifest keeps https://localhost:3000/.");
  }
  const harness = Boolean(env.harness);
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      ...(harness ? { harness: "./test/browser/harness.ts" } : {}),
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev } },
          },
        },
      ],
    },
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
};
