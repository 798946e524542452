/**
 * What issue 2 says the seed must read as, whichever way it reaches the workbook (pasted text or the
 * laid-out form). Shared by the pasted-text and the form-layout acceptance tests.
 */
import type { Item, SourceCell } from "../../../src/core/model/item";
import type { ReadResult } from "../../../src/core/layout/read-workbook";

const num = (c: SourceCell | null) => (c && c.parsed.kind === "number" ? c.parsed.value : undefined);
const est = (c: SourceCell | null) => (c && c.parsed.kind === "number" ? c.parsed.estimate : undefined);
const txt = (c: SourceCell | null) =>
  c && typeof c.raw === "string" ? c.raw.trim() : c ? String(c.raw) : null;

export function expectSeedItem(read: ReadResult): Item {
  expect(read.items).toHaveLength(1);
  const it = read.items[0];
  expect(it.no).toBe("28");
  expect(it.title).toBe("地域活動の担い手を育む仕組みづくり(住民自治を担う人材の育成、ノウハウ蓄積)");
  expect(it.departments).toEqual(["市民協働課", "中央公民館"]);
  expect(it.leadDepartment).toBe("市民協働課");
  expect(it.pillar.startsWith("重点改革項目Ⅱ")).toBe(true);
  expect(it.pillar).toContain("市民や民間とのパートナーシップ・連携の深化");
  expect(it.midItem.startsWith("1 区自治協議会")).toBe(true);
  expect(it.smallItem.startsWith("3 地域活動")).toBe(true);

  expect(it.indicators).toHaveLength(2);
  const [a, b] = it.indicators;
  expect(a.name).toBe("コミュニティ・コーディネーター育成講座受講者数(累計)");
  expect(a.cumulative).toBe(true);
  expect(a.kind).toBe("cumulative");
  expect(a.baseline.fiscalYear).toBe(2014);
  expect(num(a.baseline.cell)).toBe(930);
  expect(est(a.baseline.cell)).toBe(true);
  expect(a.years.map((y) => [y.fiscalYear, num(y.plan), num(y.actual)])).toEqual([
    [2015, 1090, 1152],
    [2016, 1250, 1345],
    [2017, 1410, 1454],
    [2018, 1570, 1671],
  ]);
  expect(txt(a.target.cell)).toBe("継続実施");

  expect(b.name).toBe("まちづくりセンター数");
  expect(b.cumulative).toBe(false);
  expect(b.kind).toBe("level");
  expect(b.baseline.fiscalYear).toBe(2014);
  expect(num(b.baseline.cell)).toBe(37);
  expect(est(b.baseline.cell)).toBe(true);
  expect(b.years.map((y) => [y.fiscalYear, num(y.plan), num(y.actual)])).toEqual([
    [2015, 42, 43],
    [2016, 50, 48],
    [2017, 58, 54],
    [2018, 66, 55],
  ]);
  expect(txt(b.target.cell)).toBe("継続して拡充");

  expect(it.statuses.map((s) => [s.fiscalYear, txt(s.status)])).toEqual([
    [2015, "進捗に遅れあり"],
    [2016, "進捗に遅れあり"],
    [2017, "進捗に遅れあり"],
    [2018, "進捗に遅れあり"],
  ]);
  for (const s of it.statuses) expect(txt(s.text)?.length).toBeGreaterThan(40);
  expect(it.grades.map((g) => [g.fiscalYear, txt(g.grade)])).toEqual([
    [2015, "B"],
    [2016, "C"],
    [2017, "C"],
    [2018, "C"],
  ]);
  for (const g of it.grades) {
    expect(txt(g.evaluationText)?.startsWith("・")).toBe(true);
    expect(txt(g.issuesText)?.startsWith("・")).toBe(true);
  }
  expect(it.periodEvaluations.map((p) => [p.kind, txt(p.grade)])).toEqual([
    ["midterm", "C"],
    ["final", "C"],
  ]);
  const [mid, fin] = it.periodEvaluations;
  expect(txt(mid.evaluationText)).toMatch(/^・まちづくりセンターは区によって/);
  expect(txt(mid.policyText)).toMatch(/^地域づくりの拠点として/);
  expect(txt(mid.issuesText)).toMatch(/^・まちづくりセンター整備は進捗しているが/);
  expect(mid.policyFromYear).toBe(2017);
  expect(txt(fin.evaluationText)).toMatch(/県立高校と連携/);
  expect(txt(fin.policyText)).toMatch(/具体的な支援方/);
  expect(fin.policyFromYear).toBe(2019);

  // Every block's texts are kept.
  expect(it.texts.situation).toMatch(/^平成21年度より地域団体と連携し/);
  expect(it.texts.goals).toHaveLength(2);
  expect(it.texts.goals[0]).toMatch(/^≪計画期間の目標≫/);
  expect(it.texts.goals[1]).toMatch(/^≪事業の最終目標≫/);
  expect(it.texts.content).toMatch(/^・コミュニティ・コーディネーター育成講座を全ての区で/);
  expect(it.process).toHaveLength(1);
  expect(it.process[0].years.map((y) => y.fiscalYear)).toEqual([2017, 2018]);
  expect(txt(it.process[0].years[0].actual)).toMatch(/6箇所のまちづくりセンターを整備/);
  expect(txt(it.process[0].target)).toMatch(/^・コミュニティ・コーディネーター育成講座及び活動支援の継続/);
  return it;
}
