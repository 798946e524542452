/**
 * The result dialog of a ribbon command: shows the report carried in its URL and closes on its
 * button (or Esc). Text only, through textContent.
 */
import "../shared/es2017-polyfills";
import { t } from "../shared/i18n";
import { el, append } from "../shared/dom";
import { decodeReport } from "./dialog-report";

/** Asks the opener to close us (it listens for any message); outside Office, just close. */
function closeThisDialog(): void {
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent)
    Office.context.ui.messageParent("close");
  else window.close();
}

function render(): void {
  const r = decodeReport(location.search);
  const root = document.getElementById("dialog");
  if (!root) return;
  document.documentElement.lang = r.lang;
  document.title = r.title;
  const close = el("button", {
    class: "sk-btn sk-primary",
    testid: "dialog-close",
    text: t(r.lang, "dialog.close"),
    attrs: { type: "button" },
  });
  close.addEventListener("click", closeThisDialog);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeThisDialog();
  });
  append(root, [
    el("h1", { class: `sk-dialog-title sk-tone-${r.tone}`, testid: "dialog-title", text: r.title }),
    el(
      "div",
      { class: "sk-dialog-body", attrs: { role: "status" } },
      r.lines.map((l) => el("p", { testid: "dialog-line", text: l })),
    ),
    el("div", { class: "sk-dialog-actions" }, [close]),
  ]);
  close.focus();
}

// Render at once (the text needs no Office); the close button needs Office for messageParent.
render();
if (typeof Office !== "undefined") void Office.onReady();
