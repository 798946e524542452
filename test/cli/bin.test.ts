import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { freshSamples } from "./samples";

/** The package's command as a user runs it (npm test builds dist/node before jest). */
const BIN = path.resolve(__dirname, "../../bin/shinchoku.js");
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

describe("bin/shinchoku.js", () => {
  it("is built", () => {
    expect(fs.existsSync(path.resolve(__dirname, "../../dist/node/src/cli/main.js"))).toBe(true);
    // The one-file CLI the command runs is built from that same output.
    const bundle = path.resolve(__dirname, "../../dist/node/shinchoku.js");
    expect(fs.statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(
      fs.statSync(path.resolve(__dirname, "../../dist/node/src/cli/main.js")).mtimeMs,
    );
  });

  it("starts from V8's code cache made by the build, and runs without it when V8 refuses it", () => {
    const bundle = path.resolve(__dirname, "../../dist/node/shinchoku.js");
    expect(fs.statSync(`${bundle}.cache`).mtimeMs).toBeGreaterThanOrEqual(fs.statSync(bundle).mtimeMs);
    const loader = path.resolve(__dirname, "../../bin/bundle.js");
    const probe = (cache: string) =>
      spawnSync(
        process.execPath,
        [
          "-e",
          `const b=require(${JSON.stringify(loader)});const r=b.loadBundle(${cache});` +
            `const out=[];r.exports.main(["config","--print-default"],{out:(t)=>out.push(t),err:(t)=>out.push(t),errIsTTY:false})` +
            `.then((c)=>process.stdout.write(JSON.stringify({used:r.cacheUsed,code:c,name:JSON.parse(out.join("")).summarySheetName})))`,
        ],
        { encoding: "utf8" },
      );
    expect(JSON.parse(probe("").stdout)).toEqual({ used: true, code: 0, name: "集計" });
    // A cache from another Node or another build: V8 rejects it and the bundle compiles as usual.
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-cc-")), "bad.cache");
    fs.writeFileSync(bad, Buffer.alloc(4096, 7));
    expect(JSON.parse(probe(`{cache:${JSON.stringify(bad)}}`).stdout)).toEqual({
      used: false,
      code: 0,
      name: "集計",
    });
    expect(JSON.parse(probe("{cache:null}").stdout)).toEqual({ used: false, code: 0, name: "集計" });
  });

  it("passes the exit status through: 0, 1, 2", async () => {
    const s = await freshSamples();
    expect(run("validate", s.pasted, "--as-of", "2019-06-30").status).toBe(0);
    const errs = run("validate", s.plan, "--as-of", "2019-06-30", "--lang", "en");
    expect(errs.status).toBe(1);
    expect(errs.stdout).toContain("Total: 6 reform item(s)");
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stdout + none.stderr).toContain("使い方:");
  });

  it("exits only once a large report is out, whole, through a pipe", async () => {
    const s = await freshSamples();
    // Several times the pipe's buffer (64 KiB): the process ends when it is written, not before.
    const r = run("validate", s.plan, s.plan, s.plan, s.pasted, "--json", "--as-of", "2019-06-30");
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(150_000);
    const report = JSON.parse(r.stdout) as { files: unknown[] };
    expect(report.files).toHaveLength(4);
  });

  it("prints the default configuration", () => {
    const r = run("config", "--print-default");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summarySheetName).toBe("集計");
    // The built CLI finds the installed schema too (dist/node has no package.json of its own).
    const schema = path.resolve(process.cwd(), JSON.parse(r.stdout).$schema as string);
    expect(schema).toBe(path.resolve(__dirname, "../../schema/shinchoku.schema.json"));
  });
});
