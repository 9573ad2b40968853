// Draws logo.png (128x128 RGBA) for the component: a blue tile, a white
// envelope (mail) and a clock badge (calendar). Run: node scripts/draw-logo.js
// Only Node built-ins: shapes are signed-distance functions sampled on a grid
// of sub-pixels (supersampling gives the anti-aliasing), zlib deflates the PNG.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SS = 4; // 4x4 samples per pixel: smooth edges without a real rasteriser

// ---- Signed distances (negative inside) -----------------------------------

function roundRect(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function circle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

// Distance to a segment; used with a half-width it is a stroke with round caps.
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

// ---- Palette ---------------------------------------------------------------

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const TILE_TOP = hex('#1A64A6'); // slightly lighter top keeps the flat tile from looking dull
const TILE_BOTTOM = hex('#0F4C81');
const WHITE = hex('#FFFFFF');
const ACCENT = hex('#FFB547'); // warm accent so the calendar badge reads apart from the mail
const HANDS = hex('#0F4C81');

// ---- Geometry (pixel units on the 128 grid) ---------------------------------

const STROKE = 3.5; // half-width of the envelope outline (7 px line)
// Envelope + badge are offset so the pair, not the envelope alone, sits centred.
const ENV = { x0: 18, y0: 29, x1: 94, y1: 83, r: 7 };
const FLAP_TIP = { x: 56, y: 60 };
const BADGE = { x: 93, y: 88, r: 20 };
const GAP = 5; // ring of tile colour between badge and envelope so they do not merge

// Colour of the logo at one sample point, or null where it is transparent.
function shade(x, y) {
  if (roundRect(x, y, 0, 0, SIZE, SIZE, 26) > 0) return null; // transparent corners
  const t = y / SIZE;
  let color = TILE_TOP.map((c, i) => c + (TILE_BOTTOM[i] - c) * t);

  const nearBadge = circle(x, y, BADGE.x, BADGE.y, BADGE.r + GAP) < 0;
  const outline = Math.abs(roundRect(x, y, ENV.x0, ENV.y0, ENV.x1, ENV.y1, ENV.r)) < STROKE;
  // The flap starts a little inside the corners so its joint with the outline looks clean.
  const flap = Math.min(
    segment(x, y, ENV.x0 + 6, ENV.y0 + 6, FLAP_TIP.x, FLAP_TIP.y),
    segment(x, y, ENV.x1 - 6, ENV.y0 + 6, FLAP_TIP.x, FLAP_TIP.y),
  ) < STROKE;
  if ((outline || flap) && !nearBadge) color = WHITE;

  if (circle(x, y, BADGE.x, BADGE.y, BADGE.r) < 0) {
    color = ACCENT;
    // Two round-capped hands (12 and ~4 o'clock) make a clock that stays legible at 32 px.
    const hands = Math.min(
      segment(x, y, BADGE.x, BADGE.y, BADGE.x, BADGE.y - 11),
      segment(x, y, BADGE.x, BADGE.y, BADGE.x + 8, BADGE.y + 4),
    ) < 2.25;
    if (hands || circle(x, y, BADGE.x, BADGE.y, 3) < 0) color = HANDS;
  }
  return color;
}

// ---- Rasterise: average premultiplied samples, then store straight alpha ---

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1)); // each PNG row starts with filter byte 0
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = shade(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 1;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const a = sum[3];
    for (let i = 0; i < 3; i++) rows[o + i] = a ? Math.round(sum[i] / a) : 0;
    rows[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

// ---- PNG encoding ------------------------------------------------------------

// CRC-32 by hand: zlib.crc32 only exists from Node 20.15, and the dev scripts also run on earlier Node 20 releases.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type RGBA
// bytes 10-12: compression, filter, interlace all 0

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(__dirname, '..', 'logo.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
