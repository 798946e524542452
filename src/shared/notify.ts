/**
 * The one place errors and notifications go through, built on @microsoft/office-js-helpers:
 * its Utilities.log prints Excel's debugInfo for OfficeExtension errors, Utilities.host/platform
 * tell where we run (logged with every error, for whoever reads the log). Its UI.notify banner is not used: it injects an inline <style> (blocked by our
 * CSP) and a javascript: link. The pane shows messages in its own message bar (textContent only);
 * ribbon commands, which have no visible page, open a small dialog (Dialog API 1.1, available on
 * every ExcelApi 1.7 host, with or without the task pane).
 */
import { Utilities } from "@microsoft/office-js-helpers";
import { describeError, type ErrorReport } from "./errors";
import type { Lang } from "./i18n";

/** Where we run ("EXCEL PC", "EXCEL OFFICE_ONLINE", "EXCEL MAC"…); "WEB" outside Office (tests, preview). */
function hostInfo(): string {
  try {
    return [Utilities.host, Utilities.platform].filter(Boolean).join(" ");
  } catch {
    return "WEB";
  }
}

/** Logs the error for a developer (with Excel's debugInfo and where we run) and returns what the user is told. */
export function reportError(e: unknown, lang: Lang): ErrorReport {
  try {
    Utilities.log(`Shinchoku error on ${hostInfo()}:`);
    Utilities.log(e instanceof Error ? e : String(e));
  } catch {
    console.error(e);
  }
  return describeError(e, lang);
}

const DIALOG_SIZE = { width: 30, height: 35 };
const DIALOG_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Opens `url` in an Office dialog and resolves when the user closes it (by its button, which
 * messages us, or by the dialog's own close box). A ribbon command must not call
 * event.completed() before this, or Office may tear the dialog down with the function file; after
 * DIALOG_TIMEOUT_MS we close it ourselves so the command does not stay "running" forever.
 * Resolves false when no dialog could be opened (e.g. one is already open).
 */
export function showDialog(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof Office === "undefined" || !Office.context?.ui?.displayDialogAsync) return resolve(false);
    Office.context.ui.displayDialogAsync(
      url,
      // displayInIframe: Office on the web shows it inside the page, so no pop-up blocker prompt.
      { width: DIALOG_SIZE.width, height: DIALOG_SIZE.height, displayInIframe: true },
      (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) {
          reportError(new Error(`displayDialogAsync: ${res.error?.code} ${res.error?.message}`), "en");
          return resolve(false);
        }
        const dialog = res.value;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          try {
            dialog.close();
          } catch {
            /* already closed by the user */
          }
          resolve(true);
        };
        const timer = setTimeout(finish, DIALOG_TIMEOUT_MS);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      },
    );
  });
}
