import type { Flag } from "../config/config";
import type { Indicator, Item } from "./item";

export interface ComputedYear {
  fiscalYear: number;
  plan: number | null;
  actual: number | null;
  /** actual ÷ plan (plan ÷ actual when lower is better); null when either is not a number or plan is 0. */
  rate: number | null;
  flag: Flag;
  /** (累計) indicators: this year's actual − the previous actual (the baseline for the first year). */
  increment: number | null;
  /** Other indicators: running totals of plan and actual over the plan period. */
  planTotal: number | null;
  actualTotal: number | null;
}

export interface ComputedIndicator {
  indicator: Indicator;
  years: ComputedYear[];
  /** Non-cumulative: actual total ÷ plan total over the years with both; cumulative: last actual ÷ last plan. */
  periodRate: number | null;
}

export interface ComputedItemYear {
  fiscalYear: number;
  /** The worst flag among the item's indicators this year (未達成 < 概ね達成 < 達成), null when none applies. */
  worstFlag: Flag | null;
  grade: string | null;
  status: string | null;
  /** Whether the grade agrees with the worst flag (per the grade's expectedFlags); null when not comparable. */
  gradeAgrees: boolean | null;
  /**
   * Whether the mid-year status agrees with the year-end flags: false only for an on-track status
   * in a year that ended 未達成 (a "behind" status may be caught up); null when not comparable.
   */
  statusAgrees: boolean | null;
}

export interface ComputedItem {
  item: Item;
  indicators: ComputedIndicator[];
  years: ComputedItemYear[];
}
