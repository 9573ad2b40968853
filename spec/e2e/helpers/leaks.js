'use strict';

// Proves that no log line printed by sailor (component and sailor loggers, stdout and stderr)
// holds a token or the client secret. Any 24-character piece of a known secret counts (a
// truncated token is still a leak), and so do shapes of Microsoft tokens and bearer headers that no
// known value covers (e.g. a token refreshed but never persisted).
const FRAGMENT = 24;

const TOKEN_SHAPES = [
  { label: 'an Authorization: Bearer value', pattern: /Bearer\s+[A-Za-z0-9._~+/-]{16,}/i },
  { label: 'something shaped like a Microsoft access token (EwB...)', pattern: /EwB[A-Za-z0-9_-]{40,}/ },
  { label: 'something shaped like a Microsoft refresh token (1.AXEA... / 0.AXEA...)', pattern: /[01]\.AXEA[A-Za-z0-9_-]{40,}/ },
  { label: 'a refresh_token field with a value', pattern: /refresh_token["']?\s*[:=]\s*["']?[A-Za-z0-9._-]{12,}/ },
  { label: 'an access_token field with a value', pattern: /access_token["']?\s*[:=]\s*["']?[A-Za-z0-9._-]{12,}/ },
  { label: 'a client_secret field with a value', pattern: /client_secret["']?\s*[:=]\s*["']?[A-Za-z0-9._-]{8,}/ },
];

/** Every FRAGMENT-character window of every secret, so that any piece of one is recognised. */
function windowsOf(secrets) {
  const windows = new Map();
  for (const [value, label] of secrets) {
    if (value.length <= FRAGMENT) {
      windows.set(value, label);
      continue;
    }
    for (let i = 0; i + FRAGMENT <= value.length; i += 1) windows.set(value.slice(i, i + FRAGMENT), label);
  }
  return windows;
}

/**
 * @param {{source: string, lines: string[]}[]} logs
 * @param {Map<string, string>} secrets value -> what it is
 * @returns {string[]} one description per leaking line (the secret itself is never repeated)
 */
function findLeaks(logs, secrets) {
  const found = [];
  const windows = windowsOf(secrets);
  const short = [...secrets].filter(([value]) => value.length <= FRAGMENT);
  for (const { source, lines } of logs) {
    lines.forEach((line, index) => {
      const hits = new Set();
      const spans = [];
      for (let i = 0; i + FRAGMENT <= line.length; i += 1) {
        const label = windows.get(line.slice(i, i + FRAGMENT));
        if (label) {
          hits.add(label);
          spans.push([i, i + FRAGMENT]);
        }
      }
      for (const [value, label] of short) if (line.includes(value)) hits.add(label);
      for (const { pattern, label } of TOKEN_SHAPES) if (pattern.test(line)) hits.add(label);
      if (hits.size) {
        let redacted = line;
        for (const [from, to] of spans.reverse()) redacted = `${redacted.slice(0, from)}${'*'.repeat(to - from)}${redacted.slice(to)}`;
        for (const [value] of short) redacted = redacted.split(value).join('<SECRET>');
        found.push(`${source}, line ${index + 1}: ${[...hits].join('; ')}\n    ${redacted.slice(0, 400)}`);
      }
    });
  }
  return found;
}

/** Collects the log lines of every sailor process a spec file starts. */
class LogBook {
  constructor() {
    this.logs = [];
  }

  /** `lines` is a function: a process keeps logging until it exits. */
  add(source, lines) {
    this.logs.push({ source, lines });
  }

  snapshot() {
    return this.logs.map(({ source, lines }) => ({ source, lines: lines() }));
  }

  lineCount() {
    return this.snapshot().reduce((sum, l) => sum + l.lines.length, 0);
  }

  leaks(secrets) {
    return findLeaks(this.snapshot(), secrets);
  }
}

module.exports = { findLeaks, LogBook };
