/**
 * The preview page: the simulated Excel over the workbook under preview, the real task pane in a
 * frame beside it (its Office/Excel come from here, see office-shim.js), the sheets as grids that
 * follow every sync and the sim's selection, the round trips and payload of the pane's last command,
 * and the workbook for download. Every cell text goes in as a text node: it is data, never markup.
 * Exposes `window.__shinchoku = { host, Office, Excel, lastCommand(), showSheet(name) }` for tests.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   the grid reads ExcelJS cells, not Office.js proxies */
import type * as ExcelJS from "exceljs";
import { installSimulatedOffice, loadSimWorkbook, type SimExcelHost } from "../sim-excel";
import { cellText, conditionalFormatOf, fillOf, HEX, kb, statsOf, type CommandStats } from "./grid-model";
import { mergedAreas } from "../sim-excel/geometry";
import { columnLetters, parseRangeA1, toA1 } from "../../src/core/grid/address";
import { el } from "../../src/shared/dom";

/** Larger sheets are cut at this size in the grid (the sim and the pane still see everything). */
const MAX_ROWS = 400;
const MAX_COLS = 60;
const PANE_WIDTH = 320;
const POLL_MS = 100;

export type { CommandStats };

interface PreviewGlobals {
  host: SimExcelHost;
  Office: unknown;
  Excel: unknown;
  lastCommand: () => CommandStats;
  showSheet: (name: string) => void;
}

declare global {
  interface Window {
    __shinchoku?: PreviewGlobals;
  }
}

// ---- the page ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = document.getElementById("preview") as HTMLElement;
  const info = (await (await fetch("/preview/info.json")).json()) as { name: string | null };
  if (!info.name) {
    root.replaceChildren(
      el("p", { class: "pv-error", text: "No workbook: start with npm run preview -- FILE.xlsx" }),
    );
    return;
  }
  const data = await (await fetch("/workbook.xlsx")).arrayBuffer();
  const wb = await loadSimWorkbook(data);
  // ?lang=en runs the pane in English; ?api=1.7 makes the host claim an older ExcelApi.
  const query = new URLSearchParams(location.search);
  const api = query.get("api");
  const host = installSimulatedOffice(wb, {
    displayLanguage: query.get("lang") === "en" ? "en-US" : "ja-JP",
    excelApi: api && /^1\.\d+$/.test(api) ? api : undefined,
  });
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };

  // Which syncs belong to the pane's last command: everything since the last click, change or
  // submit in the pane that was followed by a sync.
  let mark = host.syncLog.length;
  let pendingMark: number | null = null;
  const lastCommand = (): CommandStats => statsOf(host.syncsSince(mark));

  let shown: string | null = host.activeSheet ?? host.book.sheets()[0]?.name ?? null;
  window.__shinchoku = {
    host,
    Office: g.Office,
    Excel: g.Excel,
    lastCommand,
    showSheet: (name) => {
      shown = name;
      render();
    },
  };

  // ---- layout ----
  const meter = el("span", { class: "pv-meter", testid: "sync-meter", text: "syncs: 0" });
  const download = el("button", {
    class: "pv-button",
    testid: "download",
    text: "Download .xlsx",
    attrs: { type: "button", title: "The workbook as the simulated Excel holds it now" },
  });
  const selectionLabel = el("span", { class: "pv-selection", testid: "selection" });
  const header = el("header", { class: "pv-header" }, [
    el("h1", { text: "Shinchoku preview" }),
    el("span", { class: "pv-file", testid: "file-name", text: info.name }),
    meter,
    selectionLabel,
    download,
  ]);
  const frame = el("iframe", {
    class: "pv-frame",
    testid: "pane-frame",
    attrs: { src: "/pane/taskpane.html", title: "Task pane" },
  });
  const paneBox = el("section", { class: "pv-pane", testid: "pane", attrs: { "aria-label": "Task pane" } }, [
    frame,
  ]);
  paneBox.style.width = `${PANE_WIDTH}px`;
  const tabs = el("nav", { class: "pv-tabs", testid: "sheet-tabs", attrs: { "aria-label": "Sheets" } });
  const gridBox = el("div", { class: "pv-grid-box", testid: "grid-box" });
  const sheetsBox = el("section", { class: "pv-sheets", attrs: { "aria-label": "Workbook" } }, [
    gridBox,
    tabs,
  ]);
  root.replaceChildren(header, el("main", { class: "pv-main" }, [paneBox, sheetsBox]));

  frame.addEventListener("load", () => {
    const doc = frame.contentDocument;
    if (!doc) return;
    for (const type of ["click", "change", "submit"])
      doc.addEventListener(
        type,
        () => {
          pendingMark = host.syncLog.length;
        },
        true,
      );
  });

  download.addEventListener("click", async () => {
    download.disabled = true;
    try {
      const buf = await host.exportXlsx();
      const url = URL.createObjectURL(
        new Blob([buf], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      );
      const a = el("a", {
        attrs: {
          href: url,
          download: (info.name ?? "workbook.xlsx").replace(/\.xlsx$/i, "") + ".preview.xlsx",
        },
      });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      download.disabled = false;
    }
  });

  // ---- rendering ----
  function renderMeter(): void {
    const s = lastCommand();
    meter.textContent = `syncs: ${s.syncs} (read ${s.read} / write ${s.write}), payload: ${kb(s.requestBytes + s.responseBytes)}`;
    meter.title =
      `Round trips of the pane's last command as the simulated Excel saw them: read = brought values ` +
      `back, write = only sent changes. Request ${s.requestBytes} B, response ${s.responseBytes} B` +
      (s.errors ? `, ${s.errors} refused` : "") +
      ". (The pane's footer shows the adapter's own count and estimate.)";
    meter.dataset.syncs = String(s.syncs);
    meter.dataset.read = String(s.read);
    meter.dataset.write = String(s.write);
    meter.dataset.bytes = String(s.requestBytes + s.responseBytes);
    const sel = host.selection;
    selectionLabel.textContent = sel ? `selection: ${sel.sheet}!${sel.address}` : "";
  }

  function renderTabs(sheets: ExcelJS.Worksheet[]): void {
    tabs.replaceChildren(
      ...sheets.map((ws) => {
        const b = el("button", {
          class: ws.name === shown ? "pv-tab pv-tab-on" : "pv-tab",
          testid: "sheet-tab",
          text: ws.name,
          attrs: { type: "button", "aria-pressed": String(ws.name === shown) },
        });
        b.dataset.sheet = ws.name;
        b.addEventListener("click", () => {
          shown = ws.name;
          render();
        });
        return b;
      }),
    );
  }

  function renderGrid(ws: ExcelJS.Worksheet | undefined): void {
    if (!ws) {
      gridBox.replaceChildren(el("p", { class: "pv-empty", text: "No sheets." }));
      return;
    }
    const rows = Math.min(Math.max(ws.rowCount, 1), MAX_ROWS);
    const cols = Math.min(Math.max(ws.columnCount, 1), MAX_COLS);
    const sel =
      host.selection && host.selection.sheet === ws.name ? parseRangeA1(host.selection.address) : null;
    const cfs = host.conditionalFormatsOf(ws.name);
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of mergedAreas(ws)) {
      spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    const table = el("table", { class: "pv-grid", testid: "grid" });
    table.dataset.sheet = ws.name;
    // Column widths as the sheet has them (Excel's width is in characters of the default font).
    const colgroup = el("colgroup", {}, [el("col", { class: "pv-col-head" })]);
    let tableWidth = 40;
    for (let c = 0; c < cols; c++) {
      const px = Math.round((ws.getColumn(c + 1).width ?? 8.43) * 7 + 5);
      tableWidth += px;
      const col = el("col");
      col.style.width = `${px}px`;
      colgroup.appendChild(col);
    }
    table.style.width = `${tableWidth}px`;
    table.appendChild(colgroup);
    const head = el("tr", {}, [el("th", { class: "pv-corner" })]);
    for (let c = 0; c < cols; c++) head.appendChild(el("th", { text: columnLetters(c) }));
    table.appendChild(el("thead", {}, [head]));
    const body = el("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = el("tr", {}, [el("th", { text: String(r + 1) })]);
      const row = ws.getRow(r + 1);
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const cell = row.getCell(c + 1);
        const td = el("td", { text: cellText(cell.value) });
        td.dataset.cell = toA1(r, c);
        const span = spans.get(`${r},${c}`);
        if (span) {
          if (span.rows > 1) td.rowSpan = Math.min(span.rows, rows - r);
          if (span.cols > 1) td.colSpan = Math.min(span.cols, cols - c);
        }
        // Text that does not wrap runs on over empty cells to its right, as in Excel.
        if (cell.alignment?.wrapText) td.classList.add("pv-wrap");
        else if (c + 1 < cols && (covered.has(`${r},${c + 1}`) || cellText(row.getCell(c + 2).value) !== ""))
          td.classList.add("pv-clip");
        const fill = fillOf(cell);
        if (fill) td.style.backgroundColor = fill;
        if (cell.font?.bold) td.classList.add("pv-bold");
        const cf = cfs.length ? conditionalFormatOf(cfs, r, c, cell.value) : null;
        if (cf) {
          td.classList.add("pv-cf");
          if (cf.fill && HEX.test(cf.fill)) td.style.backgroundColor = cf.fill;
          if (cf.fontColor && HEX.test(cf.fontColor)) td.style.color = cf.fontColor;
          if (cf.bold) td.classList.add("pv-bold");
        }
        if (
          typeof cell.value === "number" ||
          (cell.value as { result?: unknown } | null)?.result !== undefined
        )
          td.classList.add("pv-num");
        if (sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right) {
          td.classList.add("pv-selected");
          if (r === sel.top && c === sel.left) td.dataset.testid = "grid-selected";
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    const cut =
      ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLS
        ? [
            el("p", {
              class: "pv-cut",
              text: `Showing ${rows} × ${cols} of ${ws.rowCount} × ${ws.columnCount} cells.`,
            }),
          ]
        : [];
    gridBox.replaceChildren(table, ...cut);
    gridBox.querySelector(".pv-selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function render(): void {
    // As Excel's tab bar: very hidden sheets (our records) are not shown.
    const sheets = host.book.sheets().filter((ws) => ws.state !== "veryHidden");
    if (!shown || !sheets.some((ws) => ws.name === shown))
      shown = host.activeSheet ?? sheets[0]?.name ?? null;
    renderTabs(sheets);
    renderGrid(sheets.find((ws) => ws.name === shown));
    renderMeter();
  }

  // ---- follow the sim ----
  let seenSyncs = host.syncLog.length;
  let seenSelection = JSON.stringify(host.selection);
  let seenActive = host.activeSheet;
  setInterval(() => {
    const n = host.syncLog.length;
    if (n === seenSyncs) return;
    seenSyncs = n;
    if (pendingMark !== null && n > pendingMark) {
      mark = pendingMark;
      pendingMark = null;
    }
    const selection = JSON.stringify(host.selection);
    if (selection !== seenSelection && host.selection) shown = host.selection.sheet;
    else if (host.activeSheet !== seenActive && host.activeSheet) shown = host.activeSheet;
    seenSelection = selection;
    seenActive = host.activeSheet;
    render();
  }, POLL_MS);

  render();
  document.body.dataset.ready = "true";
}

main().catch((e: unknown) => {
  const root = document.getElementById("preview") ?? document.body;
  root.replaceChildren(
    el("p", { class: "pv-error", testid: "preview-error", text: `Preview failed: ${String(e)}` }),
  );
  console.error(e);
});
