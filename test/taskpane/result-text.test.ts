import { describeError } from "../../src/shared/errors";
import { resultText, statsText, summarySheetNote } from "../../src/shared/result-text";
import type { OperationResult } from "../../src/excel/types";

const base: OperationResult = {
  kind: "validate",
  items: [],
  findings: [],
  counts: { error: 0, warning: 1, info: 0 },
  wrote: false,
  blockedReason: null,
  summarySheet: null,
  stats: {
    readSyncs: 3,
    writeSyncs: 0,
    requestBytes: 1500,
    responseBytes: 300000,
    sheetsRead: 240,
    cellsRead: 1,
    cellsWritten: 0,
    ms: 1234.6,
  },
};

test("validate: headline, counts, tone", () => {
  expect(resultText(base, "ja")).toEqual({
    headline: "検証が終わりました。",
    notes: [],
    counts: "エラー 0 件・警告 1 件・情報 0 件",
    tone: "success",
  });
  expect(resultText({ ...base, counts: { error: 2, warning: 0, info: 0 } }, "en").tone).toBe("warning");
});

test("summary sheet note: only when the name differs from the one asked for, or from the default", () => {
  expect(summarySheetNote("集計", undefined, "ja")).toBeNull();
  expect(summarySheetNote(null, undefined, "ja")).toBeNull();
  expect(summarySheetNote("集計 (2)", null, "en")).toBe(
    "A sheet named “集計” exists and was not made by Shinchoku, so it was left alone and the summary went to “集計 (2)”.",
  );
  expect(summarySheetNote("まとめ (2)", "まとめ", "ja")).toContain("「まとめ」という名前のシート");
  expect(summarySheetNote("まとめ", "まとめ", "ja")).toBe(
    "設定のシート名「まとめ」で作成しました (既定は「集計」)。",
  );
});

test("stats line: syncs, payload in KB, ms", () => {
  expect(statsText(base.stats, "ja")).toBe("読込 3 回・書込 0 回・294 KB・1235 ms");
  expect(statsText({ ...base.stats, requestBytes: 512, responseBytes: 512 }, "en")).toBe(
    "3 reads · 0 writes · 1.0 KB · 1235 ms",
  );
});

test("errors: Excel codes with words, plain errors with their message, anything else generic", () => {
  const excel = Object.assign(new Error("x"), {
    code: "ItemNotFound",
    debugInfo: { errorLocation: "Worksheet" },
  });
  expect(describeError(excel, "en").message).toBe("Excel reported an error (ItemNotFound): x");
  expect(describeError(excel, "en").code).toBe("ItemNotFound");
  expect(describeError(new Error("boom"), "ja").message).toBe("boom");
  expect(describeError(42, "ja").message).toBe("予期しないエラーが発生しました。");
  expect(describeError("文字列のエラー", "ja").title).toBe("エラーが発生しました");
});
