import { PassThrough } from "stream";
import { startProgress } from "../../src/cli/progress";
import { bufferIO } from "../../src/cli/io";

describe("progress bar", () => {
  const tty = () => {
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 80,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let text = "";
    stream.on("data", (d: Buffer) => (text += d.toString()));
    return { stream, text: () => text };
  };

  it("draws on a terminal for several files", () => {
    const t = tty();
    const io = { ...bufferIO(), errIsTTY: true, errStream: t.stream };
    const bar = startProgress(3, io, true);
    bar.tick("a.xlsx");
    bar.tick("b.xlsx");
    bar.stop();
    expect(t.text()).toContain("/3");
  });

  it("stays silent for one file, off a terminal, or with --no-progress", () => {
    const t = tty();
    for (const [n, isTTY, enabled] of [
      [1, true, true],
      [5, false, true],
      [5, true, false],
    ] as const) {
      const bar = startProgress(n, { ...bufferIO(), errIsTTY: isTTY, errStream: t.stream }, enabled);
      bar.tick("x.xlsx");
      bar.stop();
    }
    expect(t.text()).toBe("");
  });
});
