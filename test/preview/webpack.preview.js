/**
 * The preview page's bundle: test/preview/preview-page.ts with the simulated Excel. Built on the
 * add-in's own webpack config as test/preview/build.js hands it in (development mode, target,
 * source maps, resolve, ts-loader with tsconfig.web.json, output into the preview's folder), with
 * the add-in's pages, copies and dev server taken out. ExcelJS is not bundled: the page loads
 * node_modules/exceljs/dist/exceljs.min.js, and the sim takes the global.
 */
const path = require("node:path");

module.exports = (addinDevConfig) => ({
  ...addinDevConfig,
  entry: { preview: path.resolve(__dirname, "preview-page.ts") },
  externals: { exceljs: "ExcelJS" },
  plugins: [],
  performance: { hints: false },
  devServer: undefined,
});
