/**
 * Computed fields, as the domain defines them: per indicator and year the achievement rate and
 * flag; increments of (累計) series; running totals and the period achievement of the others; and
 * per item and year the worst flag and whether grade and status agree with it.
 */
import type { ShinchokuConfig, Flag } from "../config/config";
import { ascending, sortInPlace } from "../values/order";
import type { ComputedIndicator, ComputedItem, ComputedItemYear, ComputedYear } from "../model/computed";
import type { Indicator, Item, SourceCell } from "../model/item";
import { nfkc } from "../values/normalize";
import { achievementRate, flagOfRate, worstFlag } from "./flags";
import { fiscalYearIsOver, isBlank, numberOf } from "./figures";

export function computeItems(items: Item[], config: ShinchokuConfig, asOf: Date): ComputedItem[] {
  return items.map((it) => computeItem(it, config, asOf));
}

export function computeItem(item: Item, config: ShinchokuConfig, asOf: Date): ComputedItem {
  const graded = new Set(item.grades.filter((g) => !isBlank(g.grade)).map((g) => g.fiscalYear));
  const indicators = item.indicators.map((ind) => computeIndicator(ind, config, asOf, graded));
  const years = sortInPlace(
    [...new Set(indicators.flatMap((i) => i.years.map((y) => y.fiscalYear)))],
    ascending,
  );
  return { item, indicators, years: years.map((fy) => itemYear(item, indicators, fy, config)) };
}

export function isLowerIsBetter(ind: Indicator, config: ShinchokuConfig): boolean {
  const name = nfkc(ind.name);
  return ind.lowerIsBetter || config.lowerIsBetter.some((m) => m.trim() !== "" && name.includes(nfkc(m)));
}

function computeIndicator(
  ind: Indicator,
  config: ShinchokuConfig,
  asOf: Date,
  graded: Set<number>,
): ComputedIndicator {
  const lower = isLowerIsBetter(ind, config);
  let prevActual = numberOf(ind.baseline.cell);
  let planTotal = 0;
  let actualTotal = 0;
  let totalsValid = true;
  const years: ComputedYear[] = ind.years.map((y) => {
    const plan = numberOf(y.plan);
    const actual = numberOf(y.actual);
    const rate = achievementRate(plan, actual, lower);
    const flag = flagOf(y.plan, y.actual, rate, y.fiscalYear, config, asOf, graded);
    const out: ComputedYear = {
      fiscalYear: y.fiscalYear,
      plan,
      actual,
      rate,
      flag,
      increment: null,
      planTotal: null,
      actualTotal: null,
    };
    if (ind.cumulative) {
      out.increment = actual !== null && prevActual !== null ? round(actual - prevActual) : null;
      if (actual !== null) prevActual = actual;
    } else if (totalsValid) {
      if (plan !== null) planTotal += plan;
      if (actual !== null) actualTotal += actual;
      out.planTotal = plan !== null ? round(planTotal) : null;
      out.actualTotal = actual !== null ? round(actualTotal) : null;
      // A total stops meaning anything after a year with no figure.
      if (plan === null || actual === null) totalsValid = false;
    }
    return out;
  });
  return { indicator: ind, years, periodRate: periodRate(ind.cumulative, years, lower) };
}

function flagOf(
  planCell: SourceCell | null,
  actualCell: SourceCell | null,
  rate: number | null,
  fy: number,
  config: ShinchokuConfig,
  asOf: Date,
  graded: Set<number>,
): Flag {
  if (rate !== null) return flagOfRate(rate, config);
  const planIsNumber = numberOf(planCell) !== null;
  if (planIsNumber && isBlank(actualCell) && (graded.has(fy) || fiscalYearIsOver(fy, asOf))) return "未入力";
  return "対象外";
}

/** Cumulative: the last year with both figures; others: actual total ÷ plan total over years with both. */
function periodRate(cumulative: boolean, years: ComputedYear[], lower: boolean): number | null {
  const both = years.filter((y) => y.plan !== null && y.actual !== null);
  if (both.length === 0) return null;
  if (cumulative) {
    const last = both[both.length - 1];
    return achievementRate(last.plan, last.actual, lower);
  }
  const p = both.reduce((s, y) => s + (y.plan as number), 0);
  const a = both.reduce((s, y) => s + (y.actual as number), 0);
  return achievementRate(p, a, lower);
}

function itemYear(
  item: Item,
  inds: ComputedIndicator[],
  fy: number,
  config: ShinchokuConfig,
): ComputedItemYear {
  const flags = inds.flatMap((i) => i.years.filter((y) => y.fiscalYear === fy).map((y) => y.flag));
  const worst = worstFlag(flags);
  const gradeText = textOf(item.grades.find((g) => g.fiscalYear === fy)?.grade ?? null);
  const statusText = textOf(item.statuses.find((s) => s.fiscalYear === fy)?.status ?? null);
  const gradeDef = gradeText
    ? config.grades.find((g) => g.code === nfkc(gradeText).toUpperCase())
    : undefined;
  const statusDef = statusText ? config.statuses.find((s) => nfkc(s.label) === nfkc(statusText)) : undefined;
  const comparable = worst !== null && worst !== "未入力";
  return {
    fiscalYear: fy,
    worstFlag: worst,
    grade: gradeText,
    status: statusText,
    gradeAgrees: comparable && gradeDef ? gradeDef.expectedFlags.includes(worst) : null,
    // The status is October's view, the flags the year-end result. Behind in October and achieved
    // by March is catching up, not a contradiction; on track in October yet 未達成 at year-end is.
    statusAgrees: comparable && statusDef ? !statusDef.onTrack || worst !== "未達成" : null,
  };
}

function textOf(c: SourceCell | null): string | null {
  if (!c || c.parsed.kind === "blank") return null;
  return typeof c.raw === "string" ? c.raw.trim() : String(c.raw);
}

function round(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}
