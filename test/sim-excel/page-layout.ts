/**
 * Worksheet.pageLayout (ExcelApi 1.9) over the ExcelJS sheet's page setup and header/footer, so that
 * what the add-in sets is what a downloaded file prints with.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout: margins in points, zoom as
 * PageLayoutZoomOptions, setPrintArea / setPrintTitleRows take an address; the print area and the
 * print titles are the sheet's Print_Area / Print_Titles names.
 * Below 1.9 the object exists in office.js but every call on it fails at sync with ApiNotFound.
 */
import type * as ExcelJS from "exceljs";
import { SimProxy, type SimContext } from "./context";
import { simError } from "./errors";
import { parseRangeLike } from "./geometry";
import { rangeToA1 } from "../../src/core/grid/address";
import type { SimWorksheet } from "./worksheet";

/** OOXML paper size codes (ECMA-376 Part 1, 18.3.1.64): the two we model, and Letter (1). */
const PAPER: Record<string, number> = { Letter: 1, A3: 8, A4: 9 };
const PAPER_NAME: Record<number, string> = { 1: "Letter", 8: "A3", 9: "A4" };
const POINTS_PER_INCH = 72;

type MarginProp =
  "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin";
const MARGIN_KEY: Record<MarginProp, keyof ExcelJS.Margins> = {
  leftMargin: "left",
  rightMargin: "right",
  topMargin: "top",
  bottomMargin: "bottom",
  headerMargin: "header",
  footerMargin: "footer",
};
/** Excel's "Normal" margins, in inches, for a sheet that never had any. */
const NORMAL_MARGINS: ExcelJS.Margins = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

export class SimPageLayout extends SimProxy {
  readonly headersFooters: { defaultForAllPages: SimHeaderFooter };

  constructor(
    context: SimContext,
    private readonly worksheet: SimWorksheet,
  ) {
    super(context, `${worksheet.path}.pageLayout`);
    this.headersFooters = { defaultForAllPages: new SimHeaderFooter(context, this) };
  }

  protected override isNull(): boolean {
    return this.worksheet.target() === null;
  }

  protected scalarProps(): string[] {
    return ["orientation", "paperSize", "centerHorizontally", "zoom", ...Object.keys(MARGIN_KEY)];
  }

  protected readProp(prop: string): unknown {
    this.worksheet.requireApi("pageLayout", "1.9");
    const ps = this.worksheet.sheet().pageSetup;
    switch (prop) {
      case "orientation":
        return ps.orientation === "landscape" ? "Landscape" : "Portrait";
      case "paperSize":
        return PAPER_NAME[Number(ps.paperSize ?? 1)] ?? "Letter";
      case "centerHorizontally":
        return !!ps.horizontalCentered;
      case "zoom":
        return ps.fitToPage
          ? { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 }
          : { scale: ps.scale ?? 100 };
      default:
        if (prop in MARGIN_KEY) {
          const m = ps.margins ?? NORMAL_MARGINS;
          return m[MARGIN_KEY[prop as MarginProp]] * POINTS_PER_INCH;
        }
        throw simError.invalidArgument(`${this.path}.${prop}`);
    }
  }

  /** The sheet's odd-page footer as the file holds it, at sync. */
  footerText(): string {
    this.worksheet.requireApi("pageLayout", "1.9");
    return this.worksheet.sheet().headerFooter.oddFooter ?? "";
  }

  /** A page-setup change, at sync: needs 1.9, refused in a read-only workbook or on a protected sheet. */
  edit(
    describe: unknown,
    prop: string | null,
    run: (ps: Partial<ExcelJS.PageSetup>, ws: ExcelJS.Worksheet) => void,
  ): void {
    if (prop) this.forget(prop);
    this.act(describe, () => {
      this.worksheet.requireApi("pageLayout", "1.9");
      const ws = this.worksheet.sheet();
      if (this.worksheet.book.refusesWrites || this.worksheet.book.isProtected(ws))
        throw simError.accessDenied(this.path);
      run(ws.pageSetup, ws);
    });
  }

  get orientation(): string {
    return this.value("orientation");
  }
  set orientation(v: string) {
    this.edit({ set: this.path, orientation: v }, "orientation", (ps) => {
      ps.orientation = v === "Landscape" ? "landscape" : "portrait";
    });
  }
  get paperSize(): string {
    return this.value("paperSize");
  }
  set paperSize(v: string) {
    this.edit({ set: this.path, paperSize: v }, "paperSize", (ps) => {
      if (!(v in PAPER)) throw simError.invalidArgument(`${this.path}.paperSize ${v}`);
      ps.paperSize = PAPER[v] as ExcelJS.PaperSize;
    });
  }
  get centerHorizontally(): boolean {
    return this.value("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.edit({ set: this.path, centerHorizontally: v }, "centerHorizontally", (ps) => {
      ps.horizontalCentered = v;
    });
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.value("zoom");
  }
  /** Fit to pages (0 pages: as many as needed, OOXML's fitToHeight="0") or a percentage scale. */
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.edit({ set: this.path, zoom: v }, "zoom", (ps) => {
      if (v.scale !== undefined) {
        ps.fitToPage = false;
        ps.scale = v.scale;
        return;
      }
      ps.fitToPage = true;
      ps.fitToWidth = v.horizontalFitToPages ?? 1;
      ps.fitToHeight = v.verticalFitToPages ?? 1;
    });
  }

  private margin(prop: MarginProp): number {
    return this.value(prop);
  }
  private setMargin(prop: MarginProp, points: number): void {
    this.edit({ set: this.path, [prop]: points }, prop, (ps) => {
      ps.margins = { ...(ps.margins ?? NORMAL_MARGINS), [MARGIN_KEY[prop]]: points / POINTS_PER_INCH };
    });
  }
  get leftMargin(): number {
    return this.margin("leftMargin");
  }
  set leftMargin(v: number) {
    this.setMargin("leftMargin", v);
  }
  get rightMargin(): number {
    return this.margin("rightMargin");
  }
  set rightMargin(v: number) {
    this.setMargin("rightMargin", v);
  }
  get topMargin(): number {
    return this.margin("topMargin");
  }
  set topMargin(v: number) {
    this.setMargin("topMargin", v);
  }
  get bottomMargin(): number {
    return this.margin("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.setMargin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this.margin("headerMargin");
  }
  set headerMargin(v: number) {
    this.setMargin("headerMargin", v);
  }
  get footerMargin(): number {
    return this.margin("footerMargin");
  }
  set footerMargin(v: number) {
    this.setMargin("footerMargin", v);
  }

  setPrintArea(printArea: string): void {
    this.edit({ call: "setPrintArea", path: this.path, printArea }, null, (ps) => {
      ps.printArea = rangeToA1(parseRangeLike(printArea));
    });
  }

  /** "$2:$3" (whole rows); Excel refuses anything else. */
  setPrintTitleRows(rows: string): void {
    this.edit({ call: "setPrintTitleRows", path: this.path, rows }, null, (ps) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
      if (!m) throw simError.invalidArgument(`${this.path}.setPrintTitleRows ${rows}`);
      ps.printTitlesRow = `${m[1]}:${m[2]}`;
    });
  }
}

/** HeaderFooter (defaultForAllPages): each footer part kept in the sheet's odd-page footer, &L / &C / &R. */
export class SimHeaderFooter extends SimProxy {
  constructor(
    context: SimContext,
    private readonly layout: SimPageLayout,
  ) {
    super(context, `${layout.path}.headersFooters.defaultForAllPages`);
  }
  protected scalarProps(): string[] {
    return ["leftFooter", "centerFooter", "rightFooter"];
  }
  protected readProp(prop: string): unknown {
    const parts = footerParts(this.layout.footerText());
    if (prop === "leftFooter") return parts.L;
    if (prop === "centerFooter") return parts.C;
    if (prop === "rightFooter") return parts.R;
    throw simError.invalidArgument(prop);
  }
  private set(part: "L" | "C" | "R", prop: string, v: string): void {
    this.layout.edit({ set: this.path, [prop]: v }, null, (_ps, ws) => {
      const parts = footerParts(ws.headerFooter.oddFooter ?? "");
      parts[part] = v;
      ws.headerFooter.oddFooter = `${parts.L ? `&L${parts.L}` : ""}${parts.C ? `&C${parts.C}` : ""}${parts.R ? `&R${parts.R}` : ""}`;
    });
    this.forget(prop);
  }
  get leftFooter(): string {
    return this.value("leftFooter");
  }
  set leftFooter(v: string) {
    this.set("L", "leftFooter", v);
  }
  get centerFooter(): string {
    return this.value("centerFooter");
  }
  set centerFooter(v: string) {
    this.set("C", "centerFooter", v);
  }
  get rightFooter(): string {
    return this.value("rightFooter");
  }
  set rightFooter(v: string) {
    this.set("R", "rightFooter", v);
  }
}

/** "&Lleft&Ccentre&Rright" into its three parts (section codes &L, &C, &R; text before any is centre). */
export function footerParts(text: string): { L: string; C: string; R: string } {
  const parts = { L: "", C: "", R: "" };
  let cur: "L" | "C" | "R" = "C";
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === "&L" || two === "&C" || two === "&R") {
      cur = two[1] as "L" | "C" | "R";
      i += 2;
      continue;
    }
    if (two === "&&") {
      parts[cur] += "&&";
      i += 2;
      continue;
    }
    parts[cur] += text[i++];
  }
  return parts;
}
