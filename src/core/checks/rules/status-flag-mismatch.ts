import type { Rule } from "../rule";
import { at, fyEn, fyJa } from "../helpers";

/** A status of "on track" while indicators are 未達成, or "behind" while all are achieved: information only. */
export const statusFlagMismatch: Rule = {
  code: "status/flag-mismatch",
  defaultSeverity: "info",
  description: { ja: "取組の状況が指標の達成状況と合わない", en: "Status disagrees with the indicators" },
  message: {
    ja: (p) =>
      `${at(p)}: ${fyJa(p)}の取組の状況「${p.status}」と、指標の達成状況（最も低いもの: ${p.flag}）が合っていません。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} status "${p.status}" disagrees with the indicators (worst: ${p.flag}).`,
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
          sheet: s.ref.sheet,
          cell: s.ref.cell,
          params: { fiscalYear: y.fiscalYear, status: y.status, flag: y.worstFlag },
        });
      }
    return out;
  },
};
