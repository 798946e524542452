/**
 * Which field a cell labels. Label wording comes from configuration (one list of variants per
 * field); a cell matches a variant when its normalised text equals it or starts with it followed by
 * a boundary ("現状 (平成26年度)" is the baseline header, "計画期間の評価" is not the plan header).
 * The longest matching variant wins across all fields.
 */
import type { LabelConfig } from "../config/config";
import { labelKey } from "../values/normalize";

export type LabelField = keyof LabelConfig;

/** Fields that open or describe a block's header. */
export const HEADER_FIELDS: LabelField[] = ["pillar", "midItem", "smallItem", "no", "departments", "title"];

/** Fields whose label may be followed by anything (the pillar line carries its own value). */
const PREFIX_FIELDS = new Set<LabelField>(["pillar", "notePrefixes"]);

/** The longest text a label cell may have, except prefix labels (the pillar line). */
const MAX_LABEL_LENGTH = 40;

export interface LabelMatch {
  field: LabelField;
  variant: string;
  /** The text after the variant ("Ⅱ 市民や民間…" for the pillar line, "(平成26年度)" for 現状). */
  rest: string;
}

interface Variant {
  field: LabelField;
  key: string;
  variant: string;
}

export class LabelMatcher {
  private readonly variants: Variant[];

  constructor(labels: LabelConfig) {
    const vs: Variant[] = [];
    for (const field of Object.keys(labels) as LabelField[]) {
      for (const variant of labels[field]) {
        const key = labelKey(variant);
        if (key) vs.push({ field, key, variant });
      }
    }
    // Longest first, so "取組工程、指標に対する評価" beats "取組工程".
    this.variants = vs.sort((a, b) => b.key.length - a.key.length);
  }

  match(text: string): LabelMatch | null {
    // Not memoised here: its one caller, the text classifier, keeps each distinct text's answer.
    return this.matchKey(labelKey(text));
  }

  private matchKey(key: string): LabelMatch | null {
    if (!key) return null;
    for (const v of this.variants) {
      if (!key.startsWith(v.key)) continue;
      const rest = key.slice(v.key.length);
      if (PREFIX_FIELDS.has(v.field)) return { field: v.field, variant: v.variant, rest };
      if (key.length > MAX_LABEL_LENGTH) continue;
      if (rest === "" || /^[(/:：,、]/.test(rest)) return { field: v.field, variant: v.variant, rest };
    }
    return null;
  }
}
