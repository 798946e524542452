/** What hangs off a worksheet besides ranges: freeze panes, tables, charts (kept in the sim's state). */
import { rangeToA1 } from "../../src/core/grid/address";
import type { SimContext } from "./context";
import { simError } from "./errors";
import { intersects, mergedAreas, parseRangeLike, sheetAddress } from "./geometry";
import type { SimRange } from "./range";
import type { SimChart, SimTable } from "./state";
import type { SimWorksheet } from "./worksheet";

export class SimFreezePanes {
  constructor(
    private readonly context: SimContext,
    private readonly worksheet: SimWorksheet,
  ) {}
  private set(rows: number, cols: number): void {
    this.context.enqueue({
      describe: { freeze: this.worksheet.path, rows, cols },
      run: () => {
        // Like every other change, refused in a read-only workbook.
        if (this.worksheet.book.refusesWrites) throw simError.accessDenied(this.worksheet.path);
        const ws = this.worksheet.sheet();
        this.worksheet.book.extrasOf(ws).frozen = rows || cols ? { rows, cols } : null;
        ws.views = rows || cols ? [{ state: "frozen", xSplit: cols, ySplit: rows }] : [{ state: "normal" }];
        return undefined;
      },
    });
  }
  freezeRows(count = 1): void {
    this.set(count, 0);
  }
  freezeColumns(count = 1): void {
    this.set(0, count);
  }
  freezeAt(frozenRange: string | SimRange): void {
    const r = parseRangeLike(typeof frozenRange === "string" ? frozenRange : "A1");
    this.set(r.bottom + 1, r.right + 1);
  }
  unfreeze(): void {
    this.set(0, 0);
  }
}

export class SimTableCollection {
  constructor(
    private readonly context: SimContext,
    private readonly worksheet: SimWorksheet,
  ) {}
  add(address: string, hasHeaders: boolean): SimTableProxy {
    const spec: SimTable = {
      name: "",
      range: parseRangeLike(address),
      hasHeaders,
      style: "TableStyleMedium2",
      showFilterButton: true,
    };
    const book = this.worksheet.book;
    this.context.enqueue({
      describe: { call: "tables.add", path: this.worksheet.path, address, hasHeaders },
      run: () => {
        const ws = this.worksheet.sheet();
        if (book.refusesWrites || book.isProtected(ws))
          throw simError.accessDenied(`${this.worksheet.path}.tables.add`);
        const all = [...book.extras.values()].flatMap((e) => e.tables);
        const mine = book.extrasOf(ws).tables;
        if (mine.some((t) => intersects(t.range, spec.range)))
          throw simError.invalidOperation("A table can't overlap another table.", address);
        if (mergedAreas(ws).some((m) => intersects(m, spec.range)))
          throw simError.invalidOperation("A table can't contain merged cells.", address);
        let n = all.length + 1;
        while (all.some((t) => t.name === `Table${n}`)) n++;
        spec.name = `Table${n}`;
        mine.push(spec);
        return undefined;
      },
    });
    return new SimTableProxy(this.context, this.worksheet, spec);
  }
}

export class SimTableProxy {
  constructor(
    private readonly context: SimContext,
    private readonly worksheet: SimWorksheet,
    private readonly spec: SimTable,
  ) {}
  private edit(key: "name" | "style" | "showFilterButton", v: string | boolean): void {
    this.context.enqueue({
      describe: { set: `table.${key}`, v },
      run: () => {
        if (key === "name") {
          const taken = [...this.worksheet.book.extras.values()]
            .flatMap((e) => e.tables)
            .some((t) => t !== this.spec && t.name.toLowerCase() === String(v).toLowerCase());
          if (taken || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(String(v)))
            throw simError.invalidArgument(`table name ${String(v)}`);
        }
        (this.spec as unknown as Record<string, unknown>)[key] = v;
        return undefined;
      },
    });
  }
  set name(v: string) {
    this.edit("name", v);
  }
  set style(v: string) {
    this.edit("style", v);
  }
  set showFilterButton(v: boolean) {
    this.edit("showFilterButton", v);
  }
}

export class SimChartCollection {
  constructor(
    private readonly context: SimContext,
    private readonly worksheet: SimWorksheet,
  ) {}
  add(type: string, source: SimRange, seriesBy = "Auto"): SimChartProxy {
    const chart: SimChart = { type, source: "", seriesBy, title: null, position: null };
    this.context.enqueue({
      describe: { call: "charts.add", path: this.worksheet.path, type, seriesBy },
      run: () => {
        const ws = this.worksheet.sheet();
        if (this.worksheet.book.refusesWrites || this.worksheet.book.isProtected(ws))
          throw simError.accessDenied("charts.add");
        chart.source = sheetAddress(source.ws().name, source.box());
        this.worksheet.book.extrasOf(ws).charts.push(chart);
        return undefined;
      },
    });
    return new SimChartProxy(this.context, chart);
  }
}

export class SimChartProxy {
  readonly title: { text: string };
  constructor(
    private readonly context: SimContext,
    private readonly chart: SimChart,
  ) {
    const enqueue = (fn: () => void, describe: unknown) =>
      this.context.enqueue({ describe, run: () => void fn() });
    this.title = {
      get text() {
        return chart.title ?? "";
      },
      set text(v: string) {
        enqueue(() => (chart.title = v), { set: "chart.title.text", v });
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue({
      describe: { call: "chart.setPosition", startCell, endCell },
      run: () => {
        this.chart.position = {
          start: rangeToA1(parseRangeLike(startCell)),
          end: endCell ? rangeToA1(parseRangeLike(endCell)) : "",
        };
        return undefined;
      },
    });
  }
}
