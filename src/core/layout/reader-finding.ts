import type { Finding } from "../model/finding";
import { toA1 } from "../grid/address";

/** A finding raised while reading; its severity is settled by the rule registry afterwards. */
export function readerFinding(
  code: string,
  sheet: string,
  row: number,
  col: number,
  params: Finding["params"],
  itemNo: string | null = null,
): Finding {
  return { code, severity: "error", itemNo, sheet, cell: toA1(row, col), params };
}
