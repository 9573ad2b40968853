'use strict';

// Offline checks against Microsoft's published Graph v1.0 metadata (the shared extract described in
// /work/shared/graph-schema/README.md). The file lives outside the component repository, so it is
// optional: loadGraphSchema() returns undefined when it is not there and specs skip.
const fs = require('fs');
const path = require('path');

/** spec/helpers -> spec -> main -> work: the shared folder is a sibling of the component root. */
const SCHEMA_PATH = path.resolve(__dirname, '../../../shared/graph-schema/outlook-v1.0.json');

function loadGraphSchema() {
  if (!fs.existsSync(SCHEMA_PATH)) return undefined;
  return JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
}

/** Every property and navigation property of a type, inherited ones included (walks baseType). */
function members(schema, typeName) {
  const out = {};
  const chain = [];
  for (let t = schema.types[typeName]; t; t = t.baseType && schema.types[t.baseType]) chain.unshift(t);
  // Base first, so a derived type's own definition wins.
  for (const t of chain) Object.assign(out, t.navigationProperties, t.properties);
  return out;
}

/** True when `typeName` is `baseName` or derives from it. */
function derivesFrom(schema, typeName, baseName) {
  for (let name = typeName; name; name = schema.types[name] && schema.types[name].baseType) {
    if (name === baseName) return true;
  }
  return false;
}

function enumMembers(schema, typeName) {
  const type = schema.types[typeName];
  if (!type || type.kind !== 'enum') throw new Error(`${typeName} is not an enum type in the Graph schema`);
  return Object.keys(type.members);
}

/** Graph matches enum values case-insensitively ("HTML" is the member html). */
function isEnumMember(schema, typeName, value) {
  return typeof value === 'string' && enumMembers(schema, typeName).some((m) => m.toLowerCase() === value.toLowerCase());
}

const PRIMITIVE_CHECKS = {
  'Edm.String': (v) => typeof v === 'string',
  'Edm.Boolean': (v) => typeof v === 'boolean',
  'Edm.Int16': Number.isInteger,
  'Edm.Int32': Number.isInteger,
  'Edm.Int64': Number.isInteger,
  'Edm.Byte': Number.isInteger,
  'Edm.Double': (v) => typeof v === 'number',
  'Edm.Binary': (v) => typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0,
  'Edm.DateTimeOffset': (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v),
  'Edm.Date': (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  'Edm.Guid': (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
};

/**
 * Checks a JSON value against a Graph type, recursively: every key must be a member of the type
 * (or of the type named by its '@odata.type', which must derive from the expected one), enum
 * values must be members, primitives must have the right JSON type, collections must be arrays.
 * Returns a list of problems, each naming the JSON path; [] means the value fits.
 */
function checkValue(schema, typeName, value, where = '$', problems = []) {
  if (value === null) return problems; // nullability is not what these checks are about
  if (typeName.startsWith('Edm.')) {
    const check = PRIMITIVE_CHECKS[typeName];
    if (check && !check(value)) problems.push(`${where}: ${JSON.stringify(value)} is not a valid ${typeName}`);
    return problems;
  }
  const type = schema.types[typeName];
  if (!type) {
    problems.push(`${where}: type ${typeName} is not described in the Graph schema`);
    return problems;
  }
  if (type.kind === 'enum') {
    if (!isEnumMember(schema, typeName, value)) problems.push(`${where}: ${JSON.stringify(value)} is not a member of ${typeName} (${enumMembers(schema, typeName).join(', ')})`);
    return problems;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected a ${typeName} object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    return problems;
  }
  let actualType = typeName;
  if (value['@odata.type'] !== undefined) {
    const named = /^#microsoft\.graph\.(\w+)$/.exec(String(value['@odata.type']));
    if (!named || !schema.types[named[1]]) {
      problems.push(`${where}['@odata.type']: ${value['@odata.type']} names no Graph type`);
      return problems;
    }
    if (!derivesFrom(schema, named[1], typeName)) {
      problems.push(`${where}['@odata.type']: ${named[1]} does not derive from ${typeName}`);
      return problems;
    }
    actualType = named[1];
  }
  const known = members(schema, actualType);
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@odata.')) continue;
    const def = known[key];
    if (!def) {
      problems.push(`${where}.${key}: not a property of ${actualType}`);
      continue;
    }
    if (def.collection) {
      if (!Array.isArray(child)) problems.push(`${where}.${key}: ${def.type} is a collection, expected an array`);
      else child.forEach((item, i) => checkValue(schema, def.type, item, `${where}.${key}[${i}]`, problems));
    } else {
      checkValue(schema, def.type, child, `${where}.${key}`, problems);
    }
  }
  return problems;
}

/** The bound operation `name` whose binding parameter is `bindingType`. */
function operation(schema, name, bindingType) {
  return (schema.operations[name] || []).find((op) => op.bindingType === bindingType);
}

module.exports = { SCHEMA_PATH, loadGraphSchema, members, derivesFrom, enumMembers, isEnumMember, checkValue, operation };
