/** Errors shaped like OfficeExtension.Error: name "RichApi.Error", a `code` from Excel.ErrorCodes. */
export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const simError = {
  notLoaded: (prop: string, where: string) =>
    new SimOfficeError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${where}.${prop}`,
    ),
  itemNotFound: (what: string) =>
    new SimOfficeError("ItemNotFound", `The requested resource doesn't exist.`, what),
  accessDenied: (what: string) =>
    new SimOfficeError(
      "AccessDenied",
      "You cannot perform the requested operation. The sheet or workbook is protected or read-only.",
      what,
    ),
  invalidArgument: (what: string) =>
    new SimOfficeError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format.",
      what,
    ),
  invalidOperation: (message: string, what: string) => new SimOfficeError("InvalidOperation", message, what),
  apiNotFound: (api: string, set: string) =>
    new SimOfficeError("ApiNotFound", `The API '${api}' is not supported (requires ExcelApi ${set}).`, api),
  requestTooLarge: (bytes: number) =>
    new SimOfficeError(
      "RequestPayloadSizeLimitExceeded",
      `The request payload size has exceeded the limit (${bytes} bytes).`,
    ),
  responseTooLarge: (bytes: number) =>
    new SimOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      `The response payload size has exceeded the limit (${bytes} bytes).`,
    ),
  /** The per-range limit of a get operation (5 million cells), Excel.ErrorCodes.rangeExceedsLimit. */
  rangeExceedsLimit: (cells: number, where: string) =>
    new SimOfficeError(
      "RangeExceedsLimit",
      `The cell count in the range has exceeded the maximum supported number (${cells} cells).`,
      where,
    ),
  /**
   * getMergedAreasOrNullObject past 512 merged areas: Microsoft documents only that the method "will
   * fail to return the result", not the code; the sim fails the batch with GeneralException.
   */
  tooManyMergedAreas: (count: number, where: string) =>
    new SimOfficeError(
      "GeneralException",
      `There was an internal error while processing the request (${count} merged areas, more than 512).`,
      where,
    ),
  cellEditMode: () =>
    new SimOfficeError(
      "InvalidOperationInCellEditMode",
      "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
    ),
  invalidObjectPath: (what: string) =>
    new SimOfficeError(
      "InvalidObjectPath",
      "The object path isn't working for what you're trying to do (a null object was used).",
      what,
    ),
};
