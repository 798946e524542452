/**
 * Counts round trips and estimates their payload. Excel does not report payload sizes, so the
 * adapter sizes what it sends (values, formulas, formats it sets, plus a fixed cost per queued
 * operation) and what it loads (the arrays and properties it reads back), as JSON in UTF-8.
 */
/** Excel's JSON protocol spends roughly this much per queued action (ids, object paths). */
export const BYTES_PER_ACTION = 60;

export class SyncMeter {
  readSyncs = 0;
  writeSyncs = 0;
  requestBytes = 0;
  responseBytes = 0;
  private pendingRequest = 0;
  private pendingResponse: unknown[] = [];

  /** Note an operation queued for the next sync and the data it carries. */
  send(payload?: unknown): void {
    this.pendingRequest += BYTES_PER_ACTION + (payload === undefined ? 0 : jsonBytes(payload));
  }

  /** Note an operation whose data was already measured (`bytes`, as send would count it). */
  sendMeasured(bytes: number): void {
    this.pendingRequest += BYTES_PER_ACTION + bytes;
  }

  /** Note `n` operations queued that carry no data of their own (navigations, loads). */
  actions(n: number): void {
    this.pendingRequest += n * BYTES_PER_ACTION;
  }

  /** After the sync, measure what came back (call with the loaded values). */
  received(payload: unknown): void {
    this.pendingResponse.push(payload);
  }

  /** Count the round trip about to happen (call right before `context.sync()`). */
  beforeSync(kind: "read" | "write"): void {
    if (kind === "read") this.readSyncs++;
    else this.writeSyncs++;
    this.requestBytes += this.pendingRequest;
    this.pendingRequest = 0;
  }

  /** Settle the response estimate of the last sync once its loaded values are at hand. */
  settle(): void {
    for (const p of this.pendingResponse) this.responseBytes += jsonBytes(p);
    this.pendingResponse = [];
  }

  /** The request estimate of the operations queued so far (to size batches before sending). */
  get queuedBytes(): number {
    return this.pendingRequest;
  }

  discardQueued(): void {
    this.pendingRequest = 0;
    this.pendingResponse = [];
  }
}

const utf8 = new TextEncoder();

export function jsonBytes(v: unknown): number {
  return utf8.encode(JSON.stringify(v) ?? "").length;
}
