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
const HEADER_CLASS = new Set<LabelField>([
  "pillar",
  "midItem",
  "smallItem",
  "no",
  "departments",
  "title",
  "situation",
  "goals",
  "content",
]);

/** A part of a block's body, opened by its label. */
export type SectionKind = "overview" | "status" | "grade" | "midterm" | "final";

const SECTION_OF: Partial<Record<LabelField, SectionKind>> = {
  overview: "overview",
  statusSection: "status",
  gradeSection: "grade",
  midtermEvaluation: "midterm",
  periodEvaluation: "final",
};

/**
 * What a field is to the form's structure, worked out once per field and carried by every match:
 * the segmenter asks it of every label of every sheet, and reads it off the match rather than looking
 * the field's name up in a set and two tables.
 */
export interface FieldRole {
  /** The field opens or describes a block's header. */
  header: boolean;
  /** The body section its label opens, if any. */
  section: SectionKind | null;
}

const ROLES = new Map<LabelField, FieldRole>();

export function roleOf(field: LabelField): FieldRole {
  let role = ROLES.get(field);
  if (role === undefined) {
    role = { header: HEADER_CLASS.has(field), section: SECTION_OF[field] ?? null };
    ROLES.set(field, role);
  }
  return role;
}

/** Fields whose label may be followed by anything (the pillar line carries its own value). */
const PREFIX_FIELDS = new Set<LabelField>(["pillar", "notePrefixes"]);

/** The longest text a label cell may have, except prefix labels (the pillar line). */
const MAX_LABEL_LENGTH = 40;

export interface LabelMatch {
  field: LabelField;
  variant: string;
  /** The text after the variant ("Ⅱ 市民や民間…" for the pillar line, "(平成26年度)" for 現状). */
  rest: string;
  role: FieldRole;
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
    // By index: once per distinct text over every variant, mostly before V8 has compiled it.
    for (let i = 0; i < this.variants.length; i++) {
      const v = this.variants[i];
      if (!key.startsWith(v.key)) continue;
      const rest = key.slice(v.key.length);
      if (PREFIX_FIELDS.has(v.field)) return matchOf(v, rest);
      if (key.length > MAX_LABEL_LENGTH) continue;
      if (rest === "" || /^[(/:：,、]/.test(rest)) return matchOf(v, rest);
    }
    return null;
  }
}

function matchOf(v: Variant, rest: string): LabelMatch {
  return { field: v.field, variant: v.variant, rest, role: roleOf(v.field) };
}
