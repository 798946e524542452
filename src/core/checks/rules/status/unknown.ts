import type { Rule } from "../../rule";
import { at, cellDisplay, draft, fyEn, fyJa } from "../../helpers";
import { nfkc } from "../../../values/normalize";

export const statusUnknown: Rule = {
  code: "status/unknown",
  defaultSeverity: "warning",
  description: { ja: "取組の状況が選択肢にない", en: "Status not in the vocabulary" },
  message: {
    ja: (p) => `${at(p)}: ${fyJa(p)}の取組の状況「${p.value}」は選択肢（${p.vocabulary}）にありません。`,
    en: (p) => `${at(p)}: the ${fyEn(p)} status "${p.value}" is not one of: ${p.vocabulary}.`,
  },
  check: ({ items, config }) => {
    const labels = config.statuses.map((s) => nfkc(s.label));
    const out = [];
    for (const item of items)
      for (const s of item.statuses) {
        const c = s.status;
        if (!c || c.parsed.kind === "blank" || c.parsed.kind === "error") continue;
        const value = cellDisplay(c);
        if (!labels.includes(nfkc(value)))
          out.push(draft(item, c, { fiscalYear: s.fiscalYear, value, vocabulary: labels.join("、") }));
      }
    return out;
  },
};
