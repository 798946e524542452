import type { Rule } from "../../rule";
import { at, fyEn, fyJa } from "../../helpers";
import { flagEn } from "../../../compute/flags";

/** An "on track" status in October for a year that ended 未達成: information only. */
export const statusFlagMismatch: Rule = {
  code: "status/flag-mismatch",
  defaultSeverity: "info",
  description: { ja: "取組の状況が指標の達成状況と合わない", en: "Status disagrees with the indicators" },
  message: {
    ja: (p) =>
      `${at(p)}: ${fyJa(p)}の取組の状況は「${p.status}」でしたが、年度末の指標は${p.flag}です。状況の判断と実績を確認してください。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} status was "${p.status}", yet the year ended ${p.flagEn}. Check the status against the actuals.`,
  },
  check: ({ computed }) => {
    const out = [];
    for (const ci of computed)
      for (const y of ci.years) {
        if (y.statusAgrees !== false) continue;
        const s = ci.item.statuses.find((x) => x.fiscalYear === y.fiscalYear)?.status;
        if (!s) continue;
        out.push({
          itemNo: ci.item.no || null,
          sheet: s.sheet,
          cell: s.cell,
          params: {
            fiscalYear: y.fiscalYear,
            status: y.status,
            flag: y.worstFlag,
            flagEn: flagEn(y.worstFlag),
          },
        });
      }
    return out;
  },
};
