/**
 * The one way a finding is made: a rule's code and what it found, with the severity settled here, from
 * configuration over the rule's default. Null when configuration switches the rule off.
 */
import type { ShinchokuConfig } from "../config/config";
import type { Finding } from "../model/finding";
import type { FindingDraft } from "./rule";
import { severityOf } from "./render";

export function findingOf(code: string, d: FindingDraft, config: ShinchokuConfig): Finding | null {
  const severity = severityOf(code, config);
  if (!severity) return null;
  return { itemNo: d.itemNo, sheet: d.sheet, cell: d.cell, params: d.params, code, severity };
}
