/**
 * The settings panel: the common settings as fields, the rest as JSON, errors listed per field.
 * Conversion and checks live in settings-form.ts; this builds the DOM and saves through deps.
 */
import type { ShinchokuSettings } from "../excel/types";
import { clear, el } from "../shared/dom";
import { t, type Lang, type MessageKey } from "../shared/i18n";
import {
  formatFormError,
  formFromSettings,
  settingsFromForm,
  type FieldId,
  type SettingsForm,
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

export function buildSettingsPanel(
  lang: Lang,
  highlightToggle: HTMLInputElement,
  deps: PanelDeps,
): SettingsPanel {
  const tr = (k: MessageKey) => t(lang, k);
  const inputs = new Map<FieldId, HTMLInputElement | HTMLTextAreaElement>();
  const field = (
    id: Exclude<FieldId, "highlightErrors">,
    label: MessageKey,
    kind: "text" | "number" | "area",
    help?: MessageKey,
  ) => {
    const domId = `sk-set-${id}`;
    const input =
      kind === "area"
        ? el("textarea", {
            attrs: { id: domId, rows: id === "advancedJson" ? "5" : "4", spellcheck: "false" },
          })
        : el("input", {
            attrs: {
              id: domId,
              type: kind === "number" ? "number" : "text",
              ...(kind === "number" ? { min: "0", step: "1", inputmode: "decimal" } : {}),
            },
          });
    input.dataset.testid = `setting-${id}`;
    inputs.set(id, input);
    const helpEl = help
      ? el("span", { class: "sk-help", text: tr(help), attrs: { id: `${domId}-help` } })
      : null;
    if (helpEl) input.setAttribute("aria-describedby", helpEl.id);
    return el("div", { class: "sk-field" }, [
      el("label", { text: tr(label), attrs: { for: domId } }),
      input,
      helpEl,
    ]);
  };
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
  const form = el("form", { class: "sk-form", attrs: { novalidate: "" } }, [
    el("div", { class: "sk-two" }, [
      field("achievedPct", "settings.achieved", "number"),
      field("mostlyPct", "settings.mostly", "number"),
    ]),
    field("summarySheetName", "settings.summarySheetName", "text"),
    field("lowerIsBetter", "settings.lowerIsBetter", "area"),
    field("grades", "settings.grades", "area", "settings.gradesHelp"),
    field("statuses", "settings.statuses", "area"),
    field("advancedJson", "settings.advanced", "area", "settings.advancedHelp"),
    errors,
    save,
    status,
  ]);
  const rootEl = el("details", { class: "sk-settings", testid: "settings" }, [
    el("summary", { text: tr("settings.title") }),
    form,
  ]);

  const fill = (s: ShinchokuSettings) => {
    const f = formFromSettings(s);
    for (const [id, input] of inputs) input.value = f[id] as string;
    highlightToggle.checked = f.highlightErrors;
  };
  const read = (): SettingsForm => {
    const v = (id: FieldId) => inputs.get(id)!.value;
    return {
      achievedPct: v("achievedPct"),
      mostlyPct: v("mostlyPct"),
      lowerIsBetter: v("lowerIsBetter"),
      summarySheetName: v("summarySheetName"),
      grades: v("grades"),
      statuses: v("statuses"),
      advancedJson: v("advancedJson"),
      highlightErrors: highlightToggle.checked,
    };
  };
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clear(errors);
    status.textContent = "";
    for (const input of inputs.values()) input.removeAttribute("aria-invalid");
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
      for (const e of parsed.errors) inputs.get(e.field)?.setAttribute("aria-invalid", "true");
      inputs.get(parsed.errors[0].field)?.focus();
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
