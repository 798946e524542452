/**
 * A minimal progress form, aligned and unmerged, small enough to read at a glance: one indicator,
 * two years (FY2015–2016), statuses and grades. Every check test edits one cell of it.
 *   A2 取組項目 … D2 No. 1 · A3 title B3 · row 4 year headers · row 5 計画/実績 ·
 *   row 6 指標: B6 name, C6 baseline, D6/E6 FY2015 plan/actual, F6/G6 FY2016, H6 target ·
 *   row 9 statuses E9/G9 · row 12 grades E12/G12
 */
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";

export interface MiniFormOptions {
  sheet?: string;
  no?: CellValue;
  title?: string;
  indicator?: string;
  baseline?: CellValue;
  plan?: [CellValue, CellValue];
  actual?: [CellValue, CellValue];
  target?: CellValue;
  statuses?: [CellValue, CellValue];
  grades?: [CellValue, CellValue];
  yearHeaders?: [string, string];
}

export function miniForm(o: MiniFormOptions = {}): SheetSnapshot {
  const [y1, y2] = o.yearHeaders ?? ["平成27年度", "平成28年度"];
  const plan = o.plan ?? [100, 120];
  const actual = o.actual ?? [110, 125];
  const st = o.statuses ?? ["順調", "順調"];
  const gr = o.grades ?? ["A", "A"];
  const values: CellValue[][] = [
    ["重点改革項目Ⅰ 持続可能な行財政運営"],
    ["取組項目(中項目)", "1 テストの中項目", "No.", o.no === undefined ? 1 : o.no],
    ["改革実施項目名称(細項目)", o.title ?? "テストの改革項目"],
    ["改革実施概要", null, "現状 (平成26年度)", y1, null, y2, null, "目標/ 29年度以降"],
    [null, null, null, "計画", "実績", "計画", "実績"],
    [
      "指標",
      o.indicator ?? "窓口利用者数",
      o.baseline === undefined ? 90 : o.baseline,
      plan[0],
      actual[0],
      plan[1],
      actual[1],
      o.target ?? "継続実施",
    ],
    [],
    ["進捗管理", "(各年度10月に実施)", null, y1, null, y2],
    [null, "取組の状況", null, "上半期の取組を実施した。", st[0], "下半期に向けて準備中。", st[1]],
    [],
    ["年度評価", "(年度終了後に実施)", null, y1, null, y2],
    [null, "取組工程、指標に対する評価", null, "計画どおり進んだ。", gr[0], "計画どおり進んだ。", gr[1]],
  ];
  return { name: o.sheet ?? "No1", originRow: 0, originCol: 0, values };
}
