#!/usr/bin/env node
// Interleaved A/B of the engine alone (analyse + planFill + planSummary) on the bench workbook, in CPU
// time: two builds of the CLI (tsc -p tsconfig.cli.json) loaded side by side in one process.
//   node scripts/dev/engine-ab.cjs OLD_DIST [NEW_DIST]     (NEW_DIST defaults to dist/node; run
//   `npm run bench` once first, it makes out/bench/bench-120.xlsx)
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..", "..");
const OLD = path.resolve(process.argv[2] ?? "");
const NEW = path.resolve(process.argv[3] ?? path.join(root, "dist", "node"));
if (!process.argv[2]) {
  console.error("usage: node scripts/dev/engine-ab.cjs OLD_DIST [NEW_DIST]");
  process.exit(2);
}
const { snapshotWorkbook } = require(NEW + "/src/cli/read-xlsx");
const { workbookFromBuffer } = require(NEW + "/src/cli/workbook-io");
const load = (root) => ({
  e: require(root + "/src/core/engine"),
  c: require(root + "/src/core/config/config"),
});
(async () => {
  const wb = await workbookFromBuffer(fs.readFileSync(path.join(root, "out", "bench", "bench-120.xlsx")));
  const snap = snapshotWorkbook(wb);
  const sides = { old: load(OLD), new: load(NEW) };
  const times = { old: [], new: [] };
  const asOf = new Date(2019, 5, 30, 12);
  for (let round = 0; round < 40; round++) {
    for (const k of round % 2 ? ["old", "new"] : ["new", "old"]) {
      const { e, c } = sides[k];
      const s = JSON.parse(JSON.stringify(snap)); // a fresh snapshot, as each run reads one
      const cfg = c.mergeConfig({});
      const cpu = process.cpuUsage();
      const a = e.analyse(s, cfg, { asOf });
      e.planFill(a, s);
      e.planSummary(a, s);
      const d = process.cpuUsage(cpu);
      if (round >= 4) times[k].push((d.user + d.system) / 1000);
    }
  }
  const med = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[s.length >> 1];
  };
  for (const k of ["old", "new"])
    console.log(
      `${k}: median ${med(times[k]).toFixed(1)} ms CPU, fastest ${Math.min(...times[k]).toFixed(1)} ms (36 rounds)`,
    );
})();
