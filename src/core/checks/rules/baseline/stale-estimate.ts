import type { Rule } from "../../rule";
import { at, draft, fyEn, fyJa } from "../../helpers";
import type { Indicator } from "../../../model/item";
import { formatFiscalYearJa } from "../../../values/fiscal-year";

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
        const latest = latestYearWithActual(ind);
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

/** The last fiscal year whose actual is a number, or null. */
function latestYearWithActual(ind: Indicator): number | null {
  let latest: number | null = null;
  for (const y of ind.years)
    if (y.actual?.parsed.kind === "number" && (latest === null || y.fiscalYear > latest))
      latest = y.fiscalYear;
  return latest;
}
