import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Workbook } from "../../src/cli/exceljs-workbook";

describe("ExcelJS's Workbook loaded on its own", () => {
  it("is the very class the full package exports", () => {
    expect(Workbook).toBe(ExcelJS.Workbook);
  });

  it("loads no ExcelJS at all when the command line runs (its own reader, the patching writer)", () => {
    // The built command line (npm test builds dist/node before jest) in a process of its own, so that
    // what it loads is not mixed with jest's module registry: validate and run on the sample.
    const root = path.join(__dirname, "..", "..");
    const out = path.join(os.tmpdir(), `shinchoku-load-${process.pid}.xlsx`);
    const probe = [
      "const path = require('path');",
      "const { main } = require('./dist/node/src/cli/main.js');",
      "const { bufferIO } = require('./dist/node/src/cli/io.js');",
      "const sample = path.join('samples', '進捗管理シート_サンプル.xlsx');",
      `main(['run', sample, '-o', ${JSON.stringify(out)}, '--no-progress'], bufferIO()).then((code) => {`,
      "  const loaded = Object.keys(require.cache);",
      "  const has = (part) => loaded.some((k) => k.includes(path.sep + part + path.sep));",
      "  process.stdout.write(JSON.stringify({ code, workbook: has(path.join('exceljs', 'lib', 'doc')),",
      "    unzipper: has('unzipper'), archiver: has('archiver') }));",
      "});",
    ].join("\n");
    const r = spawnSync(process.execPath, ["-e", probe], { cwd: root, encoding: "utf8" });
    fs.rmSync(out, { force: true });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ code: 1, workbook: false, unzipper: false, archiver: false });
  });
});
