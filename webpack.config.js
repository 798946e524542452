/**
 * The add-in's browser build: task pane, function file and result dialog, each its own bundle
 * with the engine inside, compiled to ES2017 (packages included); office.js comes from Microsoft's
 * CDN by a script tag, or with OFFICE_JS=local from the add-in's own origin. Production
 * rewrites the manifest's https://localhost:3000/ to ADDIN_URL. Certificates are asked for only
 * when serving. The CLI's tsc output lives in dist/node and survives the clean.
 */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionManifest } = require("./scripts/manifest-url");

const DEV_PORT = 3000;
/** Microsoft's CDN copy of office.js, which every page loads unless OFFICE_JS=local. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/** Where OFFICE_JS=local puts the files of the @microsoft/office-js package, beside the pages. */
const OFFICE_JS_LOCAL_DIR = "office-js";
/** The package's files that Excel add-ins never load: other hosts, debug builds, IntelliSense. */
const OFFICE_JS_UNUSED = [
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}-*.js",
  "**/{outlook,powerpoint,word,project,onenote,visio}_strings.js",
];

/**
 * OFFICE_JS: unset or "cdn" loads office.js from Microsoft's CDN; "local" serves the copy of the
 * @microsoft/office-js package from the add-in's own origin, for closed networks (LGWAN) where the
 * CDN cannot be reached (docs/deployment.md).
 */
function officeJsMode(value = process.env.OFFICE_JS) {
  if (value === undefined || value === "" || value === "cdn") return "cdn";
  if (value === "local") return "local";
  throw new Error(`OFFICE_JS must be "local" or "cdn" (or unset), not "${value}".`);
}

/** A page's HTML for the local office.js: its script tag and CSP name no host but the page's own. */
function localOfficeJsPage(html) {
  if (!html.includes(OFFICE_JS_CDN)) return html;
  return html
    .split(OFFICE_JS_CDN)
    .join(`${OFFICE_JS_LOCAL_DIR}/office.js`)
    .split(` ${OFFICE_JS_ORIGIN}`)
    .join("");
}

/** Packages bundled into the pages whose syntax es2017-loader lowers (see its header). */
const LOWERED_PACKAGES = /[\\/]node_modules[\\/](valibot|@microsoft[\\/]office-js-helpers)[\\/]/;
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.ts", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/index.ts", template: "./src/commands/commands.html" },
  { name: "dialog", entry: "./src/commands/dialog.ts", template: "./src/commands/dialog.html" },
];

const configure = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = process.env.ADDIN_URL;
  const officeJs = officeJsMode();
  if (production && !addinUrl) {
    console.warn("ADDIN_URL is not set: dist/manifest.xml keeps https://localhost:3000/.");
  }

  return {
    mode: production ? "production" : "development",
    // ES2017: the EdgeHTML webview of Office on Windows without WebView2 parses nothing newer.
    target: ["web", "es2017"],
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
        {
          test: /\.m?js$/,
          include: LOWERED_PACKAGES,
          loader: path.resolve(__dirname, "scripts/es2017-loader.js"),
        },
      ],
    },
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
      // Microsoft's office.js files (OFFICE_JS=local) are not ours to split; source maps as by default.
      assetFilter: (name) => !name.endsWith(".map") && !name.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            ...(officeJs === "local"
              ? { templateContent: () => localOfficeJsPage(fs.readFileSync(p.template, "utf8")) }
              : { template: p.template }),
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
          // The check that runs before the bundles, in ES5, on hosts that cannot run them.
          { from: "src/shared/legacy-host.js", to: "legacy-host.js" },
          ...(officeJs === "local"
            ? [
                {
                  from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
                  to: OFFICE_JS_LOCAL_DIR,
                  globOptions: { ignore: OFFICE_JS_UNUSED },
                },
              ]
            : []),
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

module.exports = configure;
module.exports.officeJsMode = officeJsMode;
module.exports.localOfficeJsPage = localOfficeJsPage;
module.exports.OFFICE_JS_LOCAL_DIR = OFFICE_JS_LOCAL_DIR;
