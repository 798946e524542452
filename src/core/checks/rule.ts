/**
 * A check is a small module, like a lint rule: a code, a default severity, messages in Japanese and
 * English, and a function that finds problems. Rules that describe reading problems have no
 * `check`: the layout reader raises them (it is the one that sees the sheet), the rule owns the words.
 */
import type { ShinchokuConfig } from "../config/config";
import type { Finding, Lang, Severity } from "../model/finding";
import type { ComputedItem } from "../model/computed";
import type { Item } from "../model/item";

export type Params = Finding["params"];

export interface RuleContext {
  config: ShinchokuConfig;
  asOf: Date;
  items: Item[];
  computed: ComputedItem[];
}

/** What a check returns: a finding without its severity, which comes from the rule and the config. */
export type FindingDraft = Omit<Finding, "severity" | "code">;

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line on what the rule checks, for `config --print-default` and the settings panel. */
  description: Record<Lang, string>;
  /** The message for one finding; params hold the cell text, year, expected values. */
  message: Record<Lang, (p: Params) => string>;
  check?: (ctx: RuleContext) => FindingDraft[];
}
