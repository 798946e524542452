/**
 * The patcher's XML escaping (src/cli/patch/xml.ts) returns text needing no escape as it is; on
 * any text it must give what the whole chain of replacements gives.
 */
import fc from "fast-check";
import { escapeAttr, escapeText } from "../../src/cli/patch/xml";

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const chainText = (s: string) =>
  s
    .replace(INVALID, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
const chainAttr = (s: string) =>
  chainText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");

const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom("a", "進", "&", "<", ">", '"', "'", "\t", "\n", "\r", "\u0001", "\uffff", "_"),
  }),
);

describe("escaping for the patch", () => {
  it("gives what the chain of replacements gives, on any text", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(escapeText(s)).toBe(chainText(s));
        expect(escapeAttr(s)).toBe(chainAttr(s));
      }),
      { numRuns: 1000 },
    );
  });
});
