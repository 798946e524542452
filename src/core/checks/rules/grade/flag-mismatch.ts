import type { Rule } from "../../rule";
import { at, fyEn, fyJa } from "../../helpers";

/** Grades are a human judgement; one that disagrees with the indicators is worth a second look. */
export const gradeFlagMismatch: Rule = {
  code: "grade/flag-mismatch",
  defaultSeverity: "warning",
  description: { ja: "年度評価が指標の達成状況と合わない", en: "Grade disagrees with the indicators" },
  message: {
    ja: (p) =>
      `${at(p)}: ${fyJa(p)}の年度評価「${p.grade}」は、指標の達成状況（最も低いもの: ${p.flag}）と合っていません。評価の根拠を確認してください。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} grade "${p.grade}" disagrees with the indicators (worst: ${p.flagEn}). Check the grounds for the grade.`,
  },
  check: ({ computed, config }) => {
    const bands = flagBandsOf(config);
    const out = [];
    for (const ci of computed)
      for (const y of ci.years) {
        if (y.gradeAgrees !== false) continue;
        const g = ci.item.grades.find((x) => x.fiscalYear === y.fiscalYear)?.grade;
        if (!g) continue;
        out.push({
          itemNo: ci.item.no || null,
          sheet: g.sheet,
          cell: g.cell,
          params: {
            fiscalYear: y.fiscalYear,
            grade: y.grade,
            flag: y.worstFlag,
            flagEn: flagEn(y.worstFlag, bands),
          },
        });
      }
    return out;
  },
};

import { flagBandsOf, flagEn } from "../../../compute/flags";
