/**
 * component.json and the steps' schema files, built from the registry. Pure: write.ts puts the
 * result on disk (the last step of `npm run build`), spec/manifest.spec.js holds the committed
 * files to it, so a field or schema piece edited in one place reaches every step that uses it.
 */
import { COMPONENT } from './component';
import type { StepDescriptor } from './descriptor';
import type { Field } from './fields';
import type { Schema } from './schemas';
import { STEPS } from './steps';

export interface StepEntry {
  title: string;
  description: string;
  help: StepDescriptor['help'];
  type?: 'polling';
  main: string;
  fields?: Record<string, Field>;
  metadata: { in?: string; out?: string };
}

export interface Manifest {
  component: typeof COMPONENT & { triggers: Record<string, StepEntry>; actions: Record<string, StepEntry> };
  /** Each step schema by its path in src/ (src/mail/sendMail.in.json), where it is committed. */
  schemas: Record<string, Schema>;
}

export function buildManifest(steps: readonly StepDescriptor[] = STEPS): Manifest {
  const triggers: Record<string, StepEntry> = {};
  const actions: Record<string, StepEntry> = {};
  const schemas: Record<string, Schema> = {};
  for (const step of steps) {
    // Sailor finds a step by its id alone (ELASTICIO_FUNCTION), triggers first.
    if (step.id in triggers || step.id in actions) throw new Error(`two steps have the id ${step.id}; ids must be unique across triggers and actions`);
    const base = `${step.group}/${step.id}`;
    const metadata: StepEntry['metadata'] = {};
    const directions = step.kind === 'action' ? { in: step.in, out: step.out } : { out: step.out };
    for (const [direction, schema] of Object.entries(directions) as ['in' | 'out', Schema][]) {
      schemas[`src/${base}.${direction}.json`] = schema;
      metadata[direction] = `./lib/${base}.${direction}.json`;
    }
    const entry: StepEntry = {
      title: step.title,
      description: step.description,
      help: step.help,
      ...(step.kind === 'trigger' && { type: 'polling' as const }),
      main: `./lib/${base}.js`,
      ...(step.fields && { fields: step.fields }),
      metadata,
    };
    (step.kind === 'trigger' ? triggers : actions)[step.id] = entry;
  }
  return { component: { ...COMPONENT, triggers, actions }, schemas };
}

/** JSON as the project commits it: insertion order (the order the UI shows), two spaces, a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every file the manifest makes, by path from the component root: component.json and each schema in src/. */
export function manifestFiles(manifest: Manifest = buildManifest()): Record<string, string> {
  const files: Record<string, string> = { 'component.json': jsonText(manifest.component) };
  for (const [file, schema] of Object.entries(manifest.schemas)) files[file] = jsonText(schema);
  return files;
}
