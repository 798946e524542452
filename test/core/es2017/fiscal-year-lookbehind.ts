// Reference copy (issue 17): src/core/values/fiscal-year.ts as it was with regex lookbehind.
import { nfkc } from "../../../src/core/values/normalize";
import { kanjiYearsToDigits } from "../../../src/core/values/kanji-numerals";
import { MemoTable } from "../../../src/core/values/memo";

/**
 * Japanese fiscal years (April–March). 平成N = 1988+N, 令和N = 2018+N, 元年 = year 1; so 平成31年度 and
 * 令和元年度 are both FY2019. Headers such as "29年度以降" carry no era: the caller passes the era
 * of the surrounding headers.
 */
export type Era = "heisei" | "reiwa" | "showa" | "western";

const ERA_BASE: Record<Exclude<Era, "western">, number> = { showa: 1925, heisei: 1988, reiwa: 2018 };
const ERA_OF: Record<string, Exclude<Era, "western">> = {
  令和: "reiwa",
  R: "reiwa",
  平成: "heisei",
  H: "heisei",
  昭和: "showa",
  S: "showa",
};

export interface FiscalYearMatch {
  fiscalYear: number;
  era: Era;
  /** "以降": a target column for the years after the period, not a year of the plan. */
  onward: boolean;
  /** Whether the text named its era (false for "29年度以降"). */
  explicitEra: boolean;
}

/**
 * Find a fiscal year in a header text: "平成27年度", "令和元年度", "R2年度", "2019年度", "29年度以降",
 * "現状 (平成26年度)". `contextEra` resolves an era-less "29年度". Returns null when there is none.
 */
export function parseFiscalYear(text: string, contextEra: Era | null = null): FiscalYearMatch | null {
  // Shared between equal headers (every sheet has the same ones): read-only. One table per era, so
  // that no key string is built per call.
  const era = contextEra ?? "none";
  let table = fiscalYears.get(era);
  if (!table) {
    table = new MemoTable((t) => parseOnce(t, contextEra));
    fiscalYears.set(era, table);
  }
  return table.get(text);
}

const fiscalYears = new Map<Era | "none", MemoTable<FiscalYearMatch | null>>();

/** One year as headers write it: an era and its year, a Western year, or an era-less "29年度". */
const YEAR_TOKEN = String.raw`(?:令和|平成|昭和|(?<![A-Za-z])[RHS]\.?|(?<![A-Za-z])FY\s*)?\s*(?:元|\d{1,4})\s*(?:年度?)?`;
/** Two years joined by a dash or tilde: "H28~R2", "平成28〜令和2年度", "2016-2020": a period. */
const SPAN = new RegExp(`${YEAR_TOKEN}\\s*[~〜\\-–—－ー]\\s*${YEAR_TOKEN}`);
const SPAN_YEAR = /(令和|平成|昭和|[RHS]|FY|\d{4})/i;

function parseOnce(text: string, contextEra: Era | null): FiscalYearMatch | null {
  const t = kanjiYearsToDigits(nfkc(text));
  // A period ("累計 (H28~R2年度)") is not a year of the plan.
  if (isSpanText(t)) return null;
  const onwardFrom = (i: number) => /以降|以後|~$|〜$/.test(t.slice(i));
  // An era by name, 年 optional: "平成27年度", "令和2", "令和元年度".
  let m = /(令和|平成|昭和)\s*(元|\d{1,2})(?!\d)(?:\s*年度?)?/.exec(t);
  // An era by its letter: "H23", "R2", "R2年度", "H.27".
  m ??= /(?<![A-Za-z])([RHS])\.?\s*(元|\d{1,2})(?![\d.,])(?:\s*年度?)?/.exec(t);
  if (m) {
    const era = ERA_OF[m[1]];
    const num = m[2] === "元" ? 1 : Number(m[2]);
    return { fiscalYear: ERA_BASE[era] + num, era, onward: onwardFrom(m.index), explicitEra: true };
  }
  // Western years: "2019年度", "FY2019", or a header that is just the year ("2019", typed as a number).
  const w =
    /(\d{4})\s*年/.exec(t) ??
    /(?<![A-Za-z])FY\s*(\d{4})(?!\d)/i.exec(t) ??
    /^(\d{4})(?![\d.,%])(?:\s|$|\()/.exec(t);
  if (w) {
    const num = Number(w[1]);
    const bare = !/年|FY/i.test(w[0]);
    if (num >= 1900 && num <= 2200 && (!bare || (num >= 1990 && num <= 2100)))
      return { fiscalYear: num, era: "western", onward: onwardFrom(w.index), explicitEra: true };
  }
  // An era-less "29年度" takes the era of the headers around it.
  const e = /(?<!\d)(\d{1,2})\s*年度/.exec(t);
  if (!e || !contextEra || contextEra === "western") return null;
  return {
    fiscalYear: ERA_BASE[contextEra] + Number(e[1]),
    era: contextEra,
    onward: onwardFrom(e.index),
    explicitEra: false,
  };
}

function isSpanText(t: string): boolean {
  const m = SPAN.exec(t);
  // Both ends must name a year (an era, FY or four digits), not "4~9月".
  if (!m) return false;
  const parts = m[0].split(/[~〜\-–—－ー]/);
  return parts.length >= 2 && SPAN_YEAR.test(parts[0]) && SPAN_YEAR.test(parts[parts.length - 1]);
}

/** Whether a header names a period of years ("累計 (H28~R2年度)", "2016-2020年度"), not one year. */
export function isYearSpan(text: string): boolean {
  return isSpanText(kanjiYearsToDigits(nfkc(text)));
}

/** FY2019 → "令和元年度" (ja) for messages; Heisei up to FY2018. */
export function formatFiscalYearJa(fy: number): string {
  if (fy >= 2019) {
    const n = fy - 2018;
    return `令和${n === 1 ? "元" : n}年度`;
  }
  if (fy >= 1989) {
    const n = fy - 1988;
    return `平成${n === 1 ? "元" : n}年度`;
  }
  return `${fy}年度`;
}

export function formatFiscalYearEn(fy: number): string {
  return `FY${fy}`;
}

/** The fiscal year a date falls in: April 2016 – March 2017 is FY2016. */
export function fiscalYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}
