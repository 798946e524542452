import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/**
 * The one door into the engine (src/core/index.ts): the lint rule in eslint.config.mjs fails an
 * import past it from outside src/core, and scripts/dev/core-door.mjs rewrites such imports.
 */
const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
const CODEMOD = path.join(ROOT, "scripts", "dev", "core-door.mjs");

/** Lints `code` as if it were the file at `filePath` (relative to the root); returns the rule ids hit. */
function lint(filePath: string, code: string): string[] {
  const r = spawnSync(
    process.execPath,
    [ESLINT, "--format", "json", "--stdin", "--stdin-filename", filePath],
    {
      cwd: ROOT,
      input: code,
      encoding: "utf8",
    },
  );
  const results = JSON.parse(r.stdout) as Array<{
    messages: Array<{ ruleId: string | null; message: string }>;
  }>;
  return results.flatMap((f) => f.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

describe("the core door lint rule", () => {
  it("fails a deep import into core from an adapter", () => {
    const hits = lint(
      "src/excel/door-sample.ts",
      'import { analyse } from "../core/engine";\nexport const a = analyse;\n',
    );
    expect(hits).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*'\.\.\/core\/engine'.*src\/core/),
    ]);
  });

  it("fails a deep type import from the pane and a deep import from a script", () => {
    expect(
      lint(
        "src/taskpane/door-sample.ts",
        'import type { Finding } from "../core/model/finding";\nexport type F = Finding;\n',
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(
      lint(
        "scripts/door-sample.ts",
        'import { analyse } from "../src/core/engine";\nexport const a = analyse;\n',
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
  });

  it("lets the door through, and core's own files import each other", () => {
    expect(
      lint("src/cli/door-sample.ts", 'import { analyse } from "../core";\nexport const a = analyse;\n'),
    ).toEqual([]);
    expect(
      lint(
        "src/core/plan/door-sample.ts",
        'import { analyse } from "../engine";\nexport const a = analyse;\n',
      ),
    ).toEqual([]);
  });
});

describe("scripts/dev/core-door.mjs", () => {
  const TMP = path.join(ROOT, "test", ".tmp", "core-door");
  afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

  it("finds nothing left to rewrite in src/ and scripts/, and no name the door lacks", () => {
    const r = spawnSync(process.execPath, [CODEMOD, "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("0 file(s) to rewrite");
    expect(r.status).toBe(0);
  });

  it("rewrites deep imports into one import from the door", () => {
    fs.mkdirSync(TMP, { recursive: true });
    const file = path.join(TMP, "sample.ts");
    fs.writeFileSync(
      file,
      [
        'import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";',
        'import { analyse } from "../../../src/core/engine";',
        'import { mergeConfig, type ShinchokuConfig } from "../../../src/core/config/config";',
        "",
        "export const run = (wb: WorkbookSnapshot, c: ShinchokuConfig) => analyse(wb, mergeConfig(c), { asOf: new Date() });",
        "",
      ].join("\n"),
    );
    const r = spawnSync(process.execPath, [CODEMOD, file], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    const out = fs.readFileSync(file, "utf8");
    expect(out).toContain(
      'import { analyse, mergeConfig, type ShinchokuConfig, type WorkbookSnapshot } from "../../../src/core";',
    );
    expect(out).not.toMatch(/src\/core\//);
  });
});
