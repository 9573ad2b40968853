'use strict';

// The emulator's seeded PRNG with the helpers the chaos harness needs. Every random choice of a
// chaos run comes from one of these, so the same seed gives the same run.
const { createRng } = require('../../lib/emulator/rng');

function hash32(...parts) {
  // FNV-1a over the decimal parts, then a final avalanche: independent streams per label.
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function createPrng(seed) {
  const rng = createRng(seed);
  const { next } = rng;
  const prng = {
    seed,
    ...rng,
    // No draw for an impossible event, so turning a fault off does not shift the other draws.
    chance: (p) => p > 0 && rng.chance(p),
    /** Picks a key of `weights` ({a: 3, b: 1}) with probability proportional to its weight. */
    weighted(weights) {
      const entries = Object.entries(weights).filter(([, w]) => w > 0);
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let at = next() * total;
      for (const [key, w] of entries) {
        at -= w;
        if (at < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** An independent stream, named so that adding draws to one stream never shifts another. */
    fork: (label) => createPrng(hash32(seed, label)),
  };
  return prng;
}

module.exports = { createPrng, hash32 };
