/** "二十七" → 27, "三十一" → 31, "元" → 1: era years are sometimes written in kanji. */
const DIGITS: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export function kanjiToNumber(s: string): number | null {
  if (s === "元") return 1;
  if (!/^[〇一二三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = current * 10 + DIGITS[ch];
    }
  }
  return total + current;
}

/** Replace kanji numerals directly before 年 with digits: "平成二十七年度" → "平成27年度". */
export function kanjiYearsToDigits(s: string): string {
  return s.replace(/([〇一二三四五六七八九十百]+)(?=年)/g, (m) => String(kanjiToNumber(m) ?? m));
}
