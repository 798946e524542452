/**
 * The ribbon commands' logic against a recording ShinchokuOperations: what they run, what the
 * dialog says, and that event.completed() is called on success, failure and dialog failure.
 */
import {
  dialogUrl,
  registerCommands,
  reportForResult,
  runCommand,
  type CommandDeps,
} from "../../src/commands/commands";
import { decodeReport, encodeReport, type DialogReport } from "../../src/commands/dialog-report";
import type { OperationResult, ShinchokuOperations, ShinchokuSettings } from "../../src/excel/types";

const stats = {
  readSyncs: 2,
  writeSyncs: 1,
  requestBytes: 2048,
  responseBytes: 1024,
  sheetsRead: 4,
  cellsRead: 900,
  cellsWritten: 40,
  ms: 321.4,
};

function result(patch: Partial<OperationResult>): OperationResult {
  return {
    kind: "fill",
    items: [{ no: "28", title: "t", sheet: "No28", cell: "C3" }],
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    wrote: true,
    blockedReason: null,
    summarySheet: null,
    stats,
    ...patch,
  };
}

class RecordingOps implements ShinchokuOperations {
  calls: string[] = [];
  constructor(
    private next: OperationResult | Error,
    private settings: ShinchokuSettings | Error = { overrides: {}, highlightErrors: true },
  ) {}
  private async op(name: string, lang: string) {
    this.calls.push(`${name}:${lang}`);
    if (this.next instanceof Error) throw this.next;
    return this.next;
  }
  validate = (o: { lang: string }) => this.op("validate", o.lang);
  fill = (o: { lang: string }) => this.op("fill", o.lang);
  summary = (o: { lang: string }) => this.op("summary", o.lang);
  findings = (o: { lang: string }) => this.op("findings", o.lang);
  undo = (o: { lang: string }) => this.op("undo", o.lang);
  selectCell = async () => {};
  clearHighlight = async () => {};
  loadSettings = async () => {
    if (this.settings instanceof Error) throw this.settings;
    return this.settings;
  };
  saveSettings = async () => {};
}

function deps(lang: "ja" | "en" = "ja", fail = false): CommandDeps & { shown: DialogReport[] } {
  const shown: DialogReport[] = [];
  return {
    lang,
    shown,
    show: async (r) => {
      shown.push(r);
      if (fail) throw new Error("dialog could not open");
    },
  };
}

const event = () => {
  const e = { done: 0, completed: () => void e.done++ };
  return e;
};

describe("ribbon commands", () => {
  test("計算欄を記入: runs fill, reports what was written and the counts, completes", async () => {
    const ops = new RecordingOps(result({ counts: { error: 1, warning: 2, info: 0 } }));
    const d = deps();
    const e = event();
    await runCommand(ops, "fill", d, e);
    expect(ops.calls).toEqual(["fill:ja"]);
    expect(e.done).toBe(1);
    expect(d.shown).toEqual([
      {
        lang: "ja",
        title: "計算欄を記入",
        tone: "warning",
        lines: [
          "計算欄を記入しました。",
          "エラー 1 件・警告 2 件・情報 0 件",
          "指摘の一覧は [検証] で作業ウィンドウに表示できます。",
        ],
      },
    ]);
  });

  test("集計シート作成 under another name: says why (a user's sheet is called 集計)", async () => {
    const ops = new RecordingOps(result({ kind: "summary", summarySheet: "集計 (2)" }));
    const d = deps();
    await runCommand(ops, "summary", d, event());
    expect(d.shown[0].lines.slice(0, 2)).toEqual([
      "集計シート「集計 (2)」を作成しました。",
      "「集計」という名前のシートは Shinchoku が作ったものではないため上書きせず、「集計 (2)」に作成しました。",
    ]);
    expect(d.shown[0].tone).toBe("success");
  });

  test("a configured summary name is explained as the setting, not as a clash", async () => {
    const ops = new RecordingOps(
      result({ kind: "summary", summarySheet: "進捗集計", summarySheetWanted: "進捗集計" }),
    );
    const d = deps("en");
    await runCommand(ops, "summary", d, event());
    expect(d.shown[0].lines[1]).toBe("Created under the configured name “進捗集計” (the default is “集計”).");
  });

  test("blocked (protected sheet): the reason is shown, tone error", async () => {
    const ops = new RecordingOps(result({ wrote: false, blockedReason: "シート「No28」は保護されています" }));
    const d = deps();
    await runCommand(ops, "fill", d, event());
    expect(d.shown[0].lines[0]).toBe("計算欄は変更されませんでした。");
    expect(d.shown[0].lines[1]).toBe("書き込めませんでした: シート「No28」は保護されています");
    expect(d.shown[0].tone).toBe("error");
  });

  test("an Excel error becomes a readable report and the event still completes", async () => {
    const err = Object.assign(new Error("The operation is not allowed in cell edit mode"), {
      code: "InvalidOperationInCellEditMode",
      debugInfo: {},
    });
    const ops = new RecordingOps(err);
    const d = deps();
    const e = event();
    const spy = jest.spyOn(console, "group").mockImplementation(() => {});
    const spy2 = jest.spyOn(console, "error").mockImplementation(() => {});
    const spy3 = jest.spyOn(console, "groupCollapsed").mockImplementation(() => {});
    try {
      await runCommand(ops, "summary", d, e);
    } finally {
      spy.mockRestore();
      spy2.mockRestore();
      spy3.mockRestore();
    }
    expect(e.done).toBe(1);
    expect(d.shown[0].title).toBe("集計シート作成: 実行できませんでした");
    expect(d.shown[0].lines).toEqual([
      "Excel が編集中のため実行できません。セルの編集を終えてからもう一度お試しください。",
    ]);
    expect(d.shown[0].tone).toBe("error");
  });

  test("if the dialog cannot open, the event still completes", async () => {
    // reportError logs through office-js-helpers (console.group), or console.error where it cannot.
    const spies = (["group", "groupCollapsed", "groupEnd", "error"] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation(() => {}),
    );
    const e = event();
    try {
      await runCommand(new RecordingOps(result({})), "fill", deps("ja", true), e);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(e.done).toBe(1);
  });

  test("registerCommands installs the global functions older hosts call by <FunctionName>", async () => {
    const ops = new RecordingOps(result({}));
    const d = deps("en");
    registerCommands(ops, d);
    const g = globalThis as unknown as Record<string, (e: { completed(): void }) => Promise<void>>;
    const e = event();
    await g.createSummarySheet(e);
    await g.fillComputedFields(e);
    expect(ops.calls).toEqual(["summary:en", "fill:en"]);
    expect(e.done).toBe(2);
  });

  test("the dialog URL sits next to the function file and carries the report", () => {
    const report = reportForResult(result({ counts: { error: 0, warning: 0, info: 3 } }), "en");
    const url = new URL(dialogUrl("https://addins.example.jp/shinchoku/commands.html", report));
    expect(url.origin + url.pathname).toBe("https://addins.example.jp/shinchoku/dialog.html");
    expect(decodeReport(url.search)).toEqual(report);
  });

  test("report encoding keeps any text as data and falls back safely", () => {
    const r: DialogReport = {
      lang: "ja",
      title: "<img src=x onerror=alert(1)>",
      lines: ["a&b=c", "改行\nあり", ""],
      tone: "error",
    };
    expect(decodeReport(`?${encodeReport(r)}`)).toEqual(r);
    expect(decodeReport("?tone=evil&lang=fr")).toEqual({ lang: "ja", tone: "success", title: "", lines: [] });
    expect(decodeReport(encodeReport({ ...r, lines: ["x".repeat(1000)] })).lines[0]).toHaveLength(400);
  });
});
