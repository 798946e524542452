/**
 * Office.context.ui.displayDialogAsync (Dialog API 1.1) as Microsoft documents it ("Use the Office
 * dialog API", learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins; "Handle
 * errors and events in the Office dialog box", learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events):
 *  - one dialog at a time per host window: another displayDialogAsync fails with 12007 ("A dialog box
 *    is already opened from this host window");
 *  - a URL not on the add-in's origin fails with 12004, plain http with 12005;
 *  - the dialog's messageParent arrives as DialogMessageReceived { message, origin };
 *  - the user closing it with its X arrives as DialogEventReceived { error: 12006 };
 *  - dialog.close() closes it; no event follows, and another can be opened.
 */
export const DIALOG_ERRORS = {
  untrustedDomain: 12004,
  httpsRequired: 12005,
  closedByUser: 12006,
  alreadyOpen: 12007,
} as const;

export const DialogEventType = {
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
} as const;

type Handler = (arg: unknown) => void;

export class SimDialog {
  closed = false;
  private handlers = new Map<string, Handler[]>();
  constructor(
    private readonly host: SimDialogHost,
    readonly url: string,
    readonly options: Record<string, unknown>,
  ) {}
  addEventHandler(type: string, handler: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.host.closedOne(this);
  }
  /** The dialog page called Office.context.ui.messageParent(message). */
  messageFromDialog(message: string): void {
    if (this.closed) return;
    for (const h of this.handlers.get(DialogEventType.DialogMessageReceived) ?? [])
      h({ type: DialogEventType.DialogMessageReceived, message, origin: new URL(this.url).origin });
  }
  /** The user closed it with the dialog's own X. */
  closeByUser(): void {
    if (this.closed) return;
    this.closed = true;
    this.host.closedOne(this);
    for (const h of this.handlers.get(DialogEventType.DialogEventReceived) ?? [])
      h({ type: DialogEventType.DialogEventReceived, error: DIALOG_ERRORS.closedByUser });
  }
}

type AsyncResult = {
  status: "succeeded" | "failed";
  value?: SimDialog;
  error?: { code: number; message: string };
};

export class SimDialogHost {
  /** Every dialog opened, in order; `open` is the one showing, if any. */
  readonly opened: SimDialog[] = [];
  open: SimDialog | null = null;
  constructor(public origin = "https://localhost:3000") {}

  closedOne(d: SimDialog): void {
    if (this.open === d) this.open = null;
  }

  displayDialogAsync(
    url: string,
    optionsOrCallback?: Record<string, unknown> | ((r: AsyncResult) => void),
    maybeCallback?: (r: AsyncResult) => void,
  ): void {
    const cb = typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback;
    const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
    const fail = (code: number, message: string): void => {
      setTimeout(() => cb?.({ status: "failed", error: { code, message } }), 0);
    };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fail(DIALOG_ERRORS.untrustedDomain, "The domain of the URL is not trusted.");
    }
    if (parsed.protocol === "http:") return fail(DIALOG_ERRORS.httpsRequired, "HTTPS is required.");
    if (parsed.origin !== this.origin)
      return fail(DIALOG_ERRORS.untrustedDomain, "The domain of the URL is not trusted.");
    if (this.open)
      return fail(DIALOG_ERRORS.alreadyOpen, "A dialog box is already opened from this host window.");
    const d = new SimDialog(this, url, options);
    this.opened.push(d);
    this.open = d;
    setTimeout(() => cb?.({ status: "succeeded", value: d }), 0);
  }
}
