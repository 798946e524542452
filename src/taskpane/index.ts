/** Task pane entry: wait for Office, then start the pane on the real adapter. */
import "../shared/es2017-polyfills";
import { createOperations } from "../excel/operations";
import { el } from "../shared/dom";
import { chooseLang, t, type Lang } from "../shared/i18n";
import { startTaskpane } from "./app";

/**
 * Outside Excel (the page opened in a browser, or in another Office application) office.js reports
 * no Excel host: say where the pane belongs instead of starting a pane whose every command would fail.
 */
function showNotInExcel(root: HTMLElement, lang: Lang): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(
    el("p", { class: "sk-unsupported", testid: "not-in-excel", attrs: { role: "status" } }, [
      t(lang, "pane.notInExcel"),
    ]),
  );
  root.setAttribute("aria-busy", "false");
}

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    showNotInExcel(root, chooseLang(navigator.language));
    return;
  }
  startTaskpane(createOperations(), root, {
    lang: chooseLang(Office.context.displayLanguage),
    action: new URLSearchParams(location.search).get("action"),
  });
});
