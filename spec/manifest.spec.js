'use strict';

// component.json and the step schemas are generated (src/manifest, each step's .step.ts; written
// by `npm run build`). What is committed, and what the platform reads from lib/, must be exactly
// what buildManifest() makes: a hand edit, or a descriptor edited without a build, fails here.
// Also the layout rule the shared pieces exist for: no step module imports another step.
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const { buildManifest, manifestFiles } = require('../lib/manifest/build');
const { STEPS } = require('../lib/manifest/steps');
const { mailboxField } = require('../lib/manifest/fields');

const ROOT = path.resolve(__dirname, '..');
const FIX = 'edit the .step.ts / src/manifest and run npm run build';
/** The folders steps live in, by what they act on. */
const STEP_FOLDERS = ['mail', 'calendar', 'contacts'];

/** Where two texts first differ, as a line a developer can find. */
function firstDifference(actual, expected) {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at])}, generated ${JSON.stringify(b[at])}`;
}

function filesUnder(dir, test) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, test);
    return test(entry.name) ? [full] : [];
  });
}

const isSchemaFile = (name) => /\.(in|out)\.json$/.test(name);
const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');

describe('manifest: component.json and the step schemas are built from src/manifest', () => {
  const manifest = buildManifest();
  const files = manifestFiles(manifest);

  Object.entries(files).forEach(([file, expected]) => {
    it(`${file} is what the build writes`, () => {
      const target = path.join(ROOT, file);
      expect(fs.existsSync(target), `${file} is missing: ${FIX}`).to.equal(true);
      const actual = fs.readFileSync(target, 'utf8');
      if (actual !== expected) expect.fail(`${file} differs from what src/manifest builds (${firstDifference(actual, expected)}): ${FIX}`);
    });
  });

  Object.entries(manifest.schemas).forEach(([file, schema]) => {
    const copy = file.replace(/^src\//, 'lib/');
    it(`${copy} (what the platform reads) holds the same schema`, () => {
      const target = path.join(ROOT, copy);
      expect(fs.existsSync(target), `${copy} is missing: ${FIX}`).to.equal(true);
      // tsc rewrites the JSON it copies in its own layout: compare the content, not the text.
      expect(JSON.parse(fs.readFileSync(target, 'utf8')), `${copy} is stale: ${FIX}`).to.deep.equal(schema);
    });
  });

  it('leaves no schema file that no step declares (a renamed or removed step)', () => {
    const made = new Set(Object.keys(manifest.schemas).flatMap((file) => [file, file.replace(/^src\//, 'lib/')]));
    const found = [...filesUnder(path.join(ROOT, 'src'), isSchemaFile), ...filesUnder(path.join(ROOT, 'lib'), isSchemaFile)].map(relative);
    expect(found.filter((file) => !made.has(file)), `delete them, or ${FIX}`).to.deep.equal([]);
  });

  it('points every step at its module and schemas in the folder of what it acts on', () => {
    for (const step of STEPS) {
      const entry = (step.kind === 'trigger' ? manifest.component.triggers : manifest.component.actions)[step.id];
      expect(STEP_FOLDERS, `${step.id}.group`).to.include(step.group);
      expect(entry.main).to.equal(`./lib/${step.group}/${step.id}.js`);
      expect(fs.existsSync(path.join(ROOT, `src/${step.group}/${step.id}.ts`)), `src/${step.group}/${step.id}.ts`).to.equal(true);
      expect(fs.existsSync(path.join(ROOT, `src/${step.group}/${step.id}.step.ts`)), `the descriptor of ${step.id} sits beside its module`).to.equal(true);
    }
  });

  it('gives every trigger and action the one Mailbox field of src/manifest/fields.ts, above the dropdowns that list its folders or calendars', () => {
    const { order, note, ...shared } = mailboxField({ order: 0 });
    expect(STEPS.length).to.be.above(0);
    for (const step of STEPS) {
      const fields = step.fields || {};
      expect(fields, `${step.id} has no mailbox field`).to.have.property('mailbox');
      const { order: own, note: ownNote, ...rest } = fields.mailbox;
      expect(rest, `${step.id}.mailbox is the shared field`).to.deep.equal(shared);
      expect(ownNote).to.be.a('string');
      for (const [name, field] of Object.entries(fields)) {
        if (typeof field.model === 'string') expect(field.require, `${step.id}.${name} lists the mailbox's items`).to.deep.equal(['mailbox']);
        if (field.require) expect(own, `${step.id}.mailbox renders above ${name}`).to.be.above(field.order);
      }
    }
    expect(order).to.equal(0);
    expect(note).to.be.a('string');
  });

  it('refuses two steps with one id, even a trigger and an action (sailor finds a step by its id alone)', () => {
    const [trigger] = STEPS.filter((step) => step.kind === 'trigger');
    const [action] = STEPS.filter((step) => step.kind === 'action');
    expect(() => buildManifest([trigger, { ...trigger, group: 'calendar' }])).to.throw(`two steps have the id ${trigger.id}`);
    expect(() => buildManifest([trigger, { ...action, id: trigger.id }])).to.throw(`two steps have the id ${trigger.id}`);
  });
});

describe('layout: no step imports another step', () => {
  const stepSources = STEP_FOLDERS.flatMap((folder) => filesUnder(path.join(ROOT, 'src', folder), (name) => name.endsWith('.ts')));

  it('no step, dropdown or shared helper writes /me into a path: session.root (graph/mailbox.ts) is the one place that knows the mailbox', () => {
    const sources = [...stepSources, ...['graph', 'platform'].flatMap((folder) => filesUnder(path.join(ROOT, 'src', folder), (name) => name.endsWith('.ts')))];
    const literal = /['"`]\/me\b/;
    const offenders = sources.filter((file) => !file.endsWith(`${path.sep}mailbox.ts`))
      .filter((file) => fs.readFileSync(file, 'utf8').split('\n').some((line) => !/^\s*(\/\*|\*|\/\/)/.test(line) && literal.test(line)));
    expect(offenders.map(relative)).to.deep.equal([]);
  });

  it('finds the step sources', () => {
    expect(stepSources.map(relative)).to.include.members(STEPS.map((step) => `src/${step.group}/${step.id}.ts`));
  });

  stepSources.forEach((file) => {
    it(`${relative(file)} imports shared code only`, () => {
      const source = fs.readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\brequire\('([^']+)'\)|\bimport\('([^']+)'\)/g)].map((m) => m[1] || m[2] || m[3]);
      const intoSteps = specifiers
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => STEP_FOLDERS.includes(path.relative(path.join(ROOT, 'src'), path.resolve(path.dirname(file), spec)).split(path.sep)[0]));
      expect(intoSteps, 'move what two steps share into src/graph, src/validation, src/platform or src/manifest').to.deep.equal([]);
    });
  });
});
