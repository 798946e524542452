/**
 * Browser harness for the pane test: a ShinchokuOperations that records calls and answers with
 * what the test put in window.harness, optionally holding an operation until the test releases it.
 */
import { startTaskpane, type TaskpaneHandle } from "../../../src/taskpane/app";
import type { OperationResult, ShinchokuOperations, ShinchokuSettings } from "../../../src/excel/types";
import { checkConfig } from "../../../src/core/config/config";
import { ConfigInvalidError } from "../../../src/core/config/schema";

interface Harness {
  calls: string[];
  results: Partial<Record<"validate" | "fill" | "summary" | "findings" | "undo", OperationResult>>;
  settings: ShinchokuSettings;
  failNext: { code: string; message: string } | null;
  /** Sheets selectCell treats as hidden (rejects with code SheetHidden unless asked to show). */
  hiddenSheets: string[];
  hold: boolean;
  release: () => void;
  pane: TaskpaneHandle | null;
  start(lang: "ja" | "en", action: string | null): Promise<void>;
}

let release: () => void = () => {};
const gate = () =>
  h.hold
    ? new Promise<void>((r) => {
        release = r;
      })
    : Promise.resolve();

const h: Harness = {
  calls: [],
  results: {},
  settings: { overrides: {}, highlightErrors: true },
  failNext: null,
  hiddenSheets: [],
  hold: false,
  release: () => release(),
  pane: null,
  async start(lang, action) {
    h.pane = startTaskpane(ops, document.getElementById("app") as HTMLElement, { lang, action });
    await h.pane.ready;
  },
};

function run(kind: "validate" | "fill" | "summary" | "findings" | "undo") {
  return async (o: Parameters<ShinchokuOperations["validate"]>[0]) => {
    h.calls.push(`${kind}:${o.lang}`);
    o.onProgress?.({ phase: "reading", fraction: 0.25 });
    await gate();
    o.onProgress?.({ phase: "analysing" });
    if (h.failNext) {
      const e = Object.assign(new Error(h.failNext.message), { code: h.failNext.code, debugInfo: {} });
      h.failNext = null;
      throw e;
    }
    const r = h.results[kind];
    if (!r) throw new Error(`no result for ${kind}`);
    return r;
  };
}

const ops: ShinchokuOperations = {
  validate: run("validate"),
  fill: run("fill"),
  summary: run("summary"),
  findings: run("findings"),
  undo: run("undo"),
  async selectCell(sheet, cell, show) {
    h.calls.push(`select:${sheet}!${cell}${show ? ":show" : ""}`);
    if (h.hiddenSheets.includes(sheet) && !show)
      throw Object.assign(new Error(`hidden ${sheet}`), { code: "SheetHidden", sheet });
  },
  async clearHighlight() {
    h.calls.push("clearHighlight");
  },
  async loadSettings() {
    h.calls.push("loadSettings");
    // As the adapter's readSettings: stored overrides the schema refuses are an error.
    const checked = checkConfig(h.settings.overrides);
    if (!checked.ok) throw new ConfigInvalidError(checked.errors);
    return h.settings;
  },
  async saveSettings(s) {
    h.calls.push(`saveSettings:${JSON.stringify(s)}`);
    h.settings = s;
  },
};

(window as unknown as { harness: Harness }).harness = h;
