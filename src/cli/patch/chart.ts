/**
 * A ChartSpec as Excel stores a chart on a sheet: a drawing part anchoring a graphic frame to cells
 * (DrawingML SpreadsheetDrawing, ECMA-376 Part 1 §20.5) and a chart part (§21.2) whose series refer
 * to the sheet's cells. No cached values: Excel and LibreOffice read the cells when they open it.
 */
import { type ChartSpec, columnLetters, quoteSheetName } from "../../core";
import { escapeText } from "./xml";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** "$B$5:$B$9" on the sheet. */
function ref(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const a = `$${columnLetters(left)}$${top + 1}`;
  const b = `$${columnLetters(right)}$${bottom + 1}`;
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/**
 * The chart part. Series run along the source's shorter side, as Excel's "Auto" does: with more data
 * rows than columns each column is a series (categories down the first column), else each row is.
 */
export function chartXml(sheet: string, c: ChartSpec): string {
  const s = c.source;
  const dataRows = s.bottom - s.top;
  const dataCols = s.right - s.left;
  const byColumn = dataRows >= dataCols;
  let series = "";
  const n = byColumn ? dataCols : dataRows;
  for (let i = 0; i < n; i++) {
    const name = byColumn
      ? ref(sheet, s.top, s.left + 1 + i, s.top, s.left + 1 + i)
      : ref(sheet, s.top + 1 + i, s.left, s.top + 1 + i, s.left);
    const cat = byColumn
      ? ref(sheet, s.top + 1, s.left, s.bottom, s.left)
      : ref(sheet, s.top, s.left + 1, s.top, s.right);
    const val = byColumn
      ? ref(sheet, s.top + 1, s.left + 1 + i, s.bottom, s.left + 1 + i)
      : ref(sheet, s.top + 1 + i, s.left + 1, s.top + 1 + i, s.right);
    series +=
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeText(name)}</c:f></c:strRef></c:tx>` +
      `<c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${escapeText(cat)}</c:f></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(val)}</c:f></c:numRef></c:val></c:ser>`;
  }
  const stacked = c.kind === "columnStacked";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part: one graphic frame per chart, anchored from its top-left cell over its size in cells. */
export function drawingXml(charts: ReadonlyArray<{ spec: ChartSpec; rId: string }>): string {
  let anchors = "";
  charts.forEach(({ spec, rId }, i) => {
    const a = spec.anchor;
    const mark = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    anchors +=
      `<xdr:twoCellAnchor>${mark("from", a.col, a.row)}${mark("to", a.col + a.widthCols, a.row + a.heightRows)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeText(`Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="${rId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}">${anchors}</xdr:wsDr>`;
}
