/**
 * The analysis behind a summary of several files (`summary A.xlsx B.xlsx … -o OUT`): each file read and checked with its own
 * settings, as a single file is (the part the add-in saved in it; --config over all of them), and
 * the one summary made from all files together (docs/ARCHITECTURE.md, "A summary of several files").
 *
 * Files whose settings are the same are analysed together, so that an item split across them joins
 * by No. as in one workbook. The settings that shape the one summary (SUMMARY_KEYS) must agree:
 * they decide its grade tables, flag bands, columns, title and sheet name, and there is no right
 * way to mix two grade scales or two sets of bands in one table. Where they differ nothing is
 * written and the message names the settings and the files; `--config` then chooses one set for
 * every file. An item whose sheets are in files with different settings (different labels, say)
 * cannot be read as one and is refused the same way.
 */
import type { Analysis } from "../model/analysis";
import type { WorkbookSnapshot } from "../model/snapshot";
import type { ShinchokuConfig } from "../config/config";
import { analyse } from "../engine";

/**
 * The settings the summary's shape depends on: what summarySettingsPrint records (the flag bands
 * through `thresholds` and `flagBands`), and the sheet's name. test/core/many-files.test.ts holds
 * the two together: no other setting changes that print.
 */
export const SUMMARY_KEYS = [
  "thresholds",
  "flagBands",
  "grades",
  "periodGrades",
  "statuses",
  "lowerIsBetter",
  "cumulativeMarkers",
  "annualMarkers",
  "levelMarkers",
  "indicatorKinds",
  "defaultIndicatorKind",
  "summarySheetName",
  "summaryTitle",
  "summaryFont",
  "summaryMarker",
] as const satisfies ReadonlyArray<keyof ShinchokuConfig>;

export interface FileInput {
  file: string;
  /** The file's sheets, named as in the summary's combined workbook. */
  sheets: WorkbookSnapshot["sheets"];
  config: ShinchokuConfig;
}

export type ManyAnalysis =
  | { kind: "ok"; analysis: Analysis }
  /** Files whose summary settings differ from the first file's (that one first), and which settings. */
  | { kind: "settingsDiffer"; keys: string[]; files: string[] }
  /** An item whose sheets are in files read with different settings. */
  | { kind: "itemAcrossSettings"; no: string; files: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Files are named as given (the caller shortens them for its message). `none`: the configuration when no file could be read. */
export function analyseMany(inputs: FileInput[], asOf: Date, none: ShinchokuConfig): ManyAnalysis {
  if (inputs.length === 0) return { kind: "ok", analysis: analyse({ sheets: [] }, none, { asOf }) };
  const first = inputs[0];
  const keys = new Set<string>();
  const differing: string[] = [];
  for (const x of inputs.slice(1)) {
    const k = SUMMARY_KEYS.filter((key) => !same(x.config[key], first.config[key]));
    if (k.length === 0) continue;
    k.forEach((key) => keys.add(key));
    differing.push(x.file);
  }
  if (differing.length) return { kind: "settingsDiffer", keys: [...keys], files: [first.file, ...differing] };

  // Files with the same settings together, in input order.
  const groups: Array<{ config: ShinchokuConfig; inputs: FileInput[] }> = [];
  for (const x of inputs) {
    const g = groups.find((y) => same(y.config, x.config));
    if (g) g.inputs.push(x);
    else groups.push({ config: x.config, inputs: [x] });
  }
  const parts = groups.map((g) => analyse({ sheets: g.inputs.flatMap((x) => x.sheets) }, g.config, { asOf }));
  if (parts.length === 1) return { kind: "ok", analysis: parts[0] };
  // An item No. read in two groups: its sheets' files, to name them.
  const seen = new Map<string, number>();
  for (const [i, p] of parts.entries())
    for (const it of p.read.items) {
      if (!it.no) continue;
      const j = seen.get(it.no);
      if (j === undefined) {
        seen.set(it.no, i);
        continue;
      }
      if (j === i) continue;
      const files = [parts[j], p].flatMap((q) =>
        q.read.items
          .filter((x) => x.no === it.no)
          .flatMap((x) => x.blocks.map((b) => q.read.grids.get(b.sheet)?.file ?? "")),
      );
      return { kind: "itemAcrossSettings", no: it.no, files: [...new Set(files)].filter(Boolean) };
    }
  return { kind: "ok", analysis: merged(parts, first.config) };
}

/** Several analyses as one: their lists one after the other. "No form" stands only if no part has one. */
function merged(parts: Analysis[], config: ShinchokuConfig): Analysis {
  const anyForm = parts.some((p) => p.read.blocks.length > 0);
  const keep = <T extends { code: string }>(fs: T[]) =>
    anyForm ? fs.filter((f) => f.code !== "layout/no-form") : fs;
  const all = <T>(pick: (a: Analysis) => T[]) => parts.flatMap(pick);
  return {
    config,
    asOf: parts[0].asOf,
    read: {
      blocks: all((a) => a.read.blocks),
      items: all((a) => a.read.items),
      diagnostics: keep(all((a) => a.read.diagnostics)),
      ownedAreas: all((a) => a.read.ownedAreas),
      summarySheets: all((a) => a.read.summarySheets),
      findingsSheets: all((a) => a.read.findingsSheets),
      otherSheets: all((a) => a.read.otherSheets),
      grids: new Map(all((a) => [...a.read.grids])),
    },
    computed: all((a) => a.computed),
    findings: keep(all((a) => a.findings)),
    reviewed: all((a) => a.reviewed),
    keyed: all((a) => a.keyed).filter((k) => !anyForm || k.finding.code !== "layout/no-form"),
    marks: new Map(all((a) => [...a.marks])),
    checklist: all((a) => a.checklist),
  };
}
