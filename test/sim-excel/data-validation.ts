/**
 * Range.dataValidation (ExcelApi 1.8), the list rule only: what the adapter sets for the findings
 * sheet's 対応 column. Kept on the ExcelJS cells (cell.dataValidation), so an exported workbook has
 * the dropdown. As Microsoft documents it
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidation, "Add data validation
 * to ranges": https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-data-validation):
 * `rule = { list: { inCellDropDown, source } }` where source is a comma-separated list or a range
 * formula; `ignoreBlanks` defaults to true; other rule kinds and clear() are not simulated
 * (the adapter writes validations only on a sheet it has just added).
 */
import type * as ExcelJS from "exceljs";
import { SimProxy, type SimContext } from "./context";
import { simError } from "./errors";
import type { SimRange } from "./range";

export class SimDataValidation extends SimProxy {
  constructor(
    context: SimContext,
    private readonly range: SimRange,
  ) {
    super(context, `${range.path}.dataValidation`);
    range.worksheet.requireApi("dataValidation", "1.8");
  }
  protected scalarProps(): string[] {
    return ["rule", "type", "ignoreBlanks"];
  }
  protected readProp(prop: string): unknown {
    const r = this.range.box();
    const dv = this.range.peek(r.top, r.left)?.dataValidation;
    const list = dv && dv.type === "list" ? dv : null;
    switch (prop) {
      case "type":
        return list ? "List" : "None";
      case "ignoreBlanks":
        return list ? list.allowBlank !== false : true;
      case "rule":
        return list ? { list: { inCellDropDown: true, source: sourceText(list.formulae?.[0]) } } : {};
      default:
        throw simError.invalidArgument(`${this.path}.${prop}`);
    }
  }
  get type(): string {
    return this.value("type");
  }
  get rule(): Excel.DataValidationRule {
    return this.value("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.forget("rule");
    this.forget("type");
    this.range.write({ set: this.path, rule }, () => {
      const list = rule.list;
      if (!list || Object.keys(rule).length !== 1)
        throw simError.invalidArgument(`${this.path}.rule (only list rules are simulated)`);
      if (typeof list.source !== "string" || list.source === "")
        throw simError.invalidArgument(`${this.path}.rule.list.source`);
      const formula = list.source.startsWith("=") ? list.source.slice(1) : `"${list.source}"`;
      const dv: ExcelJS.DataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
      };
      this.range.forEachCell((c) => (c.dataValidation = { ...dv }));
    });
  }
}

/** A list formula as Office.js shows the source: '"a,b"' → "a,b"; a range formula gets its "=". */
function sourceText(f: unknown): string {
  const s = String(f ?? "");
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : `=${s}`;
}
