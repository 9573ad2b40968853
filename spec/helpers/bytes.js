'use strict';

// Files of any size without holding them: bytes computed from their position and a seed, so a
// 140 MB file can be sent, stored and compared by hash with only a chunk in memory.
const crypto = require('node:crypto');
const { Readable } = require('node:stream');

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** The bytes [offset, offset + length) of the pattern file `seed`. */
function patternBytes(seed, offset, length) {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i += 1) {
    const at = offset + i;
    // Changes with every byte and every 256-byte block, so a shifted or repeated range shows in the hash.
    bytes[i] = (at * 31 + Math.floor(at / 256) * 7 + seed * 13) & 0xff;
  }
  return bytes;
}

/** A fresh stream of the pattern file `seed` of `size` bytes; `options.failAfter` fails it after so many bytes. */
function patternStream(size, seed = 1, options = {}) {
  let offset = 0;
  return new Readable({
    read() {
      if (options.failAfter !== undefined && offset >= options.failAfter) {
        this.destroy(Object.assign(new Error('source reset'), { code: 'ECONNRESET' }));
        return;
      }
      if (offset >= size) {
        this.push(null);
        return;
      }
      const length = Math.min(CHUNK, size - offset, options.failAfter !== undefined ? options.failAfter - offset : Infinity);
      this.push(patternBytes(seed, offset, length));
      offset += length;
    },
  });
}

async function sha256Of(stream) {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

const patternHashes = new Map();
/** The hash of the pattern file, computed once per (size, seed). */
async function patternSha256(size, seed = 1) {
  const key = `${size}:${seed}`;
  if (!patternHashes.has(key)) patternHashes.set(key, (await sha256Of(patternStream(size, seed))).sha256);
  return patternHashes.get(key);
}

module.exports = { MiB, patternBytes, patternStream, patternSha256, sha256Of };
