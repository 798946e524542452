/**
 * What a short cell text is to the reader, worked out once per distinct text: the label it matches,
 * whether it is the title of an area we own, and its normalised form. The sheet scan asks this of
 * every string cell of every sheet, so one lookup answers all three.
 */
import type { ShinchokuConfig } from "../config/config";
import { ContentCache, MemoTable } from "../values/memo";
import { nfkc } from "../values/normalize";
import { LabelMatcher, type LabelMatch } from "./labels";
import { isOwnedTitle, maxOwnedTitleLength } from "./owned-areas";

export interface TextClass {
  label: LabelMatch | null;
  ownedTitle: boolean;
  /** The text NFKC-normalised (cellText of the cell). */
  text: string;
}

/** Labels are short; the pillar line is the longest (about 30 characters). */
const MAX_LABEL_TEXT = 80;

export class TextClassifier {
  /** Longer texts are neither labels nor our title: the scan does not ask. */
  readonly maxLength: number;
  private readonly table: MemoTable<TextClass>;

  constructor(config: ShinchokuConfig) {
    const matcher = new LabelMatcher(config.labels);
    const written = config.ownedAreaTitle;
    const title = nfkc(written);
    this.maxLength = Math.max(MAX_LABEL_TEXT, maxOwnedTitleLength(config));
    this.table = new MemoTable((v) => ({
      label: v.length <= MAX_LABEL_TEXT ? matcher.match(v) : null,
      ownedTitle: isOwnedTitle(v, written, title),
      text: nfkc(v),
    }));
  }

  classify(v: string): TextClass {
    return this.table.get(v);
  }
}

const classifiers = new ContentCache<TextClassifier>();

export function textClassifierFor(config: ShinchokuConfig): TextClassifier {
  const key = () => JSON.stringify([config.labels, config.ownedAreaTitle]);
  return classifiers.getFor(config, key, () => new TextClassifier(config));
}
