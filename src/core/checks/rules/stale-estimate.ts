import type { Rule } from "../rule";
import { at, draft, fyEn, fyJa } from "../helpers";

/** A baseline still marked (見込み) long after its year: the confirmed figure should be in by now. */
export const staleEstimate: Rule = {
  code: "baseline/stale-estimate",
  defaultSeverity: "warning",
  description: { ja: "現状値が見込みのまま", en: "Baseline still an estimate long after its year" },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.indicator}の現状値（${fyJa(p)}）${p.value} が「見込み」のままです。${p.latestJa}まで進んでいるため、確定値に更新してください。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} baseline ${p.value} of "${p.indicator}" is still an estimate although the data runs to ${p.latestEn}. Replace it with the confirmed figure.`,
  },
  check: ({ items, config }) => {
    const out = [];
    for (const item of items)
      for (const ind of item.indicators) {
        const c = ind.baseline.cell;
        const fy = ind.baseline.fiscalYear;
        if (!c || fy === null || c.parsed.kind !== "number" || !c.parsed.estimate) continue;
        const withData = ind.years.filter((y) => y.actual?.parsed.kind === "number").map((y) => y.fiscalYear);
        const latest = withData.length ? Math.max(...withData) : null;
        if (latest === null || latest - fy <= config.staleEstimateYears) continue;
        out.push(
          draft(item, c, {
            indicator: ind.name,
            fiscalYear: fy,
            value: c.parsed.value,
            latestJa: formatFiscalYearJa(latest),
            latestEn: `FY${latest}`,
          }),
        );
      }
    return out;
  },
};

import { formatFiscalYearJa } from "../../values/fiscal-year";
