/**
 * `npm run build` after the first tsc: writes component.json and every step schema in src/ from
 * buildManifest(); those files are never edited by hand. tsc then runs again to copy the schemas
 * into lib/, since it rewrites the JSON it copies in its own format, which .ci/run compares lib/ with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestFiles } from './build';

const ROOT = path.resolve(__dirname, '../..');

const files = Object.entries(manifestFiles());
for (const [file, text] of files) {
  const target = path.join(ROOT, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}
console.log(`Wrote component.json and ${files.length - 1} schema files from src/manifest`);
