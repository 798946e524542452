/** Task pane entry: wait for Office, then start the pane on the real adapter. */
import { createOperations } from "../excel/operations";
import { chooseLang } from "../shared/i18n";
import { startTaskpane } from "./app";

Office.onReady(() => {
  const root = document.getElementById("app");
  if (!root) return;
  startTaskpane(createOperations(), root, {
    lang: chooseLang(Office.context.displayLanguage),
    action: new URLSearchParams(location.search).get("action"),
  });
});
