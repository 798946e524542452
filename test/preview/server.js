/**
 * The preview's HTTP server (127.0.0.1 only):
 *   /                       the preview page (grid, sync meter, download, the pane in an iframe)
 *   /preview/*              its bundle, stylesheet and the Office shim for the pane
 *   /exceljs.min.js         ExcelJS for the browser, from node_modules
 *   /pane/*                 the real task pane build; taskpane.html has office.js from Microsoft's
 *                           CDN replaced by /preview/office-shim.js, nothing else changed
 *   /workbook.xlsx          the workbook under preview; /preview/info.json its name
 */
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const HERE = __dirname;
const OFFICE_CDN_TAG =
  /<script\s+src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"\s*><\/script>/;
const SHIM_TAG = '<script src="/preview/office-shim.js"></script>';

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const PAGE_HTML = `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Shinchoku preview</title>
    <link rel="stylesheet" href="/preview/preview.css" />
    <script src="/exceljs.min.js"></script>
    <script src="/preview/preview.js" defer></script>
  </head>
  <body>
    <div id="preview" data-testid="preview"><p class="pv-loading">Loading the workbook…</p></div>
  </body>
</html>
`;

/** Serves a file from `dir`, never outside it. */
function fileUnder(dir, rel) {
  const p = path.resolve(dir, "." + path.posix.normalize("/" + rel));
  return p === dir || p.startsWith(dir + path.sep) ? p : null;
}

/**
 * The Host header names this machine: localhost, 127.0.0.1 or [::1], with or without a port. Any
 * other name is refused, so that a page using DNS rebinding cannot read the workbook under preview.
 */
function isLocalHost(host) {
  if (typeof host !== "string") return false;
  const m = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i.exec(host.trim());
  return !!m && (m[2] === undefined || Number(m[2]) <= 65535);
}

/**
 * The decoded path of a request, or null for one that cannot be decoded (`/%E0%A4%A`) or that holds
 * a NUL (`/a%00b`): answered 400, the server goes on.
 */
function requestPath(raw) {
  let p;
  try {
    p = decodeURIComponent(new URL(raw ?? "/", "http://localhost").pathname);
  } catch {
    return null;
  }
  return p.includes("\0") ? null : p;
}

/**
 * Starts the server. `workbook` is { name, data: Buffer } (or use setWorkbook later); port 0 picks a
 * free one. Resolves to { url, port, server, setWorkbook(name, data), close() }.
 */
function startPreviewServer({ paneDir, pageDir, workbook = null, port = 3100, host = "127.0.0.1" }) {
  let current = workbook;
  const exceljs = require.resolve("exceljs/dist/exceljs.min.js");

  function send(res, status, body, type) {
    res.writeHead(status, {
      "Content-Type": type,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(body);
  }

  function sendFile(res, file) {
    if (!file) return send(res, 404, "not found", "text/plain; charset=utf-8");
    fs.readFile(file, (err, data) => {
      if (err) return send(res, 404, "not found", "text/plain; charset=utf-8");
      send(res, 200, data, TYPES[path.extname(file)] ?? "application/octet-stream");
    });
  }

  const server = http.createServer((req, res) => {
    // DNS rebinding: a page from elsewhere whose name now resolves to 127.0.0.1 sends its own Host.
    if (!isLocalHost(req.headers.host)) return send(res, 403, "local host names only", "text/plain");
    const p = requestPath(req.url);
    if (p === null) return send(res, 400, "bad request", "text/plain");
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "GET only", "text/plain");
    if (p === "/" || p === "/index.html") return send(res, 200, PAGE_HTML, TYPES[".html"]);
    if (p === "/exceljs.min.js") return sendFile(res, exceljs);
    if (p === "/preview/info.json")
      return send(res, 200, JSON.stringify({ name: current ? current.name : null }), TYPES[".json"]);
    if (p === "/preview/office-shim.js") return sendFile(res, path.join(HERE, "office-shim.js"));
    if (p === "/preview/preview.css") return sendFile(res, path.join(HERE, "preview.css"));
    if (p.startsWith("/preview/")) return sendFile(res, fileUnder(pageDir, p.slice("/preview/".length)));
    if (p === "/workbook.xlsx") {
      if (!current) return send(res, 404, "no workbook", "text/plain");
      return send(res, 200, current.data, TYPES[".xlsx"]);
    }
    if (p === "/pane/taskpane.html") {
      return fs.readFile(path.join(paneDir, "taskpane.html"), "utf8", (err, html) => {
        if (err) return send(res, 404, "task pane not built", "text/plain");
        if (!OFFICE_CDN_TAG.test(html))
          return send(res, 500, "taskpane.html has no office.js CDN script tag to replace", "text/plain");
        send(res, 200, html.replace(OFFICE_CDN_TAG, SHIM_TAG), TYPES[".html"]);
      });
    }
    if (p.startsWith("/pane/")) return sendFile(res, fileUnder(paneDir, p.slice("/pane/".length)));
    if (p === "/favicon.ico") return sendFile(res, path.join(paneDir, "assets", "shinchoku-32.png"));
    return send(res, 404, "not found", "text/plain");
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://localhost:${actual}/`,
        /** The same, by address (what the browser tests open). */
        ipUrl: `http://127.0.0.1:${actual}/`,
        port: actual,
        server,
        setWorkbook(name, data) {
          current = { name, data };
        },
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { startPreviewServer, OFFICE_CDN_TAG, isLocalHost, requestPath };
