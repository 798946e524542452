/**
 * The one door into the engine. Adapters (src/excel, src/cli), the pane (src/taskpane, src/commands,
 * src/shared) and scripts import from here and nowhere deeper in src/core; a lint rule
 * (eslint.config.mjs) fails an import past it. To give them something new, export it here.
 * scripts/dev/core-door.mjs rewrites deep imports into imports from this file.
 */

// What a host hands over, what the engine makes of it, what it finds.
export type {
  CellError,
  CellRange,
  CellValue,
  DefinedNameSnapshot,
  SheetSnapshot,
  WorkbookSnapshot,
} from "./model/snapshot";
export type { Analysis } from "./model/analysis";
export { countBySeverity, SEVERITY_ORDER } from "./model/finding";
export type { Finding, Lang, RenderedFinding, Severity } from "./model/finding";
export type { PeriodBasis } from "./model/computed";
export type { IndicatorKind } from "./model/item";

// The engine: analyse a snapshot, then plan the writes.
export {
  analyse,
  planFill,
  planFindings,
  planSummary,
  planUndo,
  reviewPlanFindings,
  checkStale,
} from "./engine";
export type { AnalyseOptions, FindingsSheetOptions, PlanResult, SummaryOptions } from "./engine";
// A summary of several files, each read with its own settings.
export { analyseMany, SUMMARY_KEYS } from "./summary/many-files";
export type { ManyAnalysis } from "./summary/many-files";

// The edit plan the adapters apply.
export { cellCount, cellWrites, forEachCellWrite } from "./plan/edit-plan";
export type {
  CellFormat,
  CellWrite,
  ChartSpec,
  EditPlan,
  ListValidationSpec,
  PageSetupSpec,
  PlanValue,
  SheetEdit,
  TableSpec,
} from "./plan/edit-plan";
export { findingRows } from "./plan/findings-plan";

// Configuration and its schema.
export { checkConfig, checkConfigJson, DEFAULT_CONFIG, mergeConfig } from "./config/config";
export type {
  ConfigOverrides,
  Flag,
  FlagBand,
  GradeDef,
  LabelConfig,
  ReviewState,
  ShinchokuConfig,
  StatusDef,
} from "./config/config";
export {
  ConfigInvalidError,
  formatConfigProblem,
  formatConfigProblems,
  overridesSchema,
  SEVERITY_VALUES,
  SHEET_NAME_PATTERNS,
} from "./config/schema";
export type { ConfigProblem } from "./config/schema";

// Rules and the words of findings.
export { ALL_RULES, ruleByCode } from "./checks/index";
export { messageWithoutPlace, renderFinding, renderMessage, severityOf } from "./checks/render";

// Reports.
export { buildReport } from "./report/json-report";
export type { JsonReport } from "./report/json-report";
export { formatTextReport } from "./report/text-report";
export { findingsCsv } from "./report/findings-csv";
export { MISSING_WORDS } from "./checklist/checklist";
export type { ChecklistEntry } from "./checklist/checklist";

// Cells, addresses and values as the hosts need them.
export { asExcelErrorLiteral, keptNumberFormat } from "./grid/cell";
export {
  columnIndex,
  columnLetters,
  formulaText,
  parseA1,
  parseRangeA1,
  quoteSheetName,
  rangeToA1,
  toA1,
} from "./grid/address";
export { recordSheetsNamed } from "./ownership/record";
export { formatFiscalYearEn, formatFiscalYearJa } from "./values/fiscal-year";
export { compareText } from "./values/order";

// Settings saved in the workbook (a custom XML part both hosts read).
export { SETTINGS_XML_NAMESPACE, settingsFromXml, settingsToXml } from "./config/settings-xml";
export type { StoredSettings } from "./config/settings-xml";

// Added by scripts/dev/core-door.mjs: move these into the groups above.
export { SETTINGS_NAME, parseRefersTo, sameName } from "./ownership/names";
export { planSettings } from "./plan/settings-plan";
