/**
 * What a user is told about an error. Excel's errors (OfficeExtension.Error) carry a code; the
 * ones a user can act on get their own words, the rest show Excel's own message with the code.
 */
import { ConfigInvalidError, formatConfigProblems } from "../core";
import { t, type Lang } from "./i18n";

export interface ErrorReport {
  title: string;
  message: string;
  /** Excel's error code, when the error came from Excel. */
  code: string | null;
}

interface OfficeLikeError {
  code: string;
  message: string;
  debugInfo?: unknown;
}

function isOfficeError(e: unknown): e is OfficeLikeError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as OfficeLikeError).code === "string" &&
    typeof (e as OfficeLikeError).message === "string" &&
    "debugInfo" in e
  );
}

/** Codes a user can do something about, with what to do. */
const KNOWN_CODES: Record<string, Parameters<typeof t>[1]> = {
  InvalidOperationInCellEditMode: "error.busy",
};

export function describeError(e: unknown, lang: Lang): ErrorReport {
  const title = t(lang, "error.title");
  if (isOfficeError(e)) {
    const known = KNOWN_CODES[e.code];
    return {
      title,
      message: known ? t(lang, known) : t(lang, "error.office", { code: e.code, message: e.message }),
      code: e.code,
    };
  }
  if (e instanceof ConfigInvalidError)
    return {
      title,
      message: t(lang, "error.settingsInvalid", { detail: formatConfigProblems(lang, e.problems) }),
      code: null,
    };
  if (e instanceof Error && e.message) return { title, message: e.message, code: null };
  if (typeof e === "string" && e) return { title, message: e, code: null };
  return { title, message: t(lang, "error.unknown"), code: null };
}
