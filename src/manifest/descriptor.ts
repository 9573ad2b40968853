/**
 * What a step declares about itself in its `<step>.step.ts` beside its module; build.ts turns the
 * registry of them into component.json and the schema files.
 */
import type { Field } from './fields';
import type { Schema } from './schemas';

/** The folder under src/ the step lives in: what it acts on. */
export type StepGroup = 'mail' | 'calendar' | 'contacts';

interface StepBase {
  /** The key under triggers/actions (ELASTICIO_FUNCTION) and the module's file name: src/<group>/<id>.ts. */
  id: string;
  group: StepGroup;
  title: string;
  description: string;
  help: { description: string; link?: string };
  fields?: Record<string, Field>;
  out: Schema;
}

/** Triggers poll (`type: polling`): change detection here is time cursors and delta queries, not webhooks. */
export interface TriggerDescriptor extends StepBase {
  kind: 'trigger';
}

export interface ActionDescriptor extends StepBase {
  kind: 'action';
  in: Schema;
}

export type StepDescriptor = TriggerDescriptor | ActionDescriptor;
