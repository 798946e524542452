/** The adapter's own words, for what only the host can tell (read-only workbook, vanished sheet). */
import type { Lang } from "../core/model/finding";

export const MESSAGES = {
  readOnly: {
    ja: "ブックが読み取り専用のため、何も書き込みませんでした。編集可能な状態で開いてから実行してください。",
    en: "The workbook is read-only, so nothing was written. Open it for editing and run again.",
  },
  sheetMissing: {
    ja: (s: string) =>
      `シート「${s}」が見つからないため、何も書き込みませんでした。もう一度実行してください。`,
    en: (s: string) => `The sheet "${s}" is gone, so nothing was written. Run again.`,
  },
} as const;

export function readOnlyReason(lang: Lang): string {
  return MESSAGES.readOnly[lang];
}

export function sheetMissingReason(sheet: string, lang: Lang): string {
  return MESSAGES.sheetMissing[lang](sheet);
}
