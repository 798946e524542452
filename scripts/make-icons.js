#!/usr/bin/env node
/**
 * Draws the add-in's icons as PNGs with no image tools: each glyph is a list of shapes in a unit
 * square, rasterised with 6×6 supersampling for anti-aliasing and written with zlib. Run
 * `node scripts/make-icons.js` after changing a glyph; the PNGs in assets/ are committed.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BRAND = [0x0f, 0x6c, 0xbd];
const BRAND_DARK = [0x0c, 0x3b, 0x5e];
const GREY = [0x61, 0x61, 0x61];
const WHITE = [0xff, 0xff, 0xff];

// Shapes: inside(x, y) in unit coordinates, a colour and an opacity.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const rect = (x0, y0, x1, y1) => roundRect(x0, y0, x1, y1, 0);
/** A stroke through points with round caps and joins. */
const polyline = (pts, w) => (x, y) => {
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    const px = ax + t * vx - x;
    const py = ay + t * vy - y;
    if (px * px + py * py <= (w / 2) * (w / 2)) return true;
  }
  return false;
};
const ring = (cx, cy, r, w) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r + w / 2 && d >= r - w / 2;
};
const outline = (x0, y0, x1, y1, w) => (x, y) =>
  rect(x0, y0, x1, y1)(x, y) && !rect(x0 + w, y0 + w, x1 - w, y1 - w)(x, y);

const CHECK = [
  [0.28, 0.5],
  [0.43, 0.65],
  [0.73, 0.35],
];

/** Each glyph: (size) => layers, so small sizes can drop detail and thicken strokes. */
const GLYPHS = {
  // The add-in: a brand tile with a check mark and, from 32 px up, a progress bar under it.
  shinchoku: (s) => {
    const w = s <= 16 ? 0.14 : 0.1;
    const layers = [{ shape: roundRect(0.04, 0.04, 0.96, 0.96, 0.18), color: BRAND }];
    if (s <= 16) return [...layers, { shape: polyline(CHECK, w), color: WHITE }];
    const check = CHECK.map(([x, y]) => [x, y - 0.08]);
    return [
      ...layers,
      { shape: polyline(check, w), color: WHITE },
      { shape: roundRect(0.22, 0.7, 0.78, 0.78, 0.04), color: WHITE, alpha: 0.4 },
      { shape: roundRect(0.22, 0.7, 0.62, 0.78, 0.04), color: WHITE },
    ];
  },
  // 検証: a check in a circle.
  validate: (s) => {
    const w = s <= 16 ? 0.12 : 0.085;
    return [
      { shape: ring(0.5, 0.5, 0.4, w), color: BRAND },
      { shape: polyline(CHECK, w * 1.1), color: BRAND },
    ];
  },
  // 計算欄を記入: a sheet grid whose right-hand column (the computed one) is filled.
  fill: (s) => {
    const w = s <= 16 ? 0.08 : 0.055;
    return [
      { shape: rect(0.62, 0.12, 0.9, 0.88), color: BRAND },
      { shape: outline(0.1, 0.12, 0.9, 0.88, w), color: GREY },
      { shape: rect(0.36 - w / 2, 0.12, 0.36 + w / 2, 0.88), color: GREY },
      { shape: rect(0.1, 0.37 - w / 2, 0.62, 0.37 + w / 2), color: GREY },
      { shape: rect(0.1, 0.63 - w / 2, 0.62, 0.63 + w / 2), color: GREY },
      { shape: rect(0.62, 0.37 - w / 2, 0.9, 0.37 + w / 2), color: WHITE },
      { shape: rect(0.62, 0.63 - w / 2, 0.9, 0.63 + w / 2), color: WHITE },
    ];
  },
  // 集計シート作成: a bar chart on a baseline.
  summary: (s) => {
    const w = s <= 16 ? 0.08 : 0.055;
    return [
      { shape: rect(0.18, 0.5, 0.34, 0.84), color: BRAND },
      { shape: rect(0.42, 0.32, 0.58, 0.84), color: BRAND_DARK },
      { shape: rect(0.66, 0.14, 0.82, 0.84), color: BRAND },
      { shape: rect(0.08, 0.88 - w / 2, 0.92, 0.88 + w / 2), color: GREY },
    ];
  },
};

const SS = 6;

function render(layers, size) {
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxi + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          // Composite the layers front to back over transparent, premultiplied.
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          for (const l of layers) {
            if (!l.shape(x, y)) continue;
            const la = l.alpha ?? 1;
            cr = l.color[0] * la + cr * (1 - la);
            cg = l.color[1] * la + cg * (1 - la);
            cb = l.color[2] * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = SS * SS;
      const o = (py * size + pxi) * 4;
      const alpha = a / n;
      px[o] = alpha ? Math.round(r / n / alpha) : 0;
      px[o + 1] = alpha ? Math.round(g / n / alpha) : 0;
      px[o + 2] = alpha ? Math.round(b / n / alpha) : 0;
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Sizes per glyph: ribbon buttons use 16/32/80; the add-in icon also 64, because the manifest's
 * IconUrl must be 32×32 and HighResolutionIconUrl 64×64 (Microsoft's IconUrl and
 * HighResolutionIconUrl element references; test/manifest checks the PNG headers).
 */
const SIZES = {
  shinchoku: [16, 32, 64, 80],
  validate: [16, 32, 80],
  fill: [16, 32, 80],
  summary: [16, 32, 80],
};

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const [name, sizes] of Object.entries(SIZES)) {
  for (const size of sizes) {
    const file = path.join(outDir, `${name}-${size}.png`);
    fs.writeFileSync(file, png(render(GLYPHS[name](size), size), size));
    console.log(path.relative(process.cwd(), file));
  }
}
