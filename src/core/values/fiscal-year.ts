import { nfkc } from "./normalize";
import { kanjiYearsToDigits } from "./kanji-numerals";
import { MemoTable } from "./memo";

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

function parseOnce(text: string, contextEra: Era | null): FiscalYearMatch | null {
  const t = kanjiYearsToDigits(nfkc(text));
  const m = /(令和|平成|昭和|(?<![A-Za-z])[RHS])?\s*(元|\d{1,4})\s*年度?/.exec(t);
  if (!m) return null;
  const num = m[2] === "元" ? 1 : Number(m[2]);
  const onward = /以降|以後|~$|〜$/.test(t.slice(m.index));
  const era = m[1] ? ERA_OF[m[1]] : null;
  if (!era) {
    if (num >= 1900 && num <= 2200) return { fiscalYear: num, era: "western", onward, explicitEra: true };
    if (!contextEra || contextEra === "western" || !/年度/.test(m[0])) return null;
    return { fiscalYear: ERA_BASE[contextEra] + num, era: contextEra, onward, explicitEra: false };
  }
  return { fiscalYear: ERA_BASE[era] + num, era, onward, explicitEra: true };
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
