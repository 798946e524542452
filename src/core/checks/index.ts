/** The rule registry: every finding code the engine can raise, with its severity and messages. */
import type { Rule } from "./rule";
import { notANumber } from "./rules/value/not-a-number";
import { actualMissing } from "./rules/value/actual-missing";
import { cumulativeFalls } from "./rules/value/cumulative-falls";
import { gradeOffScale } from "./rules/grade/off-scale";
import { excelError } from "./rules/value/excel-error";
import { statusUnknown } from "./rules/status/unknown";
import { gradeFlagMismatch } from "./rules/grade/flag-mismatch";
import { statusFlagMismatch } from "./rules/status/flag-mismatch";
import { staleEstimate } from "./rules/baseline/stale-estimate";
import { implausible } from "./rules/value/implausible";
import { noMissing } from "./rules/item/no-missing";
import { headerMismatch } from "./rules/item/header-mismatch";
import { yearHeaderUnreadable } from "./rules/layout/year-header-unreadable";
import { noForm } from "./rules/layout/no-form";
import { duplicateYear } from "./rules/layout/duplicate-year";
import { unalignedRow } from "./rules/layout/unaligned-row";
import { areaOccupied } from "./rules/fill/area-occupied";
import { noRoom } from "./rules/fill/no-room";
import { nameTaken } from "./rules/summary/name-taken";
import { findingsSheetKept } from "./rules/undo/findings-sheet-kept";
import { areaEdited } from "./rules/fill/area-edited";
import { nameIsItemSheet } from "./rules/summary/name-is-item-sheet";
import { targetProtected } from "./rules/write/protected";
import { targetReadOnly } from "./rules/write/read-only";
import { targetMissing } from "./rules/write/sheet-missing";
import { yearColumnUnpaired } from "./rules/layout/year-column-unpaired";
import { textOverYears } from "./rules/layout/text-over-years";
import { unitMismatch } from "./rules/value/unit-mismatch";
import { approximate } from "./rules/value/approximate";
import { otherSheet } from "./rules/layout/other-sheet";
import { fillStale } from "./rules/fill/stale";
import { summaryStale } from "./rules/summary/stale";
import { structureProtected } from "./rules/write/structure-protected";
import { highlightSkipped } from "./rules/write/highlight-skipped";
import { areaMerged } from "./rules/fill/area-merged";

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
  fillStale,
  summaryStale,
  structureProtected,
  highlightSkipped,
  areaMerged,
];

const BY_CODE = new Map(ALL_RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
