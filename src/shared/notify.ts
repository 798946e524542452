/**
 * The one place errors and notifications go through, built on @microsoft/office-js-helpers:
 * its Utilities.log prints Excel's debugInfo for OfficeExtension errors, Utilities.host/platform
 * tell where we run. Its UI.notify banner is not used: it injects an inline <style> (blocked by our
 * CSP) and a javascript: link. The pane shows messages in its own message bar (textContent only);
 * ribbon commands, which have no visible page, open a small dialog (Dialog API 1.1, available on
 * every ExcelApi 1.7 host, with or without the task pane).
 */
import { Utilities } from "@microsoft/office-js-helpers";
import { describeError, type ErrorReport } from "./errors";
import type { Lang } from "./i18n";

export interface HostInfo {
  host: string;
  platform: string | null;
  isAddin: boolean;
}

/** Where we run ("EXCEL" / "PC", "OFFICE_ONLINE", "MAC"…); "WEB" outside Office (tests, preview). */
export function hostInfo(): HostInfo {
  try {
    return { host: Utilities.host, platform: Utilities.platform ?? null, isAddin: Utilities.isAddin };
  } catch {
    return { host: "WEB", platform: null, isAddin: false };
  }
}

/** Logs the error for a developer (with Excel's debugInfo) and returns what the user is told. */
export function reportError(e: unknown, lang: Lang): ErrorReport {
  try {
    Utilities.log(e instanceof Error ? e : String(e));
  } catch {
    console.error(e);
  }
  return describeError(e, lang);
}

/**
 * Opens `url` in an Office dialog and resolves when the user closes it (by its button, which
 * messages us, or by the dialog's own close box). A ribbon command must not call
 * event.completed() before this, or Office may tear the dialog down with the function file; after
 * `timeoutMs` we close it ourselves so the command does not stay "running" forever.
 * Resolves false when no dialog could be opened (e.g. one is already open).
 */
export function showDialog(
  url: string,
  size = { width: 30, height: 35 },
  timeoutMs = 5 * 60 * 1000,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof Office === "undefined" || !Office.context?.ui?.displayDialogAsync) return resolve(false);
    Office.context.ui.displayDialogAsync(
      url,
      // displayInIframe: Office on the web shows it inside the page, so no pop-up blocker prompt.
      { width: size.width, height: size.height, displayInIframe: true },
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
        const timer = setTimeout(finish, timeoutMs);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      },
    );
  });
}
