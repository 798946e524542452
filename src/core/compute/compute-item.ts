/**
 * Computed fields, as the domain defines them: per indicator and year the achievement rate and
 * flag; the change from the year before of cumulative and level series, running totals of annual
 * ones, and the period achievement by kind (domain.md, Computed fields); and
 * per item and year the worst flag and whether grade and status agree with it.
 *
 * The configuration's vocabularies are normalised once per run, not once per item-year.
 */
import type { ShinchokuConfig, Flag, FlagBand, GradeDef, StatusDef } from "../config/config";
import {
  periodBasisOf,
  type ComputedIndicator,
  type ComputedItem,
  type ComputedItemYear,
  type ComputedYear,
  type PeriodBasis,
} from "../model/computed";
import type { Indicator, IndicatorYear, Item, SourceCell } from "../model/item";
import { gradeKey, nfkc } from "../values/normalize";
import { ascending, ofYear } from "../values/order";
import { achievementRate, flagBandsOf, flagOfRate, lowestFlag, worseFlag } from "./flags";
import { fiscalYearIsOver, isBlank, isGraded, isUnreadable, numberOf } from "./figures";
import { shownText } from "../values/shown";

/** What computing needs from the configuration and the date, prepared once per run. */
interface RunContext {
  config: ShinchokuConfig;
  asOf: Date;
  /** Grade by folded code (gradeKey) and status by normalised label; the first definition wins, as a search in order would. */
  gradeByCode: Map<string, GradeDef>;
  statusByLabel: Map<string, StatusDef>;
  /** The flag bands, best first, and the lowest band's label (未達成 by default). */
  bands: FlagBand[];
  lowest: Flag;
}

export function computeItems(items: Item[], config: ShinchokuConfig, asOf: Date): ComputedItem[] {
  const run = runContext(config, asOf);
  const out: ComputedItem[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = computeWith(items[i], run);
  return out;
}

function runContext(config: ShinchokuConfig, asOf: Date): RunContext {
  const gradeByCode = new Map<string, GradeDef>();
  for (const g of config.grades) {
    const key = gradeKey(g.code);
    if (!gradeByCode.has(key)) gradeByCode.set(key, g);
  }
  const statusByLabel = new Map<string, StatusDef>();
  for (const s of config.statuses) {
    const label = nfkc(s.label);
    if (!statusByLabel.has(label)) statusByLabel.set(label, s);
  }
  const bands = flagBandsOf(config);
  return {
    config,
    asOf,
    gradeByCode,
    statusByLabel,
    bands,
    lowest: lowestFlag(bands),
  };
}

function computeWith(item: Item, run: RunContext): ComputedItem {
  const indicators: ComputedIndicator[] = new Array(item.indicators.length);
  for (let i = 0; i < indicators.length; i++) indicators[i] = computeIndicator(item.indicators[i], item, run);
  // Every year any indicator has, once each and in order (an item has a handful).
  const fys: number[] = [];
  for (const ci of indicators)
    for (const y of ci.years) if (!fys.includes(y.fiscalYear)) fys.push(y.fiscalYear);
  fys.sort(ascending);
  const years: ComputedItemYear[] = new Array(fys.length);
  for (let i = 0; i < fys.length; i++) years[i] = itemYear(item, indicators, fys[i], run);
  return { item, indicators, years };
}

function computeIndicator(ind: Indicator, item: Item, run: RunContext): ComputedIndicator {
  // The reader decided it from the name and config.lowerIsBetter.
  const lower = ind.lowerIsBetter;
  const kind = ind.kind;
  const qualitative = isQualitative(ind);
  let prevActual = numberOf(ind.baseline.cell);
  let planTotal = 0;
  let actualTotal = 0;
  let totalsValid = true;
  const years: ComputedYear[] = new Array(ind.years.length);
  for (let i = 0; i < years.length; i++) {
    const y = ind.years[i];
    const plan = numberOf(y.plan);
    const actual = numberOf(y.actual);
    const rate = achievementRate(plan, actual, lower);
    const flag = flagOf(plan, y, rate, qualitative, item, run);
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
    if (kind !== "annual") {
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
    years[i] = out;
  }
  const basis = periodBasisOf(kind);
  return { indicator: ind, years, kind, periodRate: periodRate(basis, years, lower), periodBasis: basis };
}

function flagOf(
  plan: number | null,
  y: IndicatorYear,
  rate: number | null,
  qualitative: boolean,
  item: Item,
  run: RunContext,
): Flag {
  if (rate !== null) return flagOfRate(rate, run.config, run.bands);
  // A figure typed but unreadable ("1,2OO", #REF!) is a question to the department, not 対象外.
  if (!qualitative && (isUnreadable(y.plan) || (plan !== null && isUnreadable(y.actual)))) return "要確認";
  if (
    plan !== null &&
    isBlank(y.actual) &&
    (isGraded(item, y.fiscalYear) || fiscalYearIsOver(y.fiscalYear, run.asOf))
  )
    return "未入力";
  return "対象外";
}

/** A plan or actual stated in words for every year (継続実施): the indicator is qualitative, not wrong. */
export function isQualitative(ind: Indicator): boolean {
  for (const y of ind.years)
    if (y.plan?.parsed.kind === "number" || y.actual?.parsed.kind === "number") return false;
  return true;
}

/** Last year: the last year with both figures; period total: actual total ÷ plan total over years with both. */
function periodRate(basis: PeriodBasis, years: ComputedYear[], lower: boolean): number | null {
  let last: ComputedYear | null = null;
  // Summed in year order from 0, as the figures were always summed: the same float result.
  let planSum = 0;
  let actualSum = 0;
  for (const y of years) {
    if (y.plan === null || y.actual === null) continue;
    last = y;
    planSum += y.plan;
    actualSum += y.actual;
  }
  if (last === null) return null;
  return basis === "last-year"
    ? achievementRate(last.plan, last.actual, lower)
    : achievementRate(planSum, actualSum, lower);
}

function itemYear(item: Item, inds: ComputedIndicator[], fy: number, run: RunContext): ComputedItemYear {
  const worst = worstFlagOf(inds, fy, run.config.flagBands?.length ? run.bands : null);
  const gradeText = shownText(gradeCellOf(item, fy));
  const statusText = shownText(statusCellOf(item, fy));
  const gradeDef = gradeText ? run.gradeByCode.get(gradeKey(gradeText)) : undefined;
  const statusDef = statusText ? run.statusByLabel.get(nfkc(statusText)) : undefined;
  const comparable = worst !== null && worst !== "未入力" && worst !== "要確認";
  return {
    fiscalYear: fy,
    worstFlag: worst,
    grade: gradeText,
    status: statusText,
    gradeAgrees: comparable && gradeDef ? gradeDef.expectedFlags.includes(worst) : null,
    // The status is October's view, the flags the year-end result. Behind in October and achieved
    // by March is catching up, not a contradiction; on track in October yet 未達成 at year-end is.
    statusAgrees: comparable && statusDef ? !statusDef.onTrack || worst !== run.lowest : null,
  };
}

/** The worst flag of the year across the item's indicators; null when none applies. */
function worstFlagOf(inds: ComputedIndicator[], fy: number, bands: FlagBand[] | null): Flag | null {
  let worst: Flag | null = null;
  for (const ci of inds)
    for (const y of ci.years) if (y.fiscalYear === fy) worst = worseFlag(worst, y.flag, bands);
  return worst;
}

/** The grade cell of the year's first grade entry (null when there is none). */
function gradeCellOf(item: Item, fy: number): SourceCell | null {
  return ofYear(item.grades, fy)?.grade ?? null;
}

function statusCellOf(item: Item, fy: number): SourceCell | null {
  return ofYear(item.statuses, fy)?.status ?? null;
}

/** To 12 significant digits, so sums of decimals lose their binary noise (0.1 + 0.2 → 0.3). */
function round(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}
