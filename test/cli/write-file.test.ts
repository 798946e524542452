/**
 * Atomic, respectful writes (issue 16 point 4): a temporary file in the target's folder, fsync,
 * rename; the mode kept; symbolic links written through; read-only targets refused; the temporary
 * file removed on SIGINT/SIGTERM; an existing OUT never damaged by a failed or killed run.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeFileAtomic, WriteError } from "../../src/cli/write-file";
import { cli, tmpDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "進捗管理シート_サンプル.xlsx");
const BUILT = path.join(ROOT, "dist", "node", "src", "cli", "write-file.js");
const AS_OF = "2019-06-30";
const temps = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("writeFileAtomic", () => {
  test("writes a new file and leaves no temporary file", async () => {
    const dir = tmpDir("atomic");
    const f = path.join(dir, "sub", "new.bin");
    await writeFileAtomic(f, Buffer.from("hello"));
    expect(fs.readFileSync(f, "utf8")).toBe("hello");
    expect(temps(path.dirname(f))).toEqual([]);
  });

  test.each([0o600, 0o640, 0o755])("keeps the mode of an existing file (%o)", async (mode) => {
    const f = path.join(tmpDir("atomic"), "kept.bin");
    fs.writeFileSync(f, "old");
    fs.chmodSync(f, mode);
    await writeFileAtomic(f, Buffer.from("new"));
    expect(fs.statSync(f).mode & 0o777).toBe(mode);
    expect(fs.readFileSync(f, "utf8")).toBe("new");
  });

  test("writes through a symbolic link: the file it points to changes, the link stays", async () => {
    const dir = tmpDir("atomic");
    const real = path.join(dir, "real.bin");
    const link = path.join(dir, "link.bin");
    fs.writeFileSync(real, "old");
    fs.symlinkSync("real.bin", link);
    await writeFileAtomic(link, Buffer.from("new"));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("new");
  });

  test("refuses a read-only file, which stays as it was", async () => {
    const f = path.join(tmpDir("atomic"), "ro.bin");
    fs.writeFileSync(f, "old");
    fs.chmodSync(f, 0o444);
    await expect(writeFileAtomic(f, Buffer.from("new"))).rejects.toMatchObject({ kind: "readOnly" });
    await expect(writeFileAtomic(f, Buffer.from("new"))).rejects.toBeInstanceOf(WriteError);
    expect(fs.readFileSync(f, "utf8")).toBe("old");
    expect(temps(path.dirname(f))).toEqual([]);
  });

  test("refuses a folder as the target", async () => {
    const dir = tmpDir("atomic");
    await expect(writeFileAtomic(dir, Buffer.from("x"))).rejects.toMatchObject({ kind: "isDirectory" });
  });
});

describe("the CLI's writes", () => {
  test("a read-only OUT is refused with a message, and kept", async () => {
    const dir = tmpDir("atomic-cli");
    const out = path.join(dir, "out.xlsx");
    fs.writeFileSync(out, "previous");
    fs.chmodSync(out, 0o444);
    const r = await cli("run", SAMPLE, "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`書き込めません: ${out} — 読み取り専用のファイルです`);
    expect(fs.readFileSync(out, "utf8")).toBe("previous");
    expect(temps(dir)).toEqual([]);
    // With --json, stdout says it too, instead of the report of a run that wrote nothing.
    const json = await cli("run", SAMPLE, "-o", out, "--as-of", AS_OF, "--json");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ files: [{ file: SAMPLE, error: r.stderr.trim() }] });
  });

  test("--in-place on a symbolic link writes the workbook it points to; the mode is kept", async () => {
    const dir = tmpDir("atomic-cli");
    const real = path.join(dir, "book.xlsx");
    const link = path.join(dir, "link.xlsx");
    fs.copyFileSync(SAMPLE, real);
    fs.chmodSync(real, 0o600);
    fs.symlinkSync("book.xlsx", link);
    const before = fs.readFileSync(real);
    const r = await cli("fill", link, "--in-place", "--as-of", AS_OF);
    expect([0, 1]).toContain(r.code);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).equals(before)).toBe(false);
    expect(fs.statSync(real).mode & 0o777).toBe(0o600);
    expect(temps(dir)).toEqual([]);
  });
});

/**
 * A child process writes 256 MiB over an existing file and is killed once its temporary file is
 * there. The compiled module is run (npm test builds dist/node before jest).
 */
function killDuringWrite(
  signal: NodeJS.Signals,
): Promise<{ dir: string; target: string; signal: string | null; killedMidWrite: boolean }> {
  const dir = tmpDir("kill");
  const target = path.join(dir, "out.xlsx");
  fs.writeFileSync(target, "ORIGINAL");
  const script = `
    const { writeFileAtomic } = require(${JSON.stringify(BUILT)});
    writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(256 * 1024 * 1024, 120)).then(() => process.exit(0));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    let killedMidWrite = false;
    const poll = setInterval(() => {
      if (temps(dir).length > 0 && !killedMidWrite) {
        killedMidWrite = true;
        child.kill(signal);
      }
    }, 2);
    child.on("error", reject);
    child.on("exit", (_code, sig) => {
      clearInterval(poll);
      resolve({ dir, target, signal: sig, killedMidWrite });
    });
  });
}

describe("killed during a large write", () => {
  test.each(["SIGTERM", "SIGINT"] as const)(
    "%s: the existing file is intact and the temporary file removed",
    async (signal) => {
      const r = await killDuringWrite(signal);
      expect(r.killedMidWrite).toBe(true);
      expect(r.signal).toBe(signal); // died of the signal, as without a handler
      expect(fs.readFileSync(r.target, "utf8")).toBe("ORIGINAL");
      expect(temps(r.dir)).toEqual([]);
      fs.rmSync(r.dir, { recursive: true, force: true });
    },
  );

  test("SIGKILL: the existing file is intact (only the temporary file can remain)", async () => {
    const r = await killDuringWrite("SIGKILL");
    expect(r.killedMidWrite).toBe(true);
    expect(r.signal).toBe("SIGKILL");
    expect(fs.readFileSync(r.target, "utf8")).toBe("ORIGINAL");
    expect(
      fs
        .readdirSync(r.dir)
        .filter((f) => f !== "out.xlsx")
        .every((f) => /^\.out\.xlsx\.\d+\.[0-9a-f]{8}\.tmp$/.test(f)),
    ).toBe(true);
    fs.rmSync(r.dir, { recursive: true, force: true });
  });
});
