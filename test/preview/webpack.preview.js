/**
 * The preview page's bundle: test/preview/preview-page.ts with the simulated Excel. ExcelJS is not
 * bundled: the page loads node_modules/exceljs/dist/exceljs.min.js, and the sim takes the global.
 */
const path = require("node:path");

module.exports = (outDir) => ({
  mode: "development",
  target: ["web", "es2020"],
  devtool: "source-map",
  context: path.resolve(__dirname, "../.."),
  entry: { preview: path.resolve(__dirname, "preview-page.ts") },
  output: { path: outDir, filename: "[name].js", clean: true },
  externals: { exceljs: "ExcelJS" },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: "ts-loader",
        options: {
          configFile: path.resolve(__dirname, "../../tsconfig.json"),
          transpileOnly: true,
          compilerOptions: { module: "ES2020", target: "ES2020", sourceMap: true },
        },
      },
    ],
  },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  stats: "errors-only",
});
