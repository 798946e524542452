/**
 * The patcher's part editors one by one, on hand-written SpreadsheetML (ECMA-376 Part 1 §18): what
 * real files hold that the sample does not (mc:AlternateContent, shared formulas, rows without
 * numbers, columns given as ranges, sheet-scoped names after a removed sheet).
 */
import { Worksheet } from "../../src/cli/patch/worksheet";
import { cellXml, PatchRefusal } from "../../src/cli/patch/sheet-data";
import { StyleBook } from "../../src/cli/patch/styles";
import { WorkbookXml } from "../../src/cli/patch/workbook";
import { childElements, rootElement, localName } from "../../src/cli/patch/xml";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

const CONTROLS =
  '<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rId3" name="Check Box 1"/></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>';

function sheet(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${MAIN} ${REL} ${MC}>${inner}</worksheet>`;
}

function childNames(xml: string): string[] {
  const root = rootElement(xml);
  return childElements(xml, root.openEnd, root.closeStart).map((k) => localName(k.name));
}

describe("a staff sheet patched in place", () => {
  it("puts new elements at their place in the sequence, before controls wrapped in mc:AlternateContent", () => {
    const xml = sheet(
      `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${CONTROLS}`,
    );
    const ws = new Worksheet(xml);
    ws.data.put(1, 1, cellXml("B2", 3, 42, null));
    expect(ws.merge({ top: 4, left: 0, bottom: 4, right: 2 })).toBeNull();
    ws.addInternalLink("B2", "'Other'!A1", "go");
    const out = ws.toXml();
    expect(childNames(out)).toEqual([
      "dimension",
      "sheetData",
      "mergeCells",
      "hyperlinks",
      "pageMargins",
      "AlternateContent",
    ]);
    expect(out).toContain(CONTROLS);
    expect(out).toContain(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" s="3"><v>42</v></c></row>',
    );
    expect(out).toContain('<hyperlink ref="B2" location="\'Other\'!A1" display="go"/>');
  });

  it("checks a new merge against the sheet's merges however they are written, and keeps them", () => {
    // Excel's plain form, with whitespace between; then one written otherwise (single quotes, an
    // attribute more), which the walk over the children reads.
    for (const merges of [
      '<mergeCells count="2">\n  <mergeCell ref="A1:B2"/>\n  <mergeCell ref="D4:E5"/>\n</mergeCells>',
      '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref=\'D4:E5\' xr:uid="{1}"/></mergeCells>',
    ]) {
      const ws = new Worksheet(sheet(`<sheetData/>${merges}`));
      expect(ws.merge({ top: 4, left: 4, bottom: 6, right: 6 })).toBe("overlaps the merged area D4:E5");
      expect(ws.merge({ top: 0, left: 2, bottom: 0, right: 2 })).toBeNull();
      const out = ws.toXml();
      expect(out).toContain('<mergeCell ref="A1:B2"/>');
      expect(out).toMatch(/<mergeCell ref=["']D4:E5["']/);
      expect(out).toContain('<mergeCell ref="C1"/></mergeCells>');
      expect(out).toContain('<mergeCells count="3">');
    }
  });

  it("writes the same merges from the reader's list as from its own parse of them", () => {
    const xml = sheet(
      '<sheetData/><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D4:E5"/></mergeCells>',
    );
    const read = [
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 4, right: 4 },
    ];
    const steps = (ws: Worksheet) => [
      ws.merge({ top: 4, left: 4, bottom: 6, right: 6 }),
      ws.merge({ top: 0, left: 2, bottom: 0, right: 3 }),
      ws.merge({ top: 0, left: 3, bottom: 0, right: 3 }),
      ws.toXml(),
    ];
    const own = steps(new Worksheet(xml));
    expect(steps(new Worksheet(xml, read))).toEqual(own);
    expect(own.slice(0, 3)).toEqual([
      "overlaps the merged area D4:E5",
      null,
      "overlaps the merged area C1:D1",
    ]);
    // A merge removed (a cleared area) splits the children out, the added ones with them.
    const unmerged = (ws: Worksheet) => {
      ws.merge({ top: 9, left: 0, bottom: 9, right: 1 });
      ws.unmergeInside([{ top: 0, left: 0, bottom: 1, right: 1 }]);
      return ws.toXml();
    };
    const out = unmerged(new Worksheet(xml, read));
    expect(out).toBe(unmerged(new Worksheet(xml)));
    expect(out).toContain(
      '<mergeCells count="2"><mergeCell ref="D4:E5"/><mergeCell ref="A10:B10"/></mergeCells>',
    );
  });

  it("splits a <col> covering several columns, keeping its other attributes", () => {
    const ws = new Worksheet(
      sheet('<cols><col min="1" max="10" width="9" style="3" customWidth="1"/></cols><sheetData/>'),
    );
    ws.setColumn(4, { width: "20", customWidth: "1" });
    expect(ws.toXml()).toContain(
      '<cols><col min="1" max="4" width="9" style="3" customWidth="1"/><col min="5" max="5" width="20" style="3" customWidth="1"/><col min="6" max="10" width="9" style="3" customWidth="1"/></cols>',
    );
  });

  it("refuses to clear the master of a shared formula whose other cells lie outside", () => {
    const ws = new Worksheet(
      sheet(
        '<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row></sheetData>',
      ),
    );
    expect(() => ws.data.clear({ top: 0, left: 0, bottom: 0, right: 0 })).toThrow(PatchRefusal);
    // The whole formula's cells cleared together is fine.
    const ok = new Worksheet(
      sheet(
        '<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>2</v></c></row></sheetData>',
      ),
    );
    ok.data.clear({ top: 0, left: 0, bottom: 5, right: 0 });
    expect(ok.toXml()).toContain('<row r="1"/>');
  });

  it("refuses to write into an array formula's cells, and allows clearing the whole of it", () => {
    const xml = sheet(
      '<sheetData><row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>4</v></c></row></sheetData>',
    );
    expect(() => new Worksheet(xml).data.put(1, 0, cellXml("A2", undefined, 1, null))).toThrow(
      /array formula/,
    );
    expect(() => new Worksheet(xml).data.clear({ top: 1, left: 0, bottom: 1, right: 0 })).toThrow(
      /array formula/,
    );
    const ws = new Worksheet(xml);
    ws.data.clear({ top: 0, left: 0, bottom: 1, right: 3 });
    expect(ws.toXml()).not.toContain("<f");
  });

  it("numbers rows and cells that came without (their place no longer follows from the ones before)", () => {
    const ws = new Worksheet(
      sheet("<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>"),
    );
    ws.data.put(0, 3, cellXml("D1", undefined, 9, null));
    const out = ws.toXml();
    expect(out).toContain(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>9</v></c></row>',
    );
    expect(out).toContain('<row r="2"><c r="A2"><v>3</v></c></row>');
  });

  it("refuses a worksheet written with a prefix for the main namespace", () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>`;
    expect(() => new Worksheet(prefixed)).toThrow(PatchRefusal);
  });

  it("leaves the text it does not change as it was, to the byte", () => {
    const xml = sheet(
      '<sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"/></sheetViews><sheetData>\n  <row r="1" spans="1:2" x14ac:dyDescent="0.4"><c r="A1"><v>1</v></c></row>\n</sheetData><!-- kept --><phoneticPr fontId="1"/>',
    );
    expect(new Worksheet(xml).toXml()).toBe(xml);
    const ws = new Worksheet(xml);
    ws.setTabSelected(false);
    ws.setTabColor("FF0078D4");
    expect(ws.toXml()).toBe(
      xml
        .replace('<sheetPr codeName="Sheet1">', '<sheetPr codeName="Sheet1"><tabColor rgb="FF0078D4"/>')
        .replace('<sheetView tabSelected="1" zoomScale', "<sheetView zoomScale"),
    );
  });
});

describe("styles.xml with our records appended", () => {
  const styles = `<?xml version="1.0"?><styleSheet ${MAIN}><fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

  it("adds numFmts and dxfs where CT_Stylesheet puts them, and reuses what it wrote before", () => {
    const book = new StyleBook(styles);
    const f = { numberFormat: "0.0%", bold: true, fill: "#FFF4CE" };
    const xf = book.xf(f, {});
    expect(xf).toBe(1);
    expect(book.dxf({ fill: "#DFF6DD" })).toBe(0);
    const out = book.toXml();
    expect(childNames(out)).toEqual([
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
    ]);
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>');
    expect(out).toContain(
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    );
    // The same format again, on the file written: nothing added.
    const again = new StyleBook(out);
    expect(again.xf({ numberFormat: "0.0%", bold: true, fill: "#FFF4CE" }, {})).toBe(1);
    expect(again.dxf({ fill: "#DFF6DD" })).toBe(0);
    expect(again.changed()).toBe(false);
    expect(again.toXml()).toBe(out);
  });

  it("keeps a cell's own font name and size when the plan gives none", () => {
    const book = new StyleBook(styles);
    book.xf({ bold: true }, { name: "ＭＳ 明朝", size: 10.5 });
    expect(book.toXml()).toContain('<font><b/><sz val="10.5"/><name val="ＭＳ 明朝"/></font>');
  });
});

describe("workbook.xml", () => {
  const wb = `<?xml version="1.0"?><workbook ${MAIN} ${REL}><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="Ours" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">C!$A$1:$B$2</definedName><definedName name="Rate">0.8</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Ours!$1:$2</definedName></definedNames><calcPr calcId="191029" iterate="1"/></workbook>`;

  it("moves sheet-scoped names with their sheet when one before it goes, and keeps constants", () => {
    const w = new WorkbookXml(wb);
    w.removeSheet(w.find("ours")!);
    w.requestFullCalc();
    const out = w.toXml();
    expect(out).toContain(
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">C!$A$1:$B$2</definedName><definedName name="Rate">0.8</definedName></definedNames>',
    );
    expect(out).toContain('<workbookView activeTab="1"/>');
    expect(out).toContain('<calcPr calcId="191029" iterate="1" fullCalcOnLoad="1"/>');
    expect(out).not.toContain("Ours");
  });

  it("adds a sheet after the others with the next sheetId, and a name scoped to it", () => {
    const w = new WorkbookXml(wb);
    const s = w.addSheet("集計", "rId9");
    w.setName("_xlnm.Print_Titles", "'集計'!$2:$3", null, s);
    w.setState(s, "veryHidden");
    const out = w.toXml();
    expect(out).toContain('<sheet name="集計" sheetId="4" r:id="rId9" state="veryHidden"/></sheets>');
    expect(out).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="3">\'集計\'!$2:$3</definedName>',
    );
    expect(new WorkbookXml(wb).toXml()).toBe(wb);
  });

  it("refuses a Strict Open XML workbook", () => {
    expect(
      () =>
        new WorkbookXml(
          '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>',
        ),
    ).toThrow(/Strict/);
  });
});
