import type { Rule } from "../../rule";

/** Raised where it is seen (the write plans and adapters); this module owns its severity and words. */
export const targetProtected: Rule = {
  code: "write/protected",
  defaultSeverity: "error",
  description: { ja: "書き込み先が保護されている", en: "Target is protected" },
  message: {
    ja: (p) =>
      `${p.sheet}: シートが保護されているため、何も書き込みませんでした。保護を解除してから実行してください。`,
    en: (p) => `${p.sheet}: the sheet is protected, so nothing was written. Unprotect it and run again.`,
  },
};
