/**
 * The CLI speaks Japanese unless --lang en, one line per failure, no raw codes (issue 15 point 7).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { errnoWords, READ_REASONS, usage } from "../../src/cli/messages";
import { firstLine, stackOf } from "../../src/cli/failure";
import { cli, tmpDir } from "./helpers";

describe("CLI messages", () => {
  test("help is Japanese by default, English with --lang en", async () => {
    const ja = await cli("--help");
    expect(ja.code).toBe(0);
    expect(ja.stdout).toBe(usage("ja"));
    expect(ja.stdout).toContain("使い方:");
    expect(ja.stdout).toContain("--debug");
    const en = await cli("--help", "--lang", "en");
    expect(en.stdout).toContain("Usage:");
  });

  test.each([
    [["frobnicate"], "「frobnicate」というコマンドはありません — 使い方: shinchoku --help"],
    [["validate", "--nope"], "「--nope」というオプションはありません — 使い方: shinchoku --help"],
    [
      ["validate", "--lang", "fr"],
      "--lang には ja か en を指定してください（指定: fr） — 使い方: shinchoku --help",
    ],
    [
      ["validate", "x.xlsx", "--as-of", "2019-13-01"],
      "--as-of には日付を YYYY-MM-DD で指定してください（指定: 2019-13-01） — 使い方: shinchoku --help",
    ],
    [["validate", "--json=1"], "--json には値を付けません — 使い方: shinchoku --help"],
    [["config"], "config には --print-default を付けてください — 使い方: shinchoku --help"],
    [["validate"], "入力ファイルまたはフォルダーを指定してください — 使い方: shinchoku --help"],
  ])("%j: one line, exit 2", async (argv, line) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line);
  });

  test("--lang en words argument errors in English", async () => {
    const r = await cli("frobnicate", "--lang", "en");
    expect(r.stderr).toBe('there is no command "frobnicate" — usage: shinchoku --help');
  });

  test("--debug adds the trace under the line", async () => {
    const r = await cli("frobnicate", "--debug");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe("「frobnicate」というコマンドはありません — 使い方: shinchoku --help");
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  test("a folder given as OUT: words, not EISDIR", async () => {
    const dir = tmpDir("msg");
    fs.mkdirSync(path.join(dir, "out.xlsx"));
    const sample = path.join(__dirname, "..", "..", "samples", "進捗管理シート_サンプル.xlsx");
    const r = await cli("fill", sample, "-o", path.join(dir, "out.xlsx"), "--as-of", "2019-06-30");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("フォルダーです");
    expect(r.stderr).not.toMatch(/E[A-Z]{3,}/);
  });

  test("errno codes are words in both languages; unknown ones too, without the code", () => {
    for (const code of ["ENOENT", "EACCES", "EISDIR", "ENOSPC", "EROFS", "EBUSY"]) {
      expect(errnoWords(code, "ja")).not.toMatch(/E[A-Z]/);
      expect(errnoWords(code, "en")).not.toMatch(/E[A-Z]{3}/);
    }
    expect(errnoWords("EWHATEVER", "ja")).toBe("ファイルを読み書きできません");
  });

  test("every read failure kind is worded in both languages", () => {
    for (const lang of ["ja", "en"] as const)
      for (const [kind, words] of Object.entries(READ_REASONS[lang]))
        expect(`${kind}: ${words("x")}`).toMatch(/: \S/);
  });

  test("an error's first line, and its trace with causes", () => {
    const e = new Error("outer\nmore", { cause: new Error("inner") });
    expect(firstLine(e)).toBe("outer");
    expect(stackOf(e)).toMatch(/caused by: Error: inner/);
  });
});
