"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPONENT_ROOT = void 0;
exports.stepIds = stepIds;
exports.runStep = runStep;
/**
 * Runs one trigger or action the way the platform does: the module named in component.json,
 * called by the real sailor executor, with its events collected.
 */
const node_path_1 = __importDefault(require("node:path"));
exports.COMPONENT_ROOT = node_path_1.default.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const component = require(node_path_1.default.join(exports.COMPONENT_ROOT, 'component.json'));
function stepIds() {
    return [...Object.keys(component.triggers ?? {}), ...Object.keys(component.actions ?? {})];
}
async function runStep(stepId, msg, cfg, snapshot = {}) {
    const def = component.triggers?.[stepId] ?? component.actions?.[stepId];
    if (!def)
        throw new Error(`Unknown step "${stepId}": use one of ${stepIds().join(', ')}`);
    // Loaded late: the sailor reads LOG_LEVEL when it is first required.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TaskExec } = require('elasticio-sailor-nodejs/lib/executor');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(node_path_1.default.join(exports.COMPONENT_ROOT, def.main));
    const exec = new TaskExec({ loggerOptions: {}, variables: {}, services: { apiClient: {}, amqp: {}, config: {} } });
    const run = { data: [], snapshots: [], updateKeys: [], errors: [] };
    return new Promise((resolve) => {
        exec.on('data', (message) => { run.data.push(message); });
        exec.on('snapshot', (next) => { run.snapshots.push(next); });
        exec.on('updateKeys', (keys) => { run.updateKeys.push(keys); });
        exec.on('error', (err) => { run.errors.push(err); });
        exec.on('end', () => resolve(run));
        exec.process(module, { id: msg.id ?? `cli-${Date.now()}`, body: msg.body ?? {}, headers: {}, attachments: msg.attachments ?? {} }, cfg, snapshot);
    });
}
