/**
 * The command line as one file, dist/node/shinchoku.js, which bin/shinchoku.js runs. Built from
 * tsc's output (dist/node/src), so the code is the one the tests import; one file instead of some
 * 150 modules spares each run Node's module resolution and loading (docs/performance.md).
 * ExcelJS stays outside: it is loaded only for a multi-file summary, from node_modules.
 */
const path = require("node:path");
const webpack = require("webpack");

module.exports = {
  mode: "production",
  target: "node20",
  entry: path.resolve(__dirname, "dist/node/src/cli/main.js"),
  output: {
    path: path.resolve(__dirname, "dist/node"),
    filename: "shinchoku.js",
    library: { type: "commonjs2" },
  },
  // The bundle's own folder, not a mock: the CLI finds the installed schema from it.
  node: { __dirname: false, __filename: false },
  externals: [
    ({ request }, callback) =>
      /^exceljs(\/|$)/.test(request) ? callback(null, `commonjs ${request}`) : callback(),
  ],
  // Readable in a stack trace (--debug).
  optimization: { minimize: false, moduleIds: "named" },
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  devtool: false,
  performance: { hints: false },
  // Warnings and errors print; no "compiled successfully" line in npm run demo's output.
  stats: { preset: "errors-warnings", errorsCount: false, warningsCount: false },
};
