/**
 * What the engine makes of one workbook: what was read, computed, found and marked. Every plan and
 * report starts from it; engine.ts builds it (analyse), the plans and reports only read it.
 */
import type { ShinchokuConfig } from "../config/config";
import type { ChecklistEntry } from "../checklist/checklist";
import type { ReadResult } from "../layout/read-workbook";
import type { ReviewMark } from "../review/findings-sheet";
import type { KeyedFinding } from "../review/review";
import type { ComputedItem } from "./computed";
import type { Finding } from "./finding";

export interface Analysis {
  config: ShinchokuConfig;
  asOf: Date;
  read: ReadResult;
  computed: ComputedItem[];
  /**
   * Reader diagnostics and rule findings, severities resolved from configuration, "off" rules
   * dropped; without the ones staff reviewed (those are in `reviewed`).
   */
  findings: Finding[];
  /** Findings staff marked 確認済み or 対応不要 on the findings sheet, unchanged since: not counted. */
  reviewed: Finding[];
  /** Every finding (open and reviewed, planning's too once reviewed), with its key and fingerprint. */
  keyed: KeyedFinding[];
  /** What staff left on the findings sheet, by key (empty when there is none). */
  marks: Map<string, ReviewMark>;
  /** Entries due by `asOf` that items lack (status, actual, grade), by lead department. */
  checklist: ChecklistEntry[];
}
