'use strict';

// component.json and the step schemas as the specs read them. elastic.io metadata is not plain
// JSON Schema draft-07: a property says `"required": true` itself (the form official components
// use), and each property has one `type`, leaving "may be null" to its description. forAjv()
// turns a step schema into the draft-07 schema ajv checks emitted messages against.
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const ROOT = path.resolve(__dirname, '../..');
const component = JSON.parse(fs.readFileSync(path.join(ROOT, 'component.json'), 'utf8'));

const steps = [
  ...Object.entries(component.triggers || {}).map(([name, def]) => ({ kind: 'trigger', name, def })),
  ...Object.entries(component.actions || {}).map(([name, def]) => ({ kind: 'action', name, def })),
];

function stepDef(name) {
  const def = (component.actions || {})[name] || (component.triggers || {})[name];
  if (!def) throw new Error(`component.json has no step named ${name}`);
  return def;
}

function readSchema(relative) {
  return JSON.parse(fs.readFileSync(path.resolve(ROOT, relative), 'utf8'));
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function newAjv() {
  // Strict: unknown keywords, formats and type slips are errors. date-time is the one format used.
  return new Ajv({ strict: true, allErrors: true, formats: { 'date-time': (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)) } });
}

/** A description announces null when it says so in words: "...; null when Outlook has none." */
const SAYS_NULL = /\bnull\b/i;

/**
 * The draft-07 reading of a step schema: each `"required": true` becomes an entry of its parent's
 * `required` list, and null is allowed exactly where the description says the value can be null.
 */
function forAjv(schema) {
  // A property's own `required` flag moves to its parent's list below.
  const { properties, items, ...out } = schema;
  delete out.required;
  if (SAYS_NULL.test(schema.description || '')) out.type = [schema.type, 'null'];
  if (properties) {
    out.properties = Object.fromEntries(Object.entries(properties).map(([name, prop]) => [name, forAjv(prop)]));
    const own = Object.keys(properties).filter((name) => properties[name].required === true);
    if (own.length) out.required = own;
  }
  if (items) out.items = forAjv(items);
  return out;
}

/** Every property a designer sees, nested ones (object properties, array items' properties) included, with its path. */
function propertiesOf(schema, where = '') {
  const found = [];
  for (const [name, prop] of Object.entries(schema.properties || {})) {
    const at = where ? `${where}.${name}` : name;
    found.push({ path: at, prop });
    found.push(...propertiesOf(prop, at));
    if (prop.items) found.push(...propertiesOf(prop.items, `${at}[]`));
  }
  return found;
}

/** Validates `value` as it travels (JSON: undefined keys vanish) against a step's out schema. */
function outErrors(stepName, value) {
  const validate = newAjv().compile(forAjv(readSchema(stepDef(stepName).metadata.out)));
  const ok = validate(JSON.parse(JSON.stringify(value)));
  return ok ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

module.exports = { ROOT, component, steps, stepDef, readSchema, newAjv, forAjv, propertiesOf, outErrors, SAYS_NULL };
