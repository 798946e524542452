/**
 * `validate` with the CLI's own reader against ExcelJS reading the same file, as a person runs them:
 * a fresh `node` process each time (module loading and a cold JIT included), interleaved rounds,
 * medians; the peak memory (max RSS) of each. Goal: validate ≤ 0.35 × ExcelJS's read (issue 16).
 * Part of `npm run bench`; alone: `npm run build:cli && node dist/node/scripts/bench-validate.js`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { repoRoot } from "./sample-items";
import { BENCH_DIR, makeBenchWorkbook } from "./bench-workbook";

export interface ValidateBench {
  runs: number;
  excelJsMs: number;
  excelJsClassMs: number;
  validateMs: number;
  /** Median of each round's validate ÷ ExcelJS read (the full package, as `require("exceljs")` loads it). */
  ratio: number;
  ratioClass: number;
  excelJsRssMiB: number;
  validateRssMiB: number;
  nodeAloneMs: number;
  /** CPU time (user + system, all threads) of each process: steadier than the clock on a busy machine. */
  excelJsCpuMs: number;
  validateCpuMs: number;
  cpuRatio: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function benchValidate(file: string, runs: number): ValidateBench {
  const node = process.execPath;
  const root = repoRoot();
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  // Prints the process's peak memory on exit, on stderr's last line.
  const rss = path.join(BENCH_DIR, "print-maxrss.js");
  fs.writeFileSync(
    rss,
    'process.on("exit",()=>{const u=process.resourceUsage();' +
      'require("fs").writeSync(2,"\\nmaxrss "+u.maxRSS+" cpu "+(u.userCPUTime+u.systemCPUTime)/1000+"\\n")});\n',
  );
  const excelJs = [
    "-r",
    rss,
    "-e",
    `const E=require("exceljs");new E.Workbook().xlsx.readFile(${JSON.stringify(file)});`,
  ];
  const excelJsClass = [
    "-r",
    rss,
    "-e",
    `const W=require("exceljs/lib/doc/workbook");new W().xlsx.readFile(${JSON.stringify(file)});`,
  ];
  const validate = [
    "-r",
    rss,
    path.join(root, "bin", "shinchoku.js"),
    "validate",
    file,
    "--as-of",
    "2019-06-30",
    "--no-progress",
  ];
  const nodeAlone = ["-r", rss, "-e", "0"];
  const time = (args: string[], ok: number[]) => {
    const t = performance.now();
    const r = spawnSync(node, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const ms = performance.now() - t;
    if (!ok.includes(r.status ?? -1)) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    const m = /maxrss (\d+) cpu ([\d.]+)\s*$/.exec(r.stderr);
    return { ms, mib: Number(m?.[1] ?? NaN) / 1024, cpu: Number(m?.[2] ?? NaN) };
  };
  const x: number[] = [];
  const k: number[] = [];
  const v: number[] = [];
  const n: number[] = [];
  const xm: number[] = [];
  const vm: number[] = [];
  const xc: number[] = [];
  const vc: number[] = [];
  time(validate, [0, 1]); // one untimed round: the file in the page cache for all
  for (let i = 0; i < runs; i++) {
    const a = time(excelJs, [0]);
    const b = time(excelJsClass, [0]);
    const c = time(validate, [0, 1]);
    n.push(time(nodeAlone, [0]).ms);
    x.push(a.ms);
    k.push(b.ms);
    v.push(c.ms);
    xm.push(a.mib);
    vm.push(c.mib);
    xc.push(a.cpu);
    vc.push(c.cpu);
  }
  return {
    runs,
    excelJsMs: median(x),
    excelJsClassMs: median(k),
    validateMs: median(v),
    ratio: median(v.map((c, i) => c / x[i])),
    ratioClass: median(v.map((c, i) => c / k[i])),
    excelJsRssMiB: median(xm),
    validateRssMiB: median(vm),
    nodeAloneMs: median(n),
    excelJsCpuMs: median(xc),
    validateCpuMs: median(vc),
    cpuRatio: median(vc.map((c, i) => c / xc[i])),
  };
}

export function formatValidateBench(b: ValidateBench): string {
  const ms = (t: number) => `${t.toFixed(0).padStart(7)} ms`;
  return [
    `  validate with our own reader (a new node process each time, medians of ${b.runs}):`,
    `    node alone                              ${ms(b.nodeAloneMs)}`,
    `    node + ExcelJS read (require("exceljs")) ${ms(b.excelJsMs)}   peak ${b.excelJsRssMiB.toFixed(0)} MiB`,
    `    node + ExcelJS read (Workbook class)    ${ms(b.excelJsClassMs)}`,
    `    node bin/shinchoku.js validate          ${ms(b.validateMs)}   peak ${b.validateRssMiB.toFixed(0)} MiB   ` +
      `${b.ratio.toFixed(2)}× ExcelJS's read (goal ≤ 0.35×) ${b.ratio <= 0.35 ? "OK" : "MISSED"}; ${b.ratioClass.toFixed(2)}× the class alone`,
    `    CPU time: validate ${ms(b.validateCpuMs)} vs ExcelJS read ${ms(b.excelJsCpuMs)}   ${b.cpuRatio.toFixed(2)}×`,
  ].join("\n");
}

if (require.main === module) {
  void makeBenchWorkbook().then((file) => {
    const runs = Math.max(1, Number(process.env.BENCH_PROCESS_RUNS ?? 9));
    process.stdout.write(formatValidateBench(benchValidate(file, runs)) + "\n");
  });
}
