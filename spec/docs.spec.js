'use strict';

// The documentation a user or maintainer reads: README.md and docs/*.md. Every link to a heading
// (`#anchor`, in the same file or in another) must reach one, and every link to a file of the
// repository must find it, so moving or renaming a section cannot silently break a reference.
// Anchors are computed as GitHub renders them (where these files are read).
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const { ROOT } = require('./helpers/metadata');

const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The lines of a Markdown file that are prose, not code: fenced blocks are left out. */
function proseLines(text) {
  let fence = null;
  return text.split('\n').filter((line) => {
    const marker = /^\s*(```|~~~)/.exec(line);
    if (marker) {
      if (!fence) fence = marker[1];
      else if (fence === marker[1]) fence = null;
      return false;
    }
    return !fence;
  });
}

/** GitHub's anchor for a heading: its rendered text, lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link shows its text
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** The anchors of a Markdown file, a repeated heading getting -1, -2, ... as on GitHub. */
function anchorsOf(file) {
  const seen = new Map();
  const anchors = new Set();
  for (const line of proseLines(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

/** Every inline link target of a Markdown file outside code: `[text](target)`. */
function linksOf(file) {
  const targets = [];
  for (const line of proseLines(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) targets.push(match[1]);
  }
  return targets;
}

const isExternal = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('documentation: every link resolves', () => {
  it('reads README.md and the docs folder', () => {
    expect(DOCS).to.include('README.md');
    expect(DOCS.length, 'docs/*.md').to.be.greaterThan(1);
  });

  for (const file of DOCS) {
    it(`${file}: every #anchor link names a heading of the file it points to`, () => {
      const broken = linksOf(file)
        .filter((target) => !isExternal(target) && target.includes('#'))
        .filter((target) => {
          const [relative, anchor] = target.split('#');
          const into = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), relative)) : file;
          return !fs.existsSync(path.join(ROOT, into)) || !anchorsOf(into).has(decodeURIComponent(anchor));
        });
      expect(broken, `links in ${file} to headings that do not exist`).to.deep.equal([]);
    });

    it(`${file}: every link to a file of the repository finds it`, () => {
      const missing = linksOf(file)
        .filter((target) => !isExternal(target) && !target.startsWith('#'))
        .map((target) => target.split('#')[0])
        .filter((relative) => !fs.existsSync(path.join(ROOT, path.dirname(file), relative)));
      expect(missing, `links in ${file} to files that do not exist`).to.deep.equal([]);
    });
  }

  it('the anchor rules match GitHub on headings like ours', () => {
    expect(slug('1. Register an app in Azure')).to.equal('1-register-an-app-in-azure');
    expect(slug('Scopes and why each is requested')).to.equal('scopes-and-why-each-is-requested');
    expect(slug('How "exactly once" is kept')).to.equal('how-exactly-once-is-kept');
    expect(slug('Options (`startEmulator(options)`)')).to.equal('options-startemulatoroptions');
    expect(slug('`MSAPP_CLIENT_ID` and the secret')).to.equal('msapp_client_id-and-the-secret');
    expect(slug('Poll for New and Updated Events')).to.equal('poll-for-new-and-updated-events');
  });
});

