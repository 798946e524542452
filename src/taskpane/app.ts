/**
 * The task pane as a worklist: four commands, progress, findings grouped by item or by check (errors
 * first), the findings staff reviewed on 指摘一覧 apart, the entries now due that items lack, settings,
 * and the last command's statistics behind a toggle. It only calls ShinchokuOperations and shows
 * what comes back.
 */
import {
  type ChecklistEntry,
  formatFiscalYearEn,
  formatFiscalYearJa,
  messageWithoutPlace,
  MISSING_WORDS,
  type RenderedFinding,
  ruleByCode,
  type Severity,
} from "../core";
import { DEFAULT_SETTINGS } from "../excel/types";
import type {
  OperationKind,
  OperationResult,
  ProgressEvent,
  ShinchokuOperations,
  ShinchokuSettings,
} from "../excel/types";
import { t, type Lang, type MessageKey } from "../shared/i18n";
import { reportError } from "../shared/notify";
import { resultText, statsText } from "../shared/result-text";
import { append, clear, el } from "../shared/dom";
import {
  checklistByDepartment,
  groupByRule,
  groupFindings,
  indicatorLines,
  locationText,
  SEVERITIES,
  type FindingGroup,
  type RuleGroup,
} from "./findings-model";
import { buildSettingsPanel } from "./settings-panel";
import { isSheetHidden } from "../excel/select-cell";

export interface TaskpaneOptions {
  lang: Lang;
  /** "validate" when the ribbon's 検証 button opened the pane (SourceLocation ?action=validate). */
  action?: string | null;
}

export interface TaskpaneHandle {
  /** Settles once settings are loaded and the launch action (if any) has run. */
  ready: Promise<void>;
  run(kind: OperationKind): Promise<void>;
}

const SEV_KEY: Record<Severity, MessageKey> = {
  error: "sev.error",
  warning: "sev.warning",
  info: "sev.info",
};
const SEV_MARK: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };
const COMMANDS = ["validate", "fill", "summary", "findings"] as const;
/** Shown for a count before the first run: nothing has been counted yet. */
const NOT_COUNTED = "–";

export function startTaskpane(
  ops: ShinchokuOperations,
  root: HTMLElement,
  opts: TaskpaneOptions,
): TaskpaneHandle {
  const lang = opts.lang;
  const tr = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
  let settings: ShinchokuSettings = { ...DEFAULT_SETTINGS, overrides: {} };
  let last: OperationResult | null = null;
  let busy = false;
  const show = new Set<Severity>(SEVERITIES);
  let view: "item" | "rule" = "item";

  // ---- layout ------------------------------------------------------------------------------
  const message = el("div", { class: "sk-message", testid: "message", attrs: { role: "alert", hidden: "" } });
  const commandButtons = COMMANDS.map((kind) =>
    el("button", {
      class: kind === "validate" ? "sk-btn sk-primary" : "sk-btn",
      testid: `btn-${kind}`,
      text: tr(`btn.${kind}`),
      attrs: { type: "button" },
    }),
  );
  const toolbar = el(
    "div",
    { class: "sk-toolbar", attrs: { role: "group", "aria-label": tr("toolbar.label") } },
    commandButtons,
  );

  const progressBar = el("progress", {
    testid: "progress-bar",
    attrs: { max: "1", "aria-label": tr("progress.label") },
  });
  const progressPhase = el("span", { class: "sk-phase", testid: "progress-phase" });
  const progress = el("div", { class: "sk-progress", testid: "progress", attrs: { hidden: "" } }, [
    progressBar,
    progressPhase,
  ]);
  // Announced politely: phases and the result headline.
  const live = el("div", { class: "sk-live", attrs: { "aria-live": "polite", role: "status" } }, [progress]);

  const headline = el("p", { class: "sk-headline", testid: "status-headline", text: tr("results.notRun") });
  const notes = el("ul", { class: "sk-notes", testid: "status-notes" });
  append(live, [headline, notes]);

  const filterButtons = new Map<Severity, HTMLButtonElement>();
  const countEls = new Map<Severity, HTMLElement>();
  for (const sev of SEVERITIES) {
    const count = el("span", { class: "sk-count", testid: `count-${sev}`, text: NOT_COUNTED });
    countEls.set(sev, count);
    const b = el(
      "button",
      {
        class: `sk-pill sk-sev-${sev}`,
        testid: `filter-${sev}`,
        attrs: { type: "button", "aria-pressed": "true" },
      },
      [
        el("span", { class: "sk-sev-mark", text: SEV_MARK[sev], attrs: { "aria-hidden": "true" } }),
        tr(SEV_KEY[sev]),
        " ",
        count,
      ],
    );
    b.addEventListener("click", () => {
      if (show.has(sev)) show.delete(sev);
      else show.add(sev);
      b.setAttribute("aria-pressed", String(show.has(sev)));
      renderFindings();
    });
    filterButtons.set(sev, b);
  }
  const filters = el(
    "div",
    { class: "sk-filters", attrs: { role: "group", "aria-label": tr("filter.label") } },
    [...filterButtons.values()],
  );

  const highlightToggle = el("input", {
    testid: "highlight-toggle",
    attrs: { type: "checkbox", id: "sk-highlight" },
  });
  const clearHighlight = el("button", {
    class: "sk-btn sk-subtle",
    testid: "btn-clear-highlight",
    text: tr("btn.clearHighlight"),
    attrs: { type: "button" },
  });
  // Excel keeps no undo history over an add-in's writes: this is the way back.
  const undoButton = el("button", {
    class: "sk-btn sk-subtle",
    testid: "btn-undo",
    text: tr("btn.undo"),
    attrs: { type: "button" },
  });
  const highlightRow = el("div", { class: "sk-row" }, [
    el("label", { class: "sk-check", attrs: { for: "sk-highlight" } }, [
      highlightToggle,
      tr("highlight.toggle"),
    ]),
    clearHighlight,
    undoButton,
  ]);

  const viewButtons = (["item", "rule"] as const).map((v) => {
    const b = el("button", {
      class: "sk-seg",
      testid: `view-${v}`,
      text: tr(v === "item" ? "view.byItem" : "view.byRule"),
      attrs: { type: "button", "aria-pressed": String(v === view) },
    });
    b.addEventListener("click", () => {
      view = v;
      for (const [i, other] of viewButtons.entries())
        other.setAttribute("aria-pressed", String((["item", "rule"] as const)[i] === view));
      renderFindings();
    });
    return b;
  });
  const viewSwitch = el(
    "div",
    { class: "sk-view", attrs: { role: "group", "aria-label": tr("view.label") } },
    viewButtons,
  );

  const findings = el("div", { class: "sk-findings", testid: "findings" });
  const reviewed = el("div", { class: "sk-worklist", testid: "reviewed-area" });
  const checklist = el("div", { class: "sk-worklist", testid: "checklist-area" });
  const results = el(
    "section",
    {
      class: "sk-results",
      testid: "results",
      attrs: { "aria-label": tr("results.label"), "aria-busy": "false" },
    },
    [filters, viewSwitch, findings, reviewed, checklist],
  );

  const settingsPanel = buildSettingsPanel(lang, highlightToggle, {
    save: async (next) => {
      await ops.saveSettings(next);
      settings = next;
    },
    onError: (e) => showError(e),
    isBusy: () => busy,
  });
  const stats = el("p", { class: "sk-stats-line", testid: "stats" });
  const statsBox = el(
    "details",
    { class: "sk-stats", testid: "stats-details", attrs: { "aria-label": tr("stats.label"), hidden: "" } },
    [el("summary", { text: tr("stats.toggle") }), stats],
  );

  clear(root);
  root.classList.add("sk-app");
  root.setAttribute("lang", lang);
  document.documentElement.lang = lang;
  append(root, [
    el("header", { class: "sk-header" }, [el("h1", { text: tr("app.title") })]),
    message,
    toolbar,
    live,
    highlightRow,
    results,
    settingsPanel.root,
    el("footer", { class: "sk-footer" }, [statsBox]),
  ]);

  // ---- behaviour ---------------------------------------------------------------------------
  function showError(e: unknown): void {
    const r = reportError(e, lang);
    clear(message);
    const dismiss = el("button", {
      class: "sk-dismiss",
      text: "×",
      attrs: { type: "button", "aria-label": tr("dialog.close") },
    });
    dismiss.addEventListener("click", () => message.setAttribute("hidden", ""));
    append(message, [el("strong", { text: r.title }), el("span", { text: r.message }), dismiss]);
    message.removeAttribute("hidden");
  }

  /** A finding clicked: its cell selected; on a hidden sheet, say so and offer to show the sheet. */
  function selectFinding(sheet: string, cell: string): void {
    ops.selectCell(sheet, cell).catch((e: unknown) => {
      if (!isSheetHidden(e)) return showError(e);
      clear(message);
      const show = el("button", {
        class: "sk-show-sheet",
        testid: "show-sheet",
        text: tr("select.showSheet"),
        attrs: { type: "button" },
      });
      show.addEventListener("click", () => {
        message.setAttribute("hidden", "");
        void ops.selectCell(sheet, cell, true).catch(showError);
      });
      const dismiss = el("button", {
        class: "sk-dismiss",
        text: "×",
        attrs: { type: "button", "aria-label": tr("dialog.close") },
      });
      dismiss.addEventListener("click", () => message.setAttribute("hidden", ""));
      append(message, [el("span", { text: tr("select.hidden", { sheet }) }), show, dismiss]);
      message.removeAttribute("hidden");
    });
  }

  function setBusy(on: boolean): void {
    busy = on;
    for (const b of [...commandButtons, clearHighlight, settingsPanel.save]) b.disabled = on;
    results.setAttribute("aria-busy", String(on));
    root.setAttribute("aria-busy", String(on));
    if (on) progress.removeAttribute("hidden");
    else progress.setAttribute("hidden", "");
  }

  function onProgress(e: ProgressEvent): void {
    progressPhase.textContent = tr(`phase.${e.phase}`);
    // No fraction: an indeterminate bar (no value attribute).
    if (e.fraction === undefined) progressBar.removeAttribute("value");
    else progressBar.value = Math.max(0, Math.min(1, e.fraction));
  }

  async function run(kind: OperationKind): Promise<void> {
    if (busy) return;
    setBusy(true);
    message.setAttribute("hidden", "");
    onProgress({ phase: "reading" });
    try {
      const r = await ops[kind]({ lang, onProgress });
      last = r;
      renderResult(r);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  function renderResult(r: OperationResult): void {
    const text = resultText(r, lang);
    headline.textContent = `${text.headline} ${tr("results.summary", { items: r.items.length })}`;
    headline.className = `sk-headline sk-tone-${text.tone}`;
    clear(notes);
    if (r.blockedReason)
      notes.appendChild(
        el("li", { class: "sk-note sk-tone-error", testid: "blocked-reason", text: text.notes[0] }),
      );
    for (const n of text.notes.slice(r.blockedReason ? 1 : 0))
      notes.appendChild(el("li", { class: "sk-note", testid: "summary-sheet", text: n }));
    if (r.summarySheet) notes.dataset.summarySheet = r.summarySheet;
    else delete notes.dataset.summarySheet;
    for (const sev of SEVERITIES) countEls.get(sev)!.textContent = String(r.counts[sev]);
    stats.textContent = statsText(r.stats, lang);
    statsBox.removeAttribute("hidden");
    renderFindings();
    renderReviewed(r.reviewed ?? []);
    renderChecklist(r.checklist ?? null);
  }

  function ruleTitle(code: string): string {
    return ruleByCode(code)?.description[lang] ?? code;
  }

  function renderRuleGroup(g: RuleGroup): HTMLElement {
    const summary = el("summary", { class: "sk-group-title" }, [
      el("span", { class: "sk-sev-mark", text: SEV_MARK[g.severity], attrs: { "aria-hidden": "true" } }),
      el("span", { class: "sk-group-name", text: tr("group.rule", { count: g.count, title: g.title }) }),
    ]);
    const list = el(
      "ul",
      { class: "sk-list" },
      g.findings.map((f) => el("li", {}, [renderFinding(f)])),
    );
    // Closed: the line says what and how many; it opens to the cells.
    const d = el("details", { class: `sk-group sk-sev-${g.severity}`, testid: "rule-group" }, [
      summary,
      list,
    ]);
    d.dataset.code = g.code;
    return d;
  }

  function renderReviewed(list: RenderedFinding[]): void {
    clear(reviewed);
    if (list.length === 0) return;
    const items = list.map((f) => {
      const node = renderFinding(f);
      const note = f.review?.note
        ? `${tr(`reviewed.${f.review.state}`)}: ${f.review.note}`
        : tr(`reviewed.${f.review?.state ?? "confirmed"}`);
      node.appendChild(el("span", { class: "sk-review-note", text: note }));
      node.dataset.testid = "reviewed-finding";
      return el("li", {}, [node]);
    });
    reviewed.appendChild(
      el("details", { class: "sk-group sk-reviewed", testid: "reviewed" }, [
        el("summary", { class: "sk-group-title" }, [
          el("span", { class: "sk-group-name", text: tr("reviewed.title", { count: list.length }) }),
        ]),
        el("ul", { class: "sk-list" }, items),
      ]),
    );
  }

  function renderChecklist(entries: ChecklistEntry[] | null): void {
    clear(checklist);
    if (entries === null) return;
    const year = (fy: number) => (lang === "ja" ? formatFiscalYearJa(fy) : formatFiscalYearEn(fy));
    const sep = lang === "ja" ? "・" : ", ";
    const body: HTMLElement[] = [el("p", { class: "sk-help", text: tr("checklist.help") })];
    if (entries.length === 0) body.push(el("p", { class: "sk-empty", text: tr("checklist.none") }));
    for (const dep of checklistByDepartment(entries)) {
      body.push(el("h3", { class: "sk-dept", text: dep.department || tr("checklist.noDepartment") }));
      const rows = dep.entries.map((c) => {
        const text = tr("checklist.entry", {
          no: c.itemNo,
          year: year(c.fiscalYear),
          missing: c.missing.map((m) => MISSING_WORDS[lang][m]).join(sep),
        });
        const loc = locationText(c.sheet, c.cell);
        const parts = [
          el("span", { class: "sk-sev-mark", text: "○", attrs: { "aria-hidden": "true" } }),
          el("span", { class: "sk-loc", text: loc ?? tr("finding.noCell") }),
          el("span", { class: "sk-msg", text: c.title ? `${text} ${c.title}` : text }),
        ];
        if (c.sheet === null || c.cell === null)
          return el("li", {}, [el("div", { class: "sk-finding", testid: "checklist-entry" }, parts)]);
        const b = el(
          "button",
          { class: "sk-finding", testid: "checklist-entry", attrs: { type: "button" } },
          parts,
        );
        const [sheet, cell] = [c.sheet, c.cell];
        b.addEventListener("click", () => selectFinding(sheet, cell));
        return el("li", {}, [b]);
      });
      body.push(el("ul", { class: "sk-list" }, rows));
    }
    checklist.appendChild(
      el(
        "details",
        { class: "sk-group sk-checklist", testid: "checklist", attrs: entries.length ? { open: "" } : {} },
        [
          el("summary", { class: "sk-group-title" }, [
            el("span", { class: "sk-group-name", text: tr("checklist.title", { count: entries.length }) }),
          ]),
          ...body,
        ],
      ),
    );
  }

  function renderFindings(): void {
    clear(findings);
    if (!last) return;
    const groups = groupFindings(last, show);
    if (last.findings.length === 0) {
      findings.appendChild(
        el("p", { class: "sk-empty", testid: "findings-empty", text: tr("results.none") }),
      );
      return;
    }
    const visible = groups.filter((g) => g.findings.length > 0);
    if (visible.length === 0) {
      findings.appendChild(
        el("p", { class: "sk-empty", testid: "findings-empty", text: tr("results.filteredOut") }),
      );
      return;
    }
    if (view === "rule") {
      for (const g of groupByRule(last.findings, ruleTitle, show)) findings.appendChild(renderRuleGroup(g));
      return;
    }
    for (const g of visible) findings.appendChild(renderGroup(g));
  }

  function groupTitle(g: FindingGroup): string {
    if (g.itemNo === null) return tr("group.workbook");
    return g.title
      ? tr("group.item", { no: g.itemNo, title: g.title })
      : tr("group.itemNoTitle", { no: g.itemNo });
  }

  function renderGroup(g: FindingGroup): HTMLElement {
    const badges = SEVERITIES.filter((s) => g.counts[s] > 0).map((s) =>
      el("span", {
        class: `sk-badge sk-sev-${s}`,
        testid: `group-count-${s}`,
        text: String(g.counts[s]),
        attrs: { title: tr(SEV_KEY[s]), "aria-label": `${tr(SEV_KEY[s])} ${g.counts[s]}` },
      }),
    );
    const summary = el("summary", { class: "sk-group-title" }, [
      el("span", { class: "sk-group-name", text: groupTitle(g) }),
      el("span", { class: "sk-badges" }, badges),
    ]);
    const list = el(
      "ul",
      { class: "sk-list" },
      g.findings.map((f) => el("li", {}, [renderFinding(f)])),
    );
    // The kind and the basis of each period rate, beside the findings (cell text set as text only).
    const lines = indicatorLines(g.indicators, tr);
    const indicators = lines.length
      ? [
          el(
            "ul",
            {
              class: "sk-indicators",
              testid: "indicator-kinds",
              attrs: { "aria-label": tr("indicators.label") },
            },
            lines.map((text) => el("li", { class: "sk-indicator", text })),
          ),
        ]
      : [];
    const d = el("details", { class: "sk-group", testid: "finding-group", attrs: { open: "" } }, [
      summary,
      ...indicators,
      list,
    ]);
    d.dataset.itemNo = g.itemNo ?? "";
    return d;
  }

  function renderFinding(f: RenderedFinding): HTMLElement {
    const loc = locationText(f.sheet, f.cell);
    const parts = [
      el("span", { class: "sk-sev-mark", text: SEV_MARK[f.severity], attrs: { "aria-hidden": "true" } }),
      el("span", { class: "sk-loc", text: loc ?? tr("finding.noCell") }),
      el("span", { class: "sk-msg", text: messageWithoutPlace(f) }),
    ];
    const cls = `sk-finding sk-sev-${f.severity}`;
    const node =
      f.sheet !== null && f.cell !== null
        ? el(
            "button",
            {
              class: cls,
              attrs: {
                type: "button",
                title: tr("finding.goto", { location: loc ?? "", message: f.message }),
              },
            },
            parts,
          )
        : el("div", { class: cls }, parts);
    node.dataset.testid = "finding";
    node.dataset.severity = f.severity;
    node.dataset.code = f.code;
    if (f.sheet !== null) node.dataset.sheet = f.sheet;
    if (f.cell !== null) node.dataset.cell = f.cell;
    if (node instanceof HTMLButtonElement) {
      const sheet = f.sheet as string;
      const cell = f.cell as string;
      node.addEventListener("click", () => selectFinding(sheet, cell));
    }
    return node;
  }

  commandButtons.forEach((b, i) => b.addEventListener("click", () => void run(COMMANDS[i])));

  undoButton.addEventListener("click", () => void run("undo"));

  clearHighlight.addEventListener("click", async () => {
    clearHighlight.disabled = true;
    try {
      await ops.clearHighlight();
    } catch (e) {
      showError(e);
    } finally {
      clearHighlight.disabled = busy;
    }
  });

  highlightToggle.addEventListener("change", async () => {
    const next = { ...settings, highlightErrors: highlightToggle.checked };
    try {
      await ops.saveSettings(next);
      settings = next;
    } catch (e) {
      highlightToggle.checked = settings.highlightErrors;
      showError(e);
    }
  });

  // ---- start -------------------------------------------------------------------------------
  const ready = (async () => {
    try {
      settings = await ops.loadSettings();
    } catch (e) {
      showError(e);
      headline.textContent = tr("settings.loadFailed");
    }
    settingsPanel.fill(settings);
    if (opts.action === "validate") await run("validate");
  })();

  return { ready, run };
}
