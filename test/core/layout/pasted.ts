import * as fs from "fs";
import * as path from "path";
import type { SheetSnapshot } from "../../../src/core/grid/cell";

export const SEED_PATH = path.resolve(__dirname, "../../seed/000_a391ef16ffd16767.txt");

/** The seed pasted at A1 the way Excel does it: tabs split cells, "1,090" and "28" become numbers. */
export function pasteAsExcel(
  text: string,
  name = "貼り付け",
  opts: { numbers?: boolean } = {},
): SheetSnapshot {
  const numbers = opts.numbers ?? true;
  const values = text
    .replace(/\r/g, "")
    .split("\n")
    .map((line) =>
      line.split("\t").map((cell) => {
        if (cell === "") return null;
        if (numbers && /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(cell)) return Number(cell.replace(/,/g, ""));
        return cell;
      }),
    );
  return { name, originRow: 0, originCol: 0, values };
}

export function seedText(): string {
  return fs.readFileSync(process.env.SHINCHOKU_SEED ?? SEED_PATH, "utf8");
}
