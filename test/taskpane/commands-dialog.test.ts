/**
 * The ribbon commands' result dialog through the real showDialog (src/shared/notify.ts) against the
 * simulated Dialog API (test/sim-excel/dialog.ts), as Microsoft documents it: one dialog at a time
 * (12007 "A dialog box is already opened from this host window"), the user's X as
 * DialogEventReceived 12006, messageParent as DialogMessageReceived, dialog.close()
 * (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
 * event.completed() comes only once the dialog is gone, and always comes.
 */
import { dialogUrl, runCommand } from "../../src/commands/commands";
import { decodeReport } from "../../src/commands/dialog-report";
import { createOperations } from "../../src/excel/operations";
import { showDialog } from "../../src/shared/notify";
import { DIALOG_ERRORS, installSimulatedOffice, type SimExcelHost } from "../sim-excel";
import { seedWorkbook } from "../excel/fixtures";

const BASE = "https://localhost:3000/commands.html";

/** Presses 計算欄を記入 with the real dialog; resolves when event.completed() is called. */
function press(host: SimExcelHost): { completed: Promise<void>; isCompleted: () => boolean } {
  let done = false;
  let signal = () => undefined as void;
  const completed = new Promise<void>((r) => (signal = r));
  void runCommand(
    createOperations(),
    "fill",
    { lang: "ja", show: (report) => showDialog(dialogUrl(BASE, report)) },
    {
      completed: () => {
        done = true;
        signal();
      },
    },
  );
  expect(host).toBeDefined();
  return { completed, isCompleted: () => done };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

// The timeout test swaps in fake timers; the others run on real ones.
afterEach(() => jest.useRealTimers());

describe("the ribbon command's result dialog", () => {
  it("opens with the report, stays until the dialog's button messages us, then completes", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const cmd = press(host);
    await until(() => host.dialogs.open !== null);
    const dialog = host.dialogs.open;
    const report = decodeReport(new URL(dialog?.url ?? BASE).search);
    expect(report.title).toBe("計算欄を記入");
    expect(report.lines[0]).toBe("計算欄を記入しました。");
    expect(dialog?.options).toMatchObject({ displayInIframe: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(cmd.isCompleted()).toBe(false);
    dialog?.messageFromDialog("close");
    await cmd.completed;
    expect(dialog?.closed).toBe(true);
    expect(host.dialogs.open).toBeNull();
  });

  it("closed with its own X (12006): completes", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const cmd = press(host);
    await until(() => host.dialogs.open !== null);
    // Office hands the dialog to our callback on a later turn; the user clicks after that.
    await new Promise((r) => setTimeout(r, 20));
    host.dialogs.open?.closeByUser();
    await cmd.completed;
    expect(host.dialogs.opened).toHaveLength(1);
  });

  it("a dialog already open (12007): the command still completes, nothing thrown", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const first = press(host);
    await until(() => host.dialogs.open !== null);
    const second = press(host);
    await second.completed;
    expect(host.dialogs.opened).toHaveLength(1);
    expect(first.isCompleted()).toBe(false);
    host.dialogs.open?.messageFromDialog("close");
    await first.completed;
  });

  it("the simulated Dialog API: 12007 while one is open, 12004 off our origin, 12005 over http", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const open = (url: string) =>
      new Promise<{ status: string; error?: { code: number } }>((r) =>
        Office.context.ui.displayDialogAsync(url, {}, (res) => r(res as never)),
      );
    expect((await open("https://localhost:3000/dialog.html")).status).toBe("succeeded");
    expect((await open("https://localhost:3000/dialog.html")).error?.code).toBe(DIALOG_ERRORS.alreadyOpen);
    host.dialogs.open?.close();
    expect((await open("https://elsewhere.example/dialog.html")).error?.code).toBe(
      DIALOG_ERRORS.untrustedDomain,
    );
    expect((await open("http://localhost:3000/dialog.html")).error?.code).toBe(DIALOG_ERRORS.httpsRequired);
  });

  it("nobody closes it: after 5 minutes showDialog closes it itself and the command completes", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    jest.useFakeTimers();
    let resolved: boolean | null = null;
    void showDialog(`https://localhost:3000/dialog.html`).then((v) => (resolved = v));
    await jest.advanceTimersByTimeAsync(10);
    expect(host.dialogs.open).not.toBeNull();
    await jest.advanceTimersByTimeAsync(4 * 60 * 1000);
    expect(resolved).toBeNull();
    await jest.advanceTimersByTimeAsync(60 * 1000 + 10);
    expect(resolved).toBe(true);
    expect(host.dialogs.open).toBeNull();
  });
});
