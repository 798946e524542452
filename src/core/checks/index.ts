/** The rule registry: every finding code the engine can raise, with its severity and messages. */
import type { Rule } from "./rule";
import { notANumber } from "./rules/not-a-number";
import { actualMissing } from "./rules/actual-missing";
import { cumulativeFalls } from "./rules/cumulative-falls";
import { gradeOffScale } from "./rules/grade-off-scale";
import { excelError } from "./rules/excel-error";
import { statusUnknown } from "./rules/status-unknown";
import { gradeFlagMismatch } from "./rules/grade-flag-mismatch";
import { statusFlagMismatch } from "./rules/status-flag-mismatch";
import { staleEstimate } from "./rules/stale-estimate";
import { implausible } from "./rules/implausible";
import { noMissing } from "./rules/no-missing";
import { headerMismatch } from "./rules/header-mismatch";
import { yearHeaderUnreadable } from "./rules/year-header-unreadable";
import { noForm } from "./rules/no-form";
import { duplicateYear } from "./rules/duplicate-year";
import { unalignedRow } from "./rules/unaligned-row";
import { areaOccupied } from "./rules/area-occupied";
import { noRoom } from "./rules/no-room";
import { nameTaken } from "./rules/name-taken";
import { findingsSheetKept } from "./rules/findings-sheet-kept";
import { areaEdited } from "./rules/area-edited";
import { nameIsItemSheet } from "./rules/name-is-item-sheet";
import { targetProtected } from "./rules/target-protected";
import { targetReadOnly } from "./rules/target-read-only";
import { targetMissing } from "./rules/target-missing";
import { yearColumnUnpaired } from "./rules/year-column-unpaired";
import { textOverYears } from "./rules/text-over-years";
import { unitMismatch } from "./rules/unit-mismatch";
import { approximate } from "./rules/approximate";
import { otherSheet } from "./rules/other-sheet";
import { structureProtected } from "./rules/structure-protected";
import { highlightSkipped } from "./rules/highlight-skipped";
import { areaMerged } from "./rules/area-merged";

export const ALL_RULES: readonly Rule[] = [
  notANumber,
  actualMissing,
  cumulativeFalls,
  gradeOffScale,
  excelError,
  noMissing,
  headerMismatch,
  yearHeaderUnreadable,
  duplicateYear,
  statusUnknown,
  gradeFlagMismatch,
  staleEstimate,
  implausible,
  unalignedRow,
  areaOccupied,
  noRoom,
  statusFlagMismatch,
  noForm,
  nameTaken,
  findingsSheetKept,
  areaEdited,
  nameIsItemSheet,
  targetProtected,
  targetReadOnly,
  targetMissing,
  yearColumnUnpaired,
  textOverYears,
  unitMismatch,
  approximate,
  otherSheet,
  structureProtected,
  highlightSkipped,
  areaMerged,
];

const BY_CODE = new Map(ALL_RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
