/**
 * Issue 17, item 7: the add-in keeps its settings in a custom XML part of the workbook (ExcelApi
 * 1.5, https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection), not in
 * Office's document settings, which are a copy per runtime
 * (https://learn.microsoft.com/javascript/api/office/office.settings#office-office-settings-refreshasync-member(1):
 * "the in-memory copy of the settings") and belong to one add-in ID. The ribbon commands see the
 * pane's last save; document settings of an earlier version move into the part once; undo removes
 * it. And the simulated collection behaves as documented.
 */
import { createOperations } from "../../src/excel/operations";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { SETTINGS_XML_NAMESPACE, settingsFromXml, settingsToXml } from "../../src/core/config/settings-xml";
import { ConfigInvalidError } from "../../src/core/config/schema";
import { installSimulatedOffice, loadSimWorkbook, type SimExcelHost } from "../sim-excel";
import { SimSettings } from "../sim-excel/settings";
import { cellDump, diffDumps, formWorkbook, reload, seedWorkbook } from "./fixtures";

const ja = { lang: "ja" as const };

/** Our parts' XML, read through the API as the add-in would. */
async function ourParts(): Promise<string[]> {
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_XML_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const xml = parts.items.map((p) => p.getXml());
    await context.sync();
    return xml.map((x) => x.value);
  });
}

/** Another runtime (the ribbon's function file): its own copy of the document settings, taken now. */
function otherRuntime(host: SimExcelHost): () => void {
  const copy = new SimSettings(host.book);
  return () => {
    (Office.context as unknown as { document: { settings: unknown } }).document = { settings: copy };
  };
}

describe("settings in a custom XML part", () => {
  it("are saved as one part in our namespace, not in the document settings, and travel with the file", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const ops = createOperations();
    const settings = { overrides: { summarySheetName: "全体集計" }, highlightErrors: true };
    await ops.saveSettings(settings);
    await ops.saveSettings({ ...settings, highlightErrors: false });
    const parts = await ourParts();
    expect(parts).toHaveLength(1);
    expect(settingsFromXml(parts[0])).toMatchObject({ kind: "ok", settings: { highlightErrors: false } });
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
    installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    expect(await createOperations().loadSettings()).toEqual({ ...settings, highlightErrors: false });
  });

  it("the ribbon's runtime sees the pane's last save (its document settings copy would not)", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const ribbon = otherRuntime(host); // started before the pane saved
    const pane = createOperations();
    await pane.saveSettings({ overrides: { summarySheetName: "全体集計" }, highlightErrors: false });
    ribbon();
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
    const r = await createOperations().summary(ja);
    expect(r.summarySheet).toBe("全体集計");
  });

  it("document settings of an earlier version move into the part once, then are removed", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const old = { overrides: { summarySheetName: "旧集計" }, highlightErrors: true };
    Office.context.document.settings.set(SETTINGS_KEY, old);
    await new Promise<void>((r) => Office.context.document.settings.saveAsync(() => r()));
    const ops = createOperations();
    expect(await ops.loadSettings()).toEqual(old);
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
    expect((await ourParts()).map((x) => settingsFromXml(x))).toEqual([
      { kind: "ok", settings: old, warnings: [] },
    ]);
    // The removal was saved: a reload (a new runtime) finds only the part.
    installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
    expect(await createOperations().loadSettings()).toEqual(old);
    expect(await ourParts()).toHaveLength(1);
    expect((await createOperations().summary(ja)).summarySheet).toBe("旧集計");
  });

  it("a part the schema refuses: ConfigInvalidError naming the path, and nothing written", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    await Excel.run(async (context) => {
      context.workbook.customXmlParts.add(
        settingsToXml({ overrides: { summaryMarker: "" }, highlightErrors: false }),
      );
      await context.sync();
    });
    const before = cellDump(await reload(await host.exportXlsx()));
    const ops = createOperations();
    await expect(ops.loadSettings()).rejects.toMatchObject({
      problems: [{ path: "summaryMarker", code: "text.blank" }],
    });
    await expect(ops.fill(ja)).rejects.toThrow(ConfigInvalidError);
    expect(diffDumps(before, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
  });

  it("undo removes our part and leaves other add-ins' parts", async () => {
    installSimulatedOffice(formWorkbook(28));
    const other = '<?xml version="1.0"?><o:doc xmlns:o="urn:another-add-in"><o:x>1</o:x></o:doc>';
    await Excel.run(async (context) => {
      context.workbook.customXmlParts.add(other);
      await context.sync();
    });
    const ops = createOperations();
    await ops.saveSettings({ overrides: { thresholds: { mostly: 0.7 } }, highlightErrors: true });
    await ops.fill(ja);
    expect(await ourParts()).toHaveLength(1);
    await ops.undo(ja);
    expect(await ourParts()).toEqual([]);
    const left = await Excel.run(async (context) => {
      const all = context.workbook.customXmlParts;
      all.load("items/namespaceUri");
      await context.sync();
      return all.items.map((p) => p.namespaceUri);
    });
    expect(left).toEqual(["urn:another-add-in"]);
    expect(await ops.loadSettings()).toEqual({ overrides: {}, highlightErrors: false });
  });

  it("validate still reads in the workbook read's two syncs: the parts ride on the first, the XML on the second", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const mark = host.syncLog.length;
    const res = await createOperations().validate(ja);
    expect(res.stats.readSyncs).toBe(2);
    expect(host.syncLog.length - mark).toBe(2);
    await createOperations().saveSettings({
      overrides: { summarySheetName: "集計2" },
      highlightErrors: false,
    });
    const mark2 = host.syncLog.length;
    const res2 = await createOperations().validate(ja);
    // With a part, its XML comes back with the sheets' values: no sync of its own.
    expect(res2.stats.readSyncs).toBe(2);
    expect(host.syncLog.length - mark2).toBe(2);
    expect(await createOperations().loadSettings()).toMatchObject({
      overrides: { summarySheetName: "集計2" },
    });
  });

  it("a read batch refused as too large and sent again without the XML: the part is read on its own", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    // Saved: highlight on, so that validate writes only if it read the part.
    await createOperations().saveSettings({ overrides: {}, highlightErrors: true });
    // The values' sync (which the XML rides on) is now over Excel's response limit: refused whole,
    // then read in halves without the XML, which is then asked for on its own.
    host.book.limits.responseBytes = 6_000;
    const mark = host.syncLog.length;
    const res = await createOperations().validate(ja);
    expect(host.syncLog.slice(mark).some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(res.findings.length).toBeGreaterThan(0);
    expect(res.stats.writeSyncs).toBeGreaterThan(0);
  });
});

describe("the simulated custom XML parts, as documented", () => {
  it("scopes by the root element's namespace; getOnlyItem refuses two; getXml is read after sync", async () => {
    installSimulatedOffice(seedWorkbook());
    await Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      parts.add('<a:r xmlns:a="urn:one"/>');
      parts.add('<r xmlns="urn:one"><x/></r>');
      parts.add('<r xmlns="urn:two"/>');
      const one = parts.getByNamespace("urn:one");
      const count = one.getCount();
      const only = parts.getByNamespace("urn:two").getOnlyItem();
      const xml = only.getXml();
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what this test checks
      expect(() => xml.value).toThrow();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- ClientResults, filled by the sync
      expect([count.value, xml.value]).toEqual([2, '<r xmlns="urn:two"/>']);
      one.getOnlyItem();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    await Excel.run(async (context) => {
      context.workbook.customXmlParts.add("not xml");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const none = context.workbook.customXmlParts.getByNamespace("urn:none").getOnlyItemOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  it("needs ExcelApi 1.5", async () => {
    installSimulatedOffice(seedWorkbook(), { excelApi: "1.4" });
    await expect(Excel.run(async (context) => context.workbook.customXmlParts)).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });
});
