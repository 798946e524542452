/**
 * Dates as a Japanese city hall writes them: 令和元年6月30日, 平成31年4月1日. Eras begin on the day
 * (平成 1989-01-08, 令和 2019-05-01), not with the fiscal year: 2019-04-30 is still 平成31年.
 * The first year of an era is 元年.
 */
const ERAS: Array<{ name: string; start: [number, number, number] }> = [
  { name: "令和", start: [2019, 5, 1] },
  { name: "平成", start: [1989, 1, 8] },
  { name: "昭和", start: [1926, 12, 25] },
];

/** 令和元年6月30日 for 2019-06-30 (the date's local calendar day); a western year before 昭和. */
export function japaneseDate(d: Date): string {
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  const day = d.getDate();
  for (const era of ERAS) {
    const [sy, sm, sd] = era.start;
    if (y > sy || (y === sy && (m > sm || (m === sm && day >= sd)))) {
      const n = y - sy + 1;
      return `${era.name}${n === 1 ? "元" : n}年${m}月${day}日`;
    }
  }
  return `${y}年${m}月${day}日`;
}

/** 令和元年度 / 平成27年度 for a fiscal year (April–March, named by the era of its April). */
export function japaneseFiscalYear(fy: number): string {
  if (fy >= 2019) return `令和${fy === 2019 ? "元" : fy - 2018}年度`;
  if (fy >= 1989) return `平成${fy - 1988}年度`;
  return `${fy}年度`;
}
