/**
 * A webpack loader that lowers the syntax of packages bundled into the add-in's pages (valibot,
 * office-js-helpers) to ES2017 with TypeScript's transpiler, as ts-loader does for our own code:
 * ExcelApi 1.7 admits Office on Windows without WebView2, whose EdgeHTML webview cannot parse
 * `?.`, `??` or other syntax newer than ES2017 (issue 17). Syntax only: imports stay as they are.
 */
const ts = require("typescript");

module.exports = function es2017Loader(source, inputMap) {
  const out = ts.transpileModule(String(source), {
    fileName: this.resourcePath,
    compilerOptions: {
      allowJs: true,
      target: ts.ScriptTarget.ES2017,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      inlineSources: true,
      alwaysStrict: false,
    },
    reportDiagnostics: false,
  });
  const map = out.sourceMapText ? JSON.parse(out.sourceMapText) : inputMap;
  const code = out.outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  this.callback(null, code, map);
};
