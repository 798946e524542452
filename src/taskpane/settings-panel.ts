/**
 * The settings panel: every setting as a field. Lists are lists (one row per entry, with a remove
 * button per row and an add button), grades and statuses are rows of fields, severities are one
 * choice per rule. Conversion and checks live in settings-form.ts; this builds the DOM and saves
 * through deps. On an invalid save nothing is saved: the settings in force stay as they were and
 * the problems are listed, each field marked.
 *
 * Keyboard: every control is a native input, checkbox, select or button. Enter in a row of a list
 * of words adds a row after it (as in a list editor) instead of submitting; removing a row moves
 * the focus to the row that takes its place, or to the add button.
 */
import { ALL_RULES, type Flag, type IndicatorKind } from "../core";
import type { ShinchokuSettings } from "../excel/types";
import { append, clear, el } from "../shared/dom";
import { t, type Lang, type MessageKey } from "../shared/i18n";
import {
  flagChoices,
  formatFormError,
  formFromSettings,
  LABEL_KEYS,
  KINDS,
  REVIEW_STATES,
  labelName,
  settingsFromForm,
  STRING_LISTS,
  type FlagBandRow,
  type GradeRow,
  type IndicatorKindRow,
  type LabelKey,
  type SettingsForm,
  type SeverityChoice,
  type StatusRow,
} from "./settings-form";

export interface PanelDeps {
  /** Saves to the workbook; throws to keep the form as it is. */
  save(settings: ShinchokuSettings): Promise<void>;
  onError(e: unknown): void;
  isBusy(): boolean;
}

export interface SettingsPanel {
  root: HTMLElement;
  save: HTMLButtonElement;
  /** Shows settings in the form (and the highlight toggle, which lives outside the panel). */
  fill(settings: ShinchokuSettings): void;
}

/** A list of rows: each row's fields come from `render`, its value back from `read`. */
interface RowList<T> {
  root: HTMLElement;
  set(values: T[]): void;
  get(): T[];
}

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

function rowList<T>(
  lang: Lang,
  opts: {
    /** The configuration's JSON path of the list: "lowerIsBetter", "labels.no", "grades". */
    path: string;
    testid: string;
    title: string;
    help?: string;
    blank: () => T;
    /** Enter in a row adds a row below it (string lists); elsewhere Enter saves, as in any form. */
    enterAdds?: boolean;
    /** Builds the row's fields; `path` is the row's own JSON path ("grades[1]"). */
    render: (value: T) => { fields: HTMLElement; read: () => T };
  },
): RowList<T> {
  const tr = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
  const legendId = nextId("sk-list");
  const rows = el("ul", { class: "sk-rows", attrs: { "aria-labelledby": legendId } });
  const empty = el("p", { class: "sk-empty", text: tr("list.none") });
  const rowReaders = new WeakMap<Element, () => T>();
  const add = el("button", {
    class: "sk-btn sk-add",
    testid: `${opts.testid}-add`,
    text: `＋ ${tr("list.add")}`,
    attrs: { type: "button", "aria-label": tr("list.addTo", { list: opts.title }) },
  });
  const helpEl = opts.help ? el("p", { class: "sk-help", text: opts.help }) : null;
  const root = el("fieldset", { class: "sk-list", testid: opts.testid, attrs: { "data-path": opts.path } }, [
    el("legend", { text: opts.title, attrs: { id: legendId } }),
    helpEl,
    rows,
    empty,
    add,
  ]);

  const renumber = () => {
    [...rows.children].forEach((li, i) => {
      const n = i + 1;
      const path = `${opts.path}[${i}]`;
      (li as HTMLElement).dataset.path = path;
      for (const input of li.querySelectorAll<HTMLElement>("[data-sub]"))
        input.dataset.path = input.dataset.sub ? `${path}.${input.dataset.sub}` : path;
      const remove = li.querySelector<HTMLButtonElement>(".sk-remove");
      remove?.setAttribute("aria-label", tr("list.removeRow", { list: opts.title, n }));
      for (const labelled of li.querySelectorAll<HTMLElement>("[data-row-label]"))
        labelled.setAttribute(
          "aria-label",
          `${tr("list.rowOf", { list: opts.title, n })}${labelled.dataset.rowLabel ? ` ${labelled.dataset.rowLabel}` : ""}`,
        );
    });
    empty.hidden = rows.children.length > 0;
  };

  const addRow = (value: T, after?: HTMLElement): HTMLElement => {
    const li = el("li", { class: "sk-entry" });
    const { fields, read } = opts.render(value);
    const remove = el("button", {
      class: "sk-btn sk-remove",
      text: "×",
      attrs: { type: "button", title: tr("list.remove") },
    });
    append(li, [fields, remove]);
    rows.insertBefore(li, after?.nextSibling ?? null);
    rowReaders.set(li, read);
    remove.addEventListener("click", () => {
      const next = (li.nextElementSibling ?? li.previousElementSibling) as HTMLElement | null;
      li.remove();
      renumber();
      const target = next?.querySelector<HTMLElement>("input, select") ?? add;
      target.focus();
    });
    // Enter in a text field of a string list: a new row below, as a list editor does.
    li.addEventListener("keydown", (ev) => {
      if (!opts.enterAdds || ev.key !== "Enter" || ev.isComposing) return;
      if (!(ev.target instanceof HTMLInputElement)) return;
      if (ev.target.type !== "text") return;
      ev.preventDefault();
      const row = addRow(opts.blank(), li);
      renumber();
      row.querySelector<HTMLElement>("input")?.focus();
    });
    return li;
  };

  add.addEventListener("click", () => {
    const li = addRow(opts.blank());
    renumber();
    li.querySelector<HTMLElement>("input, select")?.focus();
  });

  return {
    root,
    set(values) {
      clear(rows);
      for (const v of values) addRow(v);
      renumber();
    },
    get: () => [...rows.children].map((li) => rowReaders.get(li)!()),
  };
}

function textInput(value: string, sub: string, rowLabel: string, cls = ""): HTMLInputElement {
  const input = el("input", {
    class: cls,
    attrs: { type: "text", spellcheck: "false", "data-sub": sub, "data-row-label": rowLabel },
  });
  input.value = value;
  return input;
}

function stringList(lang: Lang, path: string, testid: string, title: string, help?: string): RowList<string> {
  return rowList<string>(lang, {
    path,
    testid,
    title,
    help,
    blank: () => "",
    enterAdds: true,
    render: (value) => {
      const input = textInput(value, "", "", "sk-grow");
      return { fields: input, read: () => input.value };
    },
  });
}

export function buildSettingsPanel(
  lang: Lang,
  highlightToggle: HTMLInputElement,
  deps: PanelDeps,
): SettingsPanel {
  const tr = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
  const scalar = new Map<string, HTMLInputElement>();
  const field = (path: string, testid: string, label: MessageKey, kind: "text" | "number") => {
    const domId = `sk-set-${testid}`;
    const input = el("input", {
      attrs: {
        id: domId,
        type: kind === "number" ? "number" : "text",
        "data-path": path,
        ...(kind === "number" ? { min: "0", step: "1", inputmode: "decimal" } : { spellcheck: "false" }),
      },
    });
    input.dataset.testid = `setting-${testid}`;
    scalar.set(testid, input);
    return el("div", { class: "sk-field" }, [el("label", { text: tr(label), attrs: { for: domId } }), input]);
  };

  const lists = Object.fromEntries(
    STRING_LISTS.map((k) => [k, stringList(lang, k, `setting-${k}`, tr(`settings.${k}` as MessageKey))]),
  ) as Record<(typeof STRING_LISTS)[number], RowList<string>>;
  const labelLists = Object.fromEntries(
    LABEL_KEYS.map((k) => [
      k,
      stringList(
        lang,
        `labels.${k}`,
        `setting-labels-${k}`,
        tr("settings.labelList", { label: labelName(k) }),
      ),
    ]),
  ) as Record<LabelKey, RowList<string>>;

  // The flags a grade row offers: the bands' labels once the form sets its own bands (read when
  // the row is built; a save shows the rows again with the bands saved).
  let bandChoices: () => Flag[] = () => flagChoices({ ownFlagBands: false, flagBands: [] });
  const gradeList = (path: string, title: string) =>
    rowList<GradeRow>(lang, {
      path,
      testid: `setting-${path}`,
      title,
      blank: () => ({ code: "", ja: "", en: "", flags: [] }),
      render: (g) => {
        const code = textInput(g.code, "code", tr("grade.code"), "sk-code");
        const ja = textInput(g.ja, "ja", tr("grade.ja"), "sk-grow");
        const en = textInput(g.en, "en", tr("grade.en"), "sk-grow");
        code.placeholder = tr("grade.code");
        ja.placeholder = tr("grade.ja");
        en.placeholder = tr("grade.en");
        const offered = [...new Set([...bandChoices(), ...g.flags])];
        const boxes = offered.map((f) => {
          const box = el("input", { attrs: { type: "checkbox", "data-sub": "expectedFlags", value: f } });
          box.checked = g.flags.includes(f);
          return { f, box, label: el("label", { class: "sk-check" }, [box, f]) };
        });
        const flags = el(
          "div",
          { class: "sk-flags", attrs: { role: "group", "aria-label": tr("grade.flags") } },
          [el("span", { class: "sk-help", text: tr("grade.flags") }), ...boxes.map((b) => b.label)],
        );
        const fields = el("div", { class: "sk-row-fields" }, [
          el("div", { class: "sk-row-line" }, [code, ja]),
          en,
          flags,
        ]);
        return {
          fields,
          read: () => ({
            code: code.value,
            ja: ja.value,
            en: en.value,
            flags: boxes.filter((b) => b.box.checked).map((b) => b.f as Flag),
          }),
        };
      },
    });
  const grades = gradeList("grades", tr("settings.grades"));
  const periodGrades = gradeList("periodGrades", tr("settings.periodGrades"));

  const kindSelect = (value: IndicatorKind, attrs: Record<string, string>) => {
    const select = el("select", { attrs });
    for (const k of KINDS)
      select.appendChild(
        el("option", { text: tr(`indicator.kind.${k}` as MessageKey), attrs: { value: k } }),
      );
    select.value = value;
    return select;
  };
  const indicatorKinds = rowList<IndicatorKindRow>(lang, {
    path: "indicatorKinds",
    testid: "setting-indicatorKinds",
    title: tr("settings.indicatorKinds"),
    blank: () => ({ name: "", kind: "level" }),
    render: (k) => {
      const name = textInput(k.name, "name", tr("kind.name"), "sk-grow");
      name.placeholder = tr("kind.name");
      const kind = kindSelect(k.kind, { "data-sub": "kind", "data-row-label": tr("kind.kind") });
      const fields = el("div", { class: "sk-row-fields" }, [
        el("div", { class: "sk-row-line" }, [name, kind]),
      ]);
      return { fields, read: () => ({ name: name.value, kind: kind.value as IndicatorKind }) };
    },
  });
  const defaultKindId = nextId("sk-kind");
  const defaultKind = kindSelect("level", { id: defaultKindId, "data-path": "defaultIndicatorKind" });
  defaultKind.dataset.testid = "setting-defaultIndicatorKind";

  const flagBands = rowList<FlagBandRow>(lang, {
    path: "flagBands",
    testid: "setting-flagBands",
    title: tr("settings.flagBands"),
    blank: () => ({ label: "", en: "", minPct: "" }),
    render: (b) => {
      const label = textInput(b.label, "label", tr("band.label"), "sk-grow");
      const en = textInput(b.en, "en", tr("band.en"), "sk-grow");
      const min = el("input", {
        class: "sk-band-min",
        attrs: {
          type: "text",
          inputmode: "decimal",
          "data-sub": "min",
          "data-row-label": tr("band.min"),
          placeholder: "%",
          title: tr("band.min"),
        },
      });
      min.value = b.minPct;
      label.placeholder = tr("band.label");
      en.placeholder = tr("band.en");
      const fields = el("div", { class: "sk-row-fields" }, [
        el("div", { class: "sk-row-line" }, [label, min, el("span", { class: "sk-unit", text: "%" })]),
        en,
      ]);
      return { fields, read: () => ({ label: label.value, en: en.value, minPct: min.value }) };
    },
  });
  /** A switch that shows the list it governs only while it is on. */
  const toggle = (testid: string, label: MessageKey, list: RowList<unknown>) => {
    const box = el("input", { attrs: { type: "checkbox" } });
    box.dataset.testid = testid;
    const sync = () => {
      list.root.hidden = !box.checked;
    };
    box.addEventListener("change", sync);
    return { box, sync, root: el("label", { class: "sk-check sk-toggle" }, [box, tr(label)]) };
  };
  const ownPeriod = toggle("setting-ownPeriodGrades", "settings.ownPeriodGrades", periodGrades);
  const ownBands = toggle("setting-ownFlagBands", "settings.ownFlagBands", flagBands);
  bandChoices = () => flagChoices({ ownFlagBands: ownBands.box.checked, flagBands: flagBands.get() });
  // Bands switched or a band's label changed: the grade rows offer the new labels (values kept).
  const offerBands = (ev: Event) => {
    if (ev.target instanceof HTMLInputElement && ev.target.dataset.sub === "min") return;
    grades.set(grades.get());
    periodGrades.set(periodGrades.get());
  };
  flagBands.root.addEventListener("change", offerBands);
  flagBands.root.addEventListener("click", (ev) => {
    if (ev.target instanceof HTMLButtonElement) offerBands(ev);
  });
  ownBands.box.addEventListener("change", offerBands);

  const statuses = rowList<StatusRow>(lang, {
    path: "statuses",
    testid: "setting-statuses",
    title: tr("settings.statuses"),
    blank: () => ({ label: "", en: "", behind: false }),
    render: (s) => {
      const label = textInput(s.label, "label", tr("status.label"), "sk-grow");
      const en = textInput(s.en, "en", tr("status.en"), "sk-grow");
      label.placeholder = tr("status.label");
      en.placeholder = tr("status.en");
      const behind = el("input", { attrs: { type: "checkbox", "data-sub": "onTrack" } });
      behind.checked = s.behind;
      const fields = el("div", { class: "sk-row-fields" }, [
        label,
        en,
        el("label", { class: "sk-check" }, [behind, tr("status.behind")]),
      ]);
      return { fields, read: () => ({ label: label.value, en: en.value, behind: behind.checked }) };
    },
  });

  const severitySelects = new Map<string, HTMLSelectElement>();
  const severityRows = ALL_RULES.map((rule) => {
    const id = nextId("sk-sev");
    const select = el("select", {
      attrs: { id, "data-path": `severity[${JSON.stringify(rule.code)}]` },
    });
    select.dataset.testid = `setting-severity-${rule.code}`;
    const choices: [SeverityChoice, string][] = [
      ["default", tr("settings.severityDefault", { sev: tr(`sev.${rule.defaultSeverity}` as MessageKey) })],
      ["error", tr("sev.error")],
      ["warning", tr("sev.warning")],
      ["info", tr("sev.info")],
      ["off", tr("sev.off")],
    ];
    for (const [value, text] of choices) select.appendChild(el("option", { text, attrs: { value } }));
    severitySelects.set(rule.code, select);
    return el("div", { class: "sk-sev-row" }, [
      el("label", { text: rule.description[lang], attrs: { for: id, title: rule.code } }),
      select,
    ]);
  });

  const errors = el("div", {
    class: "sk-form-errors",
    testid: "settings-errors",
    attrs: { role: "alert" },
  });
  const status = el("p", { class: "sk-form-status", testid: "settings-status", attrs: { role: "status" } });
  const save = el("button", {
    class: "sk-btn sk-primary",
    testid: "btn-save-settings",
    text: tr("settings.save"),
    attrs: { type: "submit" },
  });
  const section = (testid: string, title: string, children: (HTMLElement | null)[]) =>
    el("details", { class: "sk-subsection", testid }, [el("summary", { text: title }), ...children]);

  const form = el("form", { class: "sk-form", attrs: { novalidate: "" } }, [
    el("div", { class: "sk-two" }, [
      field("thresholds.achieved", "achievedPct", "settings.achieved", "number"),
      field("thresholds.mostly", "mostlyPct", "settings.mostly", "number"),
    ]),
    ownBands.root,
    flagBands.root,
    field("summarySheetName", "summarySheetName", "settings.summarySheetName", "text"),
    field("summaryTitle", "summaryTitle", "settings.summaryTitle", "text"),
    lists.lowerIsBetter.root,
    indicatorKinds.root,
    el("div", { class: "sk-field" }, [
      el("label", { text: tr("settings.defaultIndicatorKind"), attrs: { for: defaultKindId } }),
      defaultKind,
    ]),
    grades.root,
    ownPeriod.root,
    periodGrades.root,
    statuses.root,
    section("settings-severity", tr("settings.severity"), severityRows),
    section("settings-labels", tr("settings.labels"), [
      el("p", { class: "sk-help", text: tr("settings.labelsHelp") }),
      ...LABEL_KEYS.map((k) => labelLists[k].root),
    ]),
    section("settings-more", tr("settings.more"), [
      lists.cumulativeMarkers.root,
      lists.annualMarkers.root,
      lists.levelMarkers.root,
      lists.estimateMarkers.root,
      field("staleEstimateYears", "staleEstimateYears", "settings.staleEstimateYears", "number"),
      field("summaryMarker", "summaryMarker", "settings.summaryMarker", "text"),
      field("ownedAreaTitle", "ownedAreaTitle", "settings.ownedAreaTitle", "text"),
      field("summaryFont", "summaryFont", "settings.summaryFont", "text"),
      field("findingsSheetName", "findingsSheetName", "settings.findingsSheetName", "text"),
      field("findingsMarker", "findingsMarker", "settings.findingsMarker", "text"),
      ...REVIEW_STATES.map((k) =>
        field(`reviewStates.${k}`, `reviewState.${k}`, `settings.reviewState.${k}` as MessageKey, "text"),
      ),
    ]),
    errors,
    save,
    status,
  ]);
  const rootEl = el("details", { class: "sk-settings", testid: "settings" }, [
    el("summary", { text: tr("settings.title") }),
    form,
  ]);

  // Saved severities for codes this version does not know, and settings without a field: kept through a save.
  let otherSeverity: SettingsForm["otherSeverity"] = {};
  let otherOverrides: SettingsForm["otherOverrides"] = {};
  const fill = (s: ShinchokuSettings) => {
    const f = formFromSettings(s);
    scalar.get("achievedPct")!.value = f.achievedPct;
    scalar.get("mostlyPct")!.value = f.mostlyPct;
    scalar.get("summarySheetName")!.value = f.summarySheetName;
    scalar.get("staleEstimateYears")!.value = f.staleEstimateYears;
    scalar.get("summaryMarker")!.value = f.summaryMarker;
    scalar.get("ownedAreaTitle")!.value = f.ownedAreaTitle;
    scalar.get("summaryTitle")!.value = f.summaryTitle;
    scalar.get("summaryFont")!.value = f.summaryFont;
    scalar.get("findingsSheetName")!.value = f.findingsSheetName;
    scalar.get("findingsMarker")!.value = f.findingsMarker;
    for (const k of REVIEW_STATES) scalar.get(`reviewState.${k}`)!.value = f.reviewStates[k];
    for (const k of STRING_LISTS) lists[k].set(f[k]);
    for (const k of LABEL_KEYS) labelLists[k].set(f.labels[k]);
    // The bands first: the grade rows offer their labels.
    ownBands.box.checked = f.ownFlagBands;
    flagBands.set(f.flagBands);
    ownBands.sync();
    grades.set(f.grades);
    ownPeriod.box.checked = f.ownPeriodGrades;
    periodGrades.set(f.periodGrades);
    ownPeriod.sync();
    indicatorKinds.set(f.indicatorKinds);
    defaultKind.value = f.defaultIndicatorKind;
    statuses.set(f.statuses);
    for (const [code, select] of severitySelects) select.value = f.severity[code] ?? "default";
    otherSeverity = f.otherSeverity;
    otherOverrides = f.otherOverrides;
    highlightToggle.checked = f.highlightErrors;
  };
  const read = (): SettingsForm => {
    const v = (id: string) => scalar.get(id)!.value;
    const labels = {} as SettingsForm["labels"];
    for (const k of LABEL_KEYS) labels[k] = labelLists[k].get();
    return {
      achievedPct: v("achievedPct"),
      mostlyPct: v("mostlyPct"),
      summarySheetName: v("summarySheetName"),
      lowerIsBetter: lists.lowerIsBetter.get(),
      cumulativeMarkers: lists.cumulativeMarkers.get(),
      annualMarkers: lists.annualMarkers.get(),
      levelMarkers: lists.levelMarkers.get(),
      estimateMarkers: lists.estimateMarkers.get(),
      staleEstimateYears: v("staleEstimateYears"),
      grades: grades.get(),
      statuses: statuses.get(),
      indicatorKinds: indicatorKinds.get(),
      defaultIndicatorKind: defaultKind.value as IndicatorKind,
      ownPeriodGrades: ownPeriod.box.checked,
      periodGrades: periodGrades.get(),
      ownFlagBands: ownBands.box.checked,
      flagBands: flagBands.get(),
      severity: Object.fromEntries([...severitySelects].map(([c, s]) => [c, s.value as SeverityChoice])),
      labels,
      summaryMarker: v("summaryMarker"),
      ownedAreaTitle: v("ownedAreaTitle"),
      summaryTitle: v("summaryTitle"),
      summaryFont: v("summaryFont"),
      findingsSheetName: v("findingsSheetName"),
      findingsMarker: v("findingsMarker"),
      reviewStates: {
        open: v("reviewState.open"),
        fixed: v("reviewState.fixed"),
        confirmed: v("reviewState.confirmed"),
        notNeeded: v("reviewState.notNeeded"),
      },
      highlightErrors: highlightToggle.checked,
      otherSeverity,
      otherOverrides,
    };
  };

  /** The element a JSON path points at: the field itself, else the nearest list or row holding it. */
  const target = (path: string): HTMLElement | null => {
    for (let p = path; p; p = p.replace(/(\.[^.[]+|\[[^\]]*\])$/, "")) {
      const sel = `[data-path="${CSS.escape(p)}"]`;
      // The control itself rather than the row around it, which carries the same path.
      const found =
        form.querySelector<HTMLElement>(`input${sel}, select${sel}`) ?? form.querySelector<HTMLElement>(sel);
      if (found) return found;
      if (!/(\.[^.[]+|\[[^\]]*\])$/.test(p)) break;
    }
    return null;
  };

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clear(errors);
    status.textContent = "";
    for (const marked of form.querySelectorAll("[aria-invalid]")) marked.removeAttribute("aria-invalid");
    const parsed = settingsFromForm(read());
    if (!parsed.ok) {
      errors.appendChild(el("p", { text: tr("settings.invalid") }));
      errors.appendChild(
        el(
          "ul",
          {},
          parsed.errors.map((e) => el("li", { text: formatFormError(lang, e) })),
        ),
      );
      const marked = parsed.errors.map((e) => target(e.path)).filter((x): x is HTMLElement => !!x);
      for (const m of marked) {
        m.setAttribute("aria-invalid", "true");
        // A closed section would hide the field it marks.
        const details = m.closest("details.sk-subsection") as HTMLDetailsElement | null;
        if (details) details.open = true;
      }
      const first = marked[0];
      (first?.matches("input, select")
        ? first
        : first?.querySelector<HTMLElement>("input, select, button")
      )?.focus();
      return;
    }
    save.disabled = true;
    try {
      await deps.save(parsed.settings);
      fill(parsed.settings);
      status.textContent = tr("settings.saved");
    } catch (e) {
      deps.onError(e);
    } finally {
      save.disabled = deps.isBusy();
    }
  });
  return { root: rootEl, save, fill };
}
