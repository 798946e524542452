/**
 * 検証's question for what we wrote: was this area or summary made with today's settings and data?
 * A plan made now is compared with the record of the one that wrote it (record.ts, its meta row):
 * - settings: the print of the settings that shape what is written other than through the band
 *   names, and the bounds the names hold now against today's (a CLI run with another --config);
 * - data: the prints of what the plan writes (a formula counts as one, whatever it computes): an
 *   area whose formulas follow the figures is never stale for a corrected figure, one holding a
 *   value no formula follows (a figure typed as text, a 未入力 decided then) is.
 * Rectangles without a meta row (written before it existed) are not judged.
 */
import type { ShinchokuConfig } from "../config/config";
import type { CellRange, WorkbookSnapshot } from "../model/snapshot";
import type { Finding } from "../model/finding";
import { toA1 } from "../grid/address";
import { Grid } from "../grid/grid";
import type { RecordMeta } from "./record";
import { readOwnership } from "./ownership";
import { findSheet, sameName } from "./names";
import { bandsAgree } from "../plan/settings-plan";
import { areaDataPrint, fillSettingsPrint } from "../plan/fill-plan";
import { severityOf } from "../checks/render";
import { findingOf } from "../checks/finding";

export interface StaleInput {
  config: ShinchokuConfig;
  wb: WorkbookSnapshot;
  /** What readOwnership(wb) found, when the caller has it already. */
  own?: ReturnType<typeof readOwnership>;
  /** The areas a fill planned now would write, with their prints. */
  areas: ReadonlyArray<{ sheet: string; range: CellRange; prints: readonly string[] }>;
  /** The summary planned now: its sheet and what it is made from (null: none would be made). */
  summary: { sheetName: string; meta: RecordMeta | undefined } | null;
}

export function staleFindings(input: StaleInput): Finding[] {
  const { config, wb } = input;
  const own = input.own ?? readOwnership(wb);
  const out: Finding[] = [];
  const bandsOk = bandsAgree(config, wb);
  const fillSev = severityOf("fill/stale", config);
  const settings = fillSettingsPrint(config);
  for (const o of own.areas) {
    const meta = o.record?.meta;
    if (!meta || !fillSev) continue;
    const now = input.areas.find((x) => sameName(x.sheet, o.sheet) && sameRange(x.range, o.range));
    let reason: "settings" | "data" | null = null;
    if (meta.settings !== settings || !bandsOk) reason = "settings";
    else if (!now || areaDataPrint(now.prints) !== meta.data) reason = "data";
    if (!reason) continue;
    const cell = toA1(o.range.top, o.range.left);
    const f = findingOf(
      "fill/stale",
      { itemNo: null, sheet: o.sheet, cell, params: { cell, reason } },
      config,
    );
    if (f) out.push(f);
  }
  const sumSev = severityOf("summary/stale", config);
  const meta = own.summary?.record?.meta;
  if (own.summary && meta && sumSev && input.summary?.meta) {
    const now = input.summary.meta;
    const reason =
      meta.settings !== now.settings || !bandsOk ? "settings" : meta.data !== now.data ? "data" : null;
    const f = reason
      ? findingOf(
          "summary/stale",
          {
            itemNo: null,
            sheet: own.summary.sheet,
            cell: null,
            params: { sheet: own.summary.sheet, reason, made: madeOn(wb, own.summary.sheet) },
          },
          config,
        )
      : null;
    if (f) out.push(f);
  }
  return out;
}

const sameRange = (a: CellRange, b: CellRange) =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** The date the summary says it was made ("令和元年6月30日"), from its line under the title. */
function madeOn(wb: WorkbookSnapshot, sheet: string): string {
  const s = findSheet(wb.sheets, sheet);
  const v = s ? new Grid(s).value(2, 0) : null;
  const m = typeof v === "string" ? /^作成日 (\S+?)(?:\u3000|$)/.exec(v) : null;
  return m ? m[1] : "";
}
