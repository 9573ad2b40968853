'use strict';

// The documentation a user or maintainer reads: README.md and docs/*.md. Every link to a heading
// (`#anchor`, in the same file or in another) must reach one, and every link to a file of the
// repository must find it, so moving or renaming a section cannot silently break a reference.
// Anchors are computed as GitHub renders them (where these files are read).
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const { ROOT, steps, readSchema } = require('./helpers/metadata');

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

// ---- README.md: the flow designer first, then the reference in elastic.io's order ------------------

/**
 * The sections of a Markdown file, in order: level, title, the line range [from, to) up to the next
 * heading of the same or a higher level, and the text of that range (code blocks included).
 */
function sectionsOf(file) {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  let fence = null;
  const headings = [];
  lines.forEach((line, at) => {
    const marker = /^\s*(```|~~~)/.exec(line);
    if (marker) fence = fence ? (fence === marker[1] ? null : fence) : marker[1];
    const match = !fence && !marker && /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (match) headings.push({ at, level: match[1].length, title: match[2] });
  });
  return headings.map(({ at, level, title }, i) => {
    const next = headings.slice(i + 1).find((h) => h.level <= level);
    const to = next ? next.at : lines.length;
    return { level, title, from: at, to, body: lines.slice(at + 1, to).join('\n') };
  });
}

const README = 'README.md';
const readme = () => fs.readFileSync(path.join(ROOT, README), 'utf8');
const sections = () => sectionsOf(README);
const section = (level, title) => sections().find((s) => s.level === level && s.title === title);
/** The sections one level below `parent` within it, in order. */
const childrenOf = (parent) => sections().filter((s) => s.level === parent.level + 1 && s.from > parent.from && s.from < parent.to);

/** elastic.io's component READMEs: Description, Credentials, Triggers, Actions, Known limitations; the walkthrough and Troubleshooting slot in. */
const TOP_SECTIONS = ['Description', 'First flow in ten minutes', 'Credentials', 'Triggers', 'Actions', 'Known limitations', 'Troubleshooting'];
/** Each step's section, in the platform's order; Limits is optional and comes last. */
const STEP_SECTIONS = ['Configuration Fields', 'Input Metadata', 'Output Metadata'];

describe('README.md: the flow designer first', () => {
  it(`has the sections ${TOP_SECTIONS.join(', ')}, in that order`, () => {
    const found = sections().filter((s) => s.level === 2).map((s) => s.title).filter((t) => TOP_SECTIONS.includes(t));
    expect(found).to.deep.equal(TOP_SECTIONS);
  });

  it('links the maintainers\' document before the first section and again in the last one', () => {
    const text = readme();
    const link = '](docs/DEVELOPMENT.md)';
    expect(text.slice(0, text.indexOf('\n## ')), 'the lines above the first section').to.include(link);
    expect(sections().filter((s) => s.level === 2).pop().body, 'the last section').to.include(link);
  });

  it('keeps the two commands that set up a fresh machine: the offline demo and the tests', () => {
    const text = readme();
    const fenced = [...text.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
    expect(fenced).to.match(/^npm install && npm start\b/m);
    expect(fenced).to.match(/^npm install && npm test\b/m);
  });

  it('walks through a first flow: the Azure app, the deployment, the credential, a polling flow, a mapping, the schedule and starting over', () => {
    const walk = section(2, 'First flow in ten minutes');
    expect(walk, 'a "## First flow in ten minutes" section').to.not.equal(undefined);
    const text = walk.body;
    for (const fact of [
      'https://{your-tenant}.elastic.io/callback/oauth2', // the redirect URI to register
      'Directory (tenant) ID', // single-tenant apps need it, not common
      'adminconsent?client_id=', // how an administrator consents
      'git remote add elasticio', 'git push elasticio',
      'MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET', 'Environment variables',
      'Poll for New Mail', 'Start time', 'Retrieve sample',
      '`from.emailAddress.address`', '`"Re: " & subject`',
      'CRON', 'Reset Snapshot',
    ]) expect(text, fact).to.include(fact);
  });

  it('lists every trigger and action of component.json in the step table, linking to its section', () => {
    const table = section(2, 'Description').body;
    for (const { kind, def } of steps) {
      const row = table.split('\n').find((line) => line.startsWith(`| [${def.title}](#${slug(def.title)}) |`));
      expect(row, `a row for ${def.title} in the Description's step table`).to.not.equal(undefined);
      expect(row.toLowerCase(), `${def.title} is a ${kind}`).to.include(kind);
    }
  });

  for (const { kind, name, def } of steps) {
    describe(`${def.title} (${name})`, () => {
      const own = () => {
        const parent = section(2, kind === 'trigger' ? 'Triggers' : 'Actions');
        return parent && childrenOf(parent).find((s) => s.title === def.title);
      };
      const part = (title) => childrenOf(own()).find((s) => s.title === title).body;
      const named = (text, key) => new RegExp(`\`${key}(\`| )`).test(text);

      it(`has its section under ${kind === 'trigger' ? 'Triggers' : 'Actions'}, with ${STEP_SECTIONS.join(', ')} in that order, Limits last if any`, () => {
        expect(own(), `"### ${def.title}" under "## ${kind === 'trigger' ? 'Triggers' : 'Actions'}"`).to.not.equal(undefined);
        const titles = childrenOf(own()).map((s) => s.title);
        expect(titles.filter((t) => t !== 'Limits')).to.deep.equal(STEP_SECTIONS);
        if (titles.includes('Limits')) expect(titles[titles.length - 1]).to.equal('Limits');
      });

      it('names each of its configuration fields', () => {
        const missing = Object.keys(def.fields || {}).filter((key) => !named(part('Configuration Fields'), key));
        expect(missing, 'fields of component.json missing from Configuration Fields').to.deep.equal([]);
      });

      for (const [direction, title] of [['in', 'Input Metadata'], ['out', 'Output Metadata']]) {
        it(`names each property of its ${direction} metadata under ${title}`, () => {
          const schema = def.metadata && def.metadata[direction] ? readSchema(def.metadata[direction]) : { properties: {} };
          const missing = Object.keys(schema.properties || {}).filter((key) => !named(part(title), key));
          expect(missing, `properties of the ${direction} schema missing from ${title}`).to.deep.equal([]);
        });
      }
    });
  }
});
