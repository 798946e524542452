/**
 * The preview server is a local tool (issue 16 point 5): a request it cannot decode is answered 400
 * and the server goes on; a Host header that does not name this machine (DNS rebinding) is refused.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer, isLocalHost } = require("./server") as {
  startPreviewServer(o: {
    paneDir: string;
    pageDir: string;
    port: number;
    workbook: { name: string; data: Buffer };
  }): Promise<{ port: number; close(): Promise<void> }>;
  isLocalHost(h: string | undefined): boolean;
};

let server: { port: number; close(): Promise<void> };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-"));

beforeAll(async () => {
  server = await startPreviewServer({
    paneDir: dir,
    pageDir: dir,
    port: 0,
    workbook: { name: "a.xlsx", data: Buffer.from("PK-workbook") },
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One raw HTTP/1.1 request (the path sent as written, no client-side checks); the status code. */
function rawGet(target: string, host: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(server.port, "127.0.0.1");
    let data = "";
    sock.setEncoding("latin1");
    sock.on("data", (d) => (data += d));
    sock.on("error", reject);
    sock.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf("\r\n\r\n") + 4) });
    });
    const hostLine = host === null ? "" : `Host: ${host}\r\n`;
    sock.write(`GET ${target} HTTP/1.1\r\n${hostLine}Connection: close\r\n\r\n`);
  });
}

describe("preview server", () => {
  test.each(["/%E0%A4%A", "/a%00b", "/preview/%ZZ", "/pane/%E0%A4%A"])(
    "%s answers 400 and the server lives",
    async (p) => {
      expect((await rawGet(p, `localhost:${server.port}`)).status).toBe(400);
      expect((await rawGet("/preview/info.json", `localhost:${server.port}`)).status).toBe(200);
    },
  );

  test.each(["localhost", "LOCALHOST:3100", "127.0.0.1", "[::1]"])("Host %s is served", async (h) => {
    const r = await rawGet(
      "/workbook.xlsx",
      h.includes(":") && !h.startsWith("[") ? h : `${h}:${server.port}`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toContain("PK-workbook");
  });

  test.each(["evil.example:3100", "localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.1", "[::2]:80", ""])(
    "Host %j is refused with 403 (DNS rebinding)",
    async (h) => {
      const r = await rawGet("/workbook.xlsx", h);
      expect(r.status).toBe(403);
      expect(r.body).not.toContain("PK-workbook");
    },
  );

  test("a request without a Host header is refused", async () => {
    // HTTP/1.1 requires Host; Node answers 400 itself. Either way nothing is served.
    const r = await rawGet("/workbook.xlsx", null);
    expect([400, 403]).toContain(r.status);
    expect(r.body).not.toContain("PK-workbook");
  });

  test("host names", () => {
    expect(isLocalHost("localhost:65535")).toBe(true);
    expect(isLocalHost("localhost:65536")).toBe(false);
    expect(isLocalHost(undefined)).toBe(false);
  });
});
