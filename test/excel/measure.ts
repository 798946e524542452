/**
 * One command of the real adapter (createOperations) run on the simulated Excel, measured: round
 * trips and payload as the adapter estimates them and as the simulator counts them, the largest
 * sync, cells and time. Shared by test/excel/workbook-240.test.ts and the add-in part of
 * `npm run bench` (scripts/bench-addin.ts), so both report the same figures the same way.
 * No jest and no Node here.
 */
import { createOperations } from "../../src/excel/operations";
import type { OperationKind, OperationResult } from "../../src/excel/types";
import { EXCEL_LIMITS, payloadOf, type SimExcelHost, type SyncRecord } from "../sim-excel";

/** The goal per command: at most this many read and write syncs, every sync under Excel's 5 MB limits. */
export const SYNC_GOAL = { readSyncs: 2, writeSyncs: 2 } as const;

export interface CommandFigures {
  label: string;
  kind: OperationKind;
  result: OperationResult;
  /** The simulator's records of this command's syncs. */
  syncs: SyncRecord[];
  /** Request and response bytes as the simulator serialised them. */
  sim: { requestBytes: number; responseBytes: number };
  /** The largest request or response of any one sync (simulator bytes). */
  largestSyncBytes: number;
  /** Syncs the simulator refused (payload or cell limits) or that failed. */
  failedSyncs: number;
  /** Every sync's request and response under Excel's limits, and none failed. */
  underLimits: boolean;
  /** Read and write syncs within SYNC_GOAL. */
  syncsWithinGoal: boolean;
}

/** Runs `kind` through the globals the sim installed on `host` (Japanese messages) and measures it. */
export async function measureCommand(
  host: SimExcelHost,
  kind: OperationKind,
  label: string = kind,
): Promise<CommandFigures> {
  const mark = host.syncLog.length;
  const result = await createOperations()[kind]({ lang: "ja" });
  const syncs = host.syncsSince(mark);
  const largestSyncBytes = Math.max(0, ...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  const failedSyncs = syncs.filter((s) => s.error !== null).length;
  return {
    label,
    kind,
    result,
    syncs,
    sim: payloadOf(syncs),
    largestSyncBytes,
    failedSyncs,
    underLimits:
      failedSyncs === 0 &&
      syncs.every(
        (s) => s.requestBytes < EXCEL_LIMITS.requestBytes && s.responseBytes < EXCEL_LIMITS.responseBytes,
      ),
    syncsWithinGoal:
      result.stats.readSyncs <= SYNC_GOAL.readSyncs && result.stats.writeSyncs <= SYNC_GOAL.writeSyncs,
  };
}

export const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;

/** One line per command, for the jest report. */
export function figuresLine(f: CommandFigures): string {
  const s = f.result.stats;
  return (
    `${f.label.padEnd(16)} syncs ${s.readSyncs} read + ${s.writeSyncs} write (sim ${f.syncs.length}); ` +
    `request ${kb(s.requestBytes)} est / ${kb(f.sim.requestBytes)} sim; ` +
    `response ${kb(s.responseBytes)} est / ${kb(f.sim.responseBytes)} sim; largest sync ${kb(f.largestSyncBytes)}; ` +
    `${s.cellsRead} cells read, ${s.cellsWritten} written; ${s.ms} ms`
  );
}
