/**
 * The add-in's browser build: task pane, function file and result dialog, each its own bundle
 * with the engine inside; office.js comes from Microsoft's CDN by a script tag. Production
 * rewrites the manifest's https://localhost:3000/ to ADDIN_URL. Certificates are asked for only
 * when serving. The CLI's tsc output lives in dist/node and survives the clean.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionManifest } = require("./scripts/manifest-url");

const DEV_PORT = 3000;
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.ts", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/index.ts", template: "./src/commands/commands.html" },
  { name: "dialog", entry: "./src/commands/dialog.ts", template: "./src/commands/dialog.html" },
];

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = process.env.ADDIN_URL;
  if (production && !addinUrl) {
    console.warn("ADDIN_URL is not set: dist/manifest.xml keeps https://localhost:3000/.");
  }

  return {
    mode: production ? "production" : "development",
    target: ["web", "es2020"],
    // Never an eval devtool: our CSP has no 'unsafe-eval', in development either.
    devtool: "source-map",
    entry: Object.fromEntries(PAGES.map((p) => [p.name, p.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: { keep: (asset) => /^node([\\/]|$)/.test(asset) },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: { configFile: path.resolve(__dirname, "tsconfig.web.json") },
        },
      ],
    },
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
    },
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            scriptLoading: "defer",
            minify: false,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/shared/fluent.css", to: "fluent.css" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production && addinUrl ? productionManifest(content.toString("utf8"), addinUrl) : content,
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          hot: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: {
            type: "https",
            options: await require("office-addin-dev-certs").getHttpsServerOptions(),
          },
          static: false,
        }
      : undefined,
  };
};
