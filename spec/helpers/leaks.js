'use strict';

// Finds secrets (access and refresh tokens, authorization codes, the client secret, bearer
// headers) and mail bodies in what a component produced: log lines, error messages and stacks,
// emitted messages, snapshots. Used by spec/no-secrets.spec.js on chaos runs and step runs, and
// meant for the e2e suite too, on sailor's output:
//
//   const { findLeaks, needlesFor, describeLeaks } = require('../helpers/leaks');
//   const hits = findLeaks(lines, needlesFor({ secrets: { 'an access token': [at], 'the client secret': [secret] } }));
//   expect(hits, describeLeaks(hits)).to.deep.equal([]);
//
// A secret counts as leaked when any FRAGMENT-character piece of it appears (a truncated token
// is still a leak). Reports never repeat the secret: excerpts are masked.

/** Length of the pieces of a secret that are looked for. */
const FRAGMENT = 24;
/** Values shorter than this are refused as needles: they would match by chance. */
const MIN_SECRET = 8;
/** Characters of tokens, codes and secrets as Azure AD and the emulator issue them. */
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]+$/;
const TOKEN_RUNS = /[A-Za-z0-9._~+/=-]{24,}/g;

/** Shapes that are a leak whatever the value: no log line or error has a reason to hold them. */
const GENERIC_NEEDLES = [
  { label: 'a Bearer credential', pattern: /Bearer\s+[A-Za-z0-9._~+/=-]{10,}/i },
  { label: 'an Authorization header', pattern: /\bAuthorization\b["']?\s*[:=]/i },
  { label: 'a token or secret field with a value', pattern: /\b(access_token|refresh_token|id_token|client_secret|client_assertion)\b["']?\s*[:=]\s*["']?[A-Za-z0-9._~+/-]{8,}/i },
  { label: 'an authorization code parameter', pattern: /[?&]code=[A-Za-z0-9._~+/-]{16,}/ },
];

/**
 * Needles from known values, plus GENERIC_NEEDLES.
 * @param {object} o
 * @param {Record<string, Iterable<string>>} [o.secrets] label -> values, looked for in every text
 * @param {Record<string, Iterable<string>>} [o.private] label -> values that may appear in emitted
 *   messages but never in logs or errors (mail bodies: put a unique marker into them)
 * @param {boolean} [o.generic=true]
 */
function needlesFor({ secrets = {}, private: privateValues = {}, generic = true } = {}) {
  const needles = generic ? [...GENERIC_NEEDLES] : [];
  for (const [label, values] of Object.entries(secrets)) needles.push({ label, values: [...values] });
  for (const [label, values] of Object.entries(privateValues)) needles.push({ label, values: [...values], kinds: ['log', 'error'] });
  return needles;
}

/** Texts in any of the shapes callers have: strings, {text, source, kind}, or {source, lines}. */
function normaliseTexts(texts) {
  const out = [];
  (Array.isArray(texts) ? texts : [texts]).forEach((entry, index) => {
    if (typeof entry === 'string') out.push({ source: `text ${index + 1}`, kind: undefined, text: entry });
    else if (entry && Array.isArray(entry.lines)) {
      entry.lines.forEach((line, i) => out.push({ source: `${entry.source || `text ${index + 1}`}, line ${i + 1}`, kind: entry.kind, text: String(line) }));
    } else if (entry && entry.text !== undefined) {
      out.push({ source: entry.source || `text ${index + 1}`, kind: entry.kind, text: typeof entry.text === 'string' ? entry.text : JSON.stringify(entry.text) });
    } else {
      throw new TypeError(`findLeaks: cannot read text ${index + 1}: give strings, {text, source, kind} or {source, lines}`);
    }
  });
  return out;
}

/** Needles in any of the shapes: a string, a RegExp, {label, value|values|pattern, kinds}. */
function normaliseNeedles(needles) {
  const list = needles instanceof Map ? [...needles].map(([value, label]) => ({ label, value })) : [...needles];
  return list.map((needle) => {
    if (typeof needle === 'string') return { label: 'a secret', values: [needle] };
    if (needle instanceof RegExp) return { label: `text matching ${needle}`, pattern: needle };
    const values = needle.values ? [...needle.values] : needle.value !== undefined ? [needle.value] : [];
    return { label: needle.label || 'a secret', values, pattern: needle.pattern, kinds: needle.kinds };
  });
}

/** Compiles the value needles: a map of every FRAGMENT-character piece, and short or odd values whole. */
function compile(needles) {
  const pieces = new Map();
  const whole = [];
  for (const needle of needles) {
    for (const raw of needle.values || []) {
      if (typeof raw !== 'string' || raw.length < MIN_SECRET) continue;
      if (raw.length > FRAGMENT && TOKEN_CHARS.test(raw)) {
        for (let i = 0; i + FRAGMENT <= raw.length; i += 1) pieces.set(raw.slice(i, i + FRAGMENT), needle);
      } else {
        whole.push({ value: raw, needle });
      }
    }
  }
  return { pieces, whole, patterns: needles.filter((n) => n.pattern) };
}

const applies = (needle, kind) => !needle.kinds || (kind !== undefined && needle.kinds.includes(kind));

/** Masks [from, to) spans of `text`. */
function mask(text, spans) {
  let out = text;
  for (const [from, to] of spans.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, from)}${'*'.repeat(Math.min(8, to - from))}${out.slice(to)}`;
  return out;
}

/** A short excerpt around the first hit, with every hit masked. */
function excerpt(text, spans) {
  const first = Math.min(...spans.map(([from]) => from));
  const start = Math.max(0, first - 60);
  const cut = spans.filter(([from]) => from >= start).map(([from, to]) => [from - start, to - start]);
  return mask(text.slice(start, start + 400), cut).replace(/\s+/g, ' ');
}

/**
 * @param {Array<string|{text: string, source?: string, kind?: string}|{source: string, lines: string[]}>} texts
 *   kind: 'log' | 'error' | 'data' | 'snapshot' | ... (needles with `kinds` only look at those)
 * @param {Array<string|RegExp|{label?: string, value?: string, values?: string[], pattern?: RegExp, kinds?: string[]}>|Map<string, string>} needles
 *   a Map is value -> label (the e2e helper's shape)
 * @returns {{source: string, kind?: string, labels: string[], excerpt: string}[]} one entry per text that leaks
 */
function findLeaks(texts, needles) {
  const { pieces, whole, patterns } = compile(normaliseNeedles(needles));
  const hits = [];
  for (const { source, kind, text } of normaliseTexts(texts)) {
    const labels = new Set();
    const spans = [];
    if (pieces.size) {
      for (const run of text.matchAll(TOKEN_RUNS)) {
        for (let i = 0; i + FRAGMENT <= run[0].length; i += 1) {
          const needle = pieces.get(run[0].slice(i, i + FRAGMENT));
          if (needle && applies(needle, kind)) {
            labels.add(needle.label);
            spans.push([run.index + i, run.index + i + FRAGMENT]);
          }
        }
      }
    }
    for (const { value, needle } of whole) {
      if (!applies(needle, kind)) continue;
      for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
        labels.add(needle.label);
        spans.push([at, at + value.length]);
      }
    }
    for (const needle of patterns) {
      if (!applies(needle, kind)) continue;
      const global = new RegExp(needle.pattern.source, needle.pattern.flags.includes('g') ? needle.pattern.flags : `${needle.pattern.flags}g`);
      for (const m of text.matchAll(global)) {
        labels.add(needle.label);
        spans.push([m.index, m.index + m[0].length]);
      }
    }
    if (labels.size) hits.push({ source, kind, labels: [...labels], excerpt: excerpt(text, spans) });
  }
  return hits;
}

/** One line per hit, for assertion messages. */
function describeLeaks(hits, max = 20) {
  const lines = hits.slice(0, max).map((h) => `${h.source}${h.kind ? ` (${h.kind})` : ''}: ${h.labels.join('; ')}\n    ${h.excerpt}`);
  if (hits.length > max) lines.push(`... and ${hits.length - max} more`);
  return lines.join('\n');
}

/**
 * Gathers what steps produce, for findLeaks: `context()` gives a stand-in for the sailor's `this`
 * whose logger and emit are recorded; `sailorRun(result)` takes spec/helpers/sailor.js runStep's
 * result; `add(kind, source, text)` takes anything else (e.g. a caught error).
 */
class LeakCollector {
  constructor() {
    this.texts = [];
  }

  add(kind, source, text) {
    this.texts.push({ kind, source, text: typeof text === 'string' ? text : JSON.stringify(text) });
  }

  error(source, err) {
    this.add('error', source, err instanceof Error ? `${err.message}\n${err.stack}` : String(err));
  }

  /** updateKeys is the credential store: it holds tokens by design and is not scanned. */
  emitted(source, event, payload) {
    if (event === 'error') this.error(source, payload);
    else if (event === 'data' || event === 'snapshot' || event === 'updateSnapshot' || event === 'rebound' || event === 'httpReply') this.add(event === 'data' ? 'data' : 'snapshot', source, payload);
  }

  context(source, onEmit) {
    const log = (level) => (message) => this.add('log', `${source} ${level}`, String(message));
    return {
      logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug'), trace: log('trace') },
      emit: async (event, payload) => {
        this.emitted(source, event, payload);
        if (onEmit) await onEmit(event, payload);
      },
    };
  }

  sailorRun(source, result) {
    for (const record of result.logs) this.add('log', `${source} sailor log`, JSON.stringify(record));
    for (const { event, payload } of result.events) this.emitted(source, event, payload);
  }
}

module.exports = { findLeaks, describeLeaks, needlesFor, LeakCollector, GENERIC_NEEDLES, FRAGMENT };
