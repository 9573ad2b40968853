/**
 * Runs one trigger or action the way the platform does: the module named in component.json,
 * called by the real sailor executor, with its events collected.
 */
import path from 'node:path';

export interface StepRun {
  data: Array<{ body: Record<string, unknown> }>;
  snapshots: unknown[];
  updateKeys: unknown[];
  errors: Error[];
}

export interface StepInput {
  body?: unknown;
  attachments?: Record<string, unknown>;
  id?: string;
}

interface ComponentJson {
  triggers?: Record<string, { main: string }>;
  actions?: Record<string, { main: string }>;
}

export const COMPONENT_ROOT = path.resolve(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const component = require(path.join(COMPONENT_ROOT, 'component.json')) as ComponentJson;

export function stepIds(): string[] {
  return [...Object.keys(component.triggers ?? {}), ...Object.keys(component.actions ?? {})];
}

export async function runStep(stepId: string, msg: StepInput, cfg: Record<string, unknown>, snapshot: unknown = {}): Promise<StepRun> {
  const def = component.triggers?.[stepId] ?? component.actions?.[stepId];
  if (!def) throw new Error(`Unknown step "${stepId}": use one of ${stepIds().join(', ')}`);
  // Loaded late: the sailor reads LOG_LEVEL when it is first required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TaskExec } = require('elasticio-sailor-nodejs/lib/executor');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.join(COMPONENT_ROOT, def.main));
  const exec = new TaskExec({ loggerOptions: {}, variables: {}, services: { apiClient: {}, amqp: {}, config: {} } });
  const run: StepRun = { data: [], snapshots: [], updateKeys: [], errors: [] };
  return new Promise((resolve) => {
    exec.on('data', (message: { body: Record<string, unknown> }) => { run.data.push(message); });
    exec.on('snapshot', (next: unknown) => { run.snapshots.push(next); });
    exec.on('updateKeys', (keys: unknown) => { run.updateKeys.push(keys); });
    exec.on('error', (err: Error) => { run.errors.push(err); });
    exec.on('end', () => resolve(run));
    exec.process(module, { id: msg.id ?? `cli-${Date.now()}`, body: msg.body ?? {}, headers: {}, attachments: msg.attachments ?? {} }, cfg, snapshot);
  });
}
