/**
 * Every file that is not a readable workbook gets one line saying what it is, exit 2, and the other
 * files of a folder go on (issue 16 point 3). No stack trace unless --debug.
 */
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { zipEntries } from "../../src/cli/zip";
import { readWorkbookBytes } from "../../src/cli/read";
import { PackageError } from "../../src/cli/read/errors";
import { cli, tmpDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "進捗管理シート_サンプル.xlsx");
const AS_OF = "2019-06-30";

/** A CFB (compound file) header, [MS-CFB] 2.2, and directory entry names as UTF-16LE. */
function cfb(...streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const dir = Buffer.alloc(512);
  streams.forEach((s, i) => Buffer.from(s, "utf16le").copy(dir, i * 128));
  return Buffer.concat([header, dir]);
}

/** Bytes that look like nothing: a fixed pseudo-random sequence. */
function noise(n: number): Buffer {
  const out: Buffer[] = [];
  let h = Buffer.from("shinchoku");
  while (out.length * 32 < n) out.push((h = crypto.createHash("sha256").update(h).digest()));
  const b = Buffer.concat(out).subarray(0, n);
  b[0] = 0x13; // not "PK", not a CFB signature
  return b;
}

/**
 * A zip whose one sheet part declares `declared` bytes and inflates to `actual` zeros: the same 1 MiB
 * block of deflate data repeated (each ends with a full flush, so the copies chain), in bounded memory.
 */
function bomb(actualMiB: number, declared: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([...Array<Buffer>(actualMiB).fill(block), last]);
  const parts: Record<string, Uint8Array> = {
    "[Content_Types].xml": Buffer.from("<Types/>"),
    "_rels/.rels": Buffer.from(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": Buffer.from(
      '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": Buffer.from(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": Buffer.from("placeholder"),
  };
  const zip = zipEntries(parts, 0);
  // Swap the stored placeholder for the deflate data: method 8, sizes as given.
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = zip.indexOf(Buffer.concat([name, Buffer.from("placeholder")]));
  const head = local - 30;
  const centralAt = zip.lastIndexOf(
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]),
    zip.lastIndexOf(name),
  );
  const before = zip.subarray(0, head);
  const localHeader = Buffer.from(zip.subarray(head, local + name.length));
  localHeader.writeUInt16LE(8, 8);
  localHeader.writeUInt32LE(data.length, 18);
  localHeader.writeUInt32LE(declared, 22);
  const afterLocal = zip.subarray(local + name.length + "placeholder".length, centralAt);
  const central = Buffer.from(zip.subarray(centralAt));
  const shift = data.length - "placeholder".length;
  // Fix the entry's central record (method, sizes) and the offsets after it.
  let at = 0;
  while (at < central.length - 22) {
    if (central.readUInt32LE(at) !== 0x02014b50) break;
    const n = central.readUInt16LE(at + 28);
    const offset = central.readUInt32LE(at + 42);
    if (central.toString("utf8", at + 46, at + 46 + n) === "xl/worksheets/sheet1.xml") {
      central.writeUInt16LE(8, at + 10);
      central.writeUInt32LE(data.length, at + 20);
      central.writeUInt32LE(declared, at + 24);
    } else if (offset > head) central.writeUInt32LE(offset + shift, at + 42);
    at += 46 + n + central.readUInt16LE(at + 30) + central.readUInt16LE(at + 32);
  }
  const endAt = central.length - 22;
  central.writeUInt32LE(central.readUInt32LE(endAt + 16) + shift, endAt + 16);
  return Buffer.concat([before, localHeader, data, afterLocal, central]);
}

/** Each bad file: its bytes and what the one line must say. */
function badFiles(): Array<{ name: string; bytes: Buffer; says: RegExp }> {
  const sample = fs.readFileSync(SAMPLE);
  const docx = zipEntries({
    "[Content_Types].xml": Buffer.from("<Types/>"),
    "_rels/.rels": Buffer.from(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": Buffer.from('<w:document xmlns:w="w"><w:body/></w:document>'),
  });
  return [
    { name: "empty.xlsx", bytes: Buffer.alloc(0), says: /空のファイルです/ },
    { name: "random.xlsx", bytes: noise(4096), says: /Excel ブック \(\.xlsx\) ではありません/ },
    { name: "truncated.xlsx", bytes: sample.subarray(0, sample.length >> 1), says: /途中で切れています/ },
    {
      name: "old.xlsx",
      bytes: cfb("Root Entry", "Workbook"),
      says: /\.xls\).*\.xlsx で保存し直してください/,
    },
    {
      name: "locked.xlsx",
      bytes: cfb("Root Entry", "EncryptionInfo", "EncryptedPackage"),
      says: /パスワードを解除してください/,
    },
    { name: "table.xlsx", bytes: Buffer.from("No.,項目,計画\r\n28,窓口,1090\r\n", "utf8"), says: /CSV/ },
    { name: "letter.xlsx", bytes: docx, says: /Word 文書 \(\.docx\)/ },
    {
      name: "plain.xlsx",
      bytes: zipEntries({ "hello.txt": Buffer.from("hello") }),
      says: /zip ファイルですが、Excel ブックではありません/,
    },
    { name: "nothing.xlsx", bytes: zipEntries({}), says: /zip ファイルですが、Excel ブックではありません/ },
    { name: "bomb.xlsx", bytes: bomb(1024, 1024 * 1024 * 1024 - 1), says: /zip 爆弾/ },
    { name: "lying-bomb.xlsx", bytes: bomb(256, 100_000), says: /zip 爆弾/ },
  ];
}

describe("bad files, each one line and exit 2, the folder goes on", () => {
  let dir: string;
  let files: ReturnType<typeof badFiles>;
  beforeAll(() => {
    dir = tmpDir("bad");
    files = badFiles();
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
    fs.copyFileSync(SAMPLE, path.join(dir, "zz-good.xlsx"));
  });

  test("validate FOLDER: one line for each bad file, the good one reported, exit 2", async () => {
    const t = Date.now();
    const r = await cli("validate", dir, "--as-of", AS_OF, "--no-progress");
    const seconds = (Date.now() - t) / 1000;
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    for (const f of files) {
      const mine = lines.filter((l) => l.includes(`${path.sep}${f.name} `));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatch(f.says);
      expect(mine[0]).toMatch(/^読み込めません: .*（スキップしました）$/);
    }
    expect(lines).toHaveLength(files.length);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|ENOENT|Error:/);
    expect(r.stdout).toContain("zz-good.xlsx");
    expect(seconds).toBeLessThan(20);
  });

  test("the zip bombs are refused in well under a second each, before inflating much", () => {
    for (const name of ["bomb.xlsx", "lying-bomb.xlsx"]) {
      const bytes = files.find((f) => f.name === name)!.bytes;
      expect(bytes.length).toBeLessThan(2_000_000); // 1 GiB and 256 MiB of zeros in it
      const t = Date.now();
      const before = process.memoryUsage().rss;
      expect(() => readWorkbookBytes(bytes)).toThrow(PackageError);
      expect(Date.now() - t).toBeLessThan(1000);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    }
  });

  test("--lang en words them in English", async () => {
    const r = await cli(
      "validate",
      path.join(dir, "old.xlsx"),
      path.join(dir, "locked.xlsx"),
      "--lang",
      "en",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("an Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx");
    expect(r.stderr).toContain("protected with a password");
  });

  test("--json gives each bad file as {file, error}", async () => {
    const r = await cli(
      "validate",
      path.join(dir, "empty.xlsx"),
      path.join(dir, "zz-good.xlsx"),
      "--json",
      "--as-of",
      AS_OF,
    );
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { files: Array<{ file: string; error?: string; report?: unknown }> };
    expect(out.files[0].error).toBe("空のファイルです（0 バイト）");
    expect(out.files[1].report).toBeDefined();
  });

  test("--debug shows the trace of a bad file", async () => {
    const r = await cli("validate", path.join(dir, "truncated.xlsx"), "--debug");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  test("a writing command refuses a bad input the same way and writes nothing", async () => {
    const out = path.join(dir, "out.xlsx");
    const r = await cli("run", path.join(dir, "letter.xlsx"), "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/Word 文書/)]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a missing file and a folder without workbooks: words, not ENOENT", async () => {
    const r = await cli("validate", path.join(dir, "no-such.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ファイルまたはフォルダーが見つかりません");
    expect(r.stderr).not.toContain("ENOENT");
  });
});

describe("the built command", () => {
  const BIN = path.join(ROOT, "bin", "shinchoku.js");

  test("piped into head, it ends quietly (EPIPE)", () => {
    const dir = tmpDir("pipe");
    for (let i = 0; i < 30; i++)
      fs.copyFileSync(SAMPLE, path.join(dir, `s${String(i).padStart(2, "0")}.xlsx`));
    const r = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${BIN}" validate "${dir}" --no-progress | head -n 1`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe("");
  });

  test("an unknown command and option: one line in Japanese, exit 2", () => {
    const a = spawnSync(process.execPath, [BIN, "frobnicate"], { encoding: "utf8" });
    expect(a.status).toBe(2);
    expect(a.stderr.trim()).toBe("「frobnicate」というコマンドはありません — 使い方: shinchoku --help");
    const b = spawnSync(process.execPath, [BIN, "validate", "--frob", "--lang", "en"], { encoding: "utf8" });
    expect(b.status).toBe(2);
    expect(b.stderr.trim()).toBe("there is no option --frob — usage: shinchoku --help");
    const c = spawnSync(process.execPath, [BIN, "run", "x.xlsx", "-o"], { encoding: "utf8" });
    expect(c.stderr.trim()).toBe("--out には値を指定してください — 使い方: shinchoku --help");
  });
});
