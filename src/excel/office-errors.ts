/** Recognising Office.js errors by code (OfficeExtension.Error carries `code`). */
export function errorCode(e: unknown): string | null {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : null;
}

/**
 * Errors that mean "this batch is too big": split it and try again. The 5 million cells limit of a
 * get on one range is RangeExceedsLimit ("The cell count in the range has exceeded the maximum
 * supported number", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * older hosts said InvalidOperation, which counts too. The splitting stops at one sheet's single
 * row, after which the error is real and is rethrown.
 */
export function isTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit" ||
    code === "InvalidOperation"
  );
}

export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}
