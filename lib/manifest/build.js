"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonText = void 0;
exports.buildManifest = buildManifest;
exports.manifestFiles = manifestFiles;
/**
 * component.json and the steps' schema files, built from the registry. Pure: write.ts puts the
 * result on disk (the last step of `npm run build`), spec/manifest.spec.js holds the committed
 * files to it, so a field or schema piece edited in one place reaches every step that uses it.
 */
const component_1 = require("./component");
const steps_1 = require("./steps");
function buildManifest(steps = steps_1.STEPS) {
    const triggers = {};
    const actions = {};
    const schemas = {};
    for (const step of steps) {
        // Sailor finds a step by its id alone (ELASTICIO_FUNCTION), triggers first.
        if (step.id in triggers || step.id in actions)
            throw new Error(`two steps have the id ${step.id}; ids must be unique across triggers and actions`);
        const base = `${step.group}/${step.id}`;
        const metadata = {};
        const directions = step.kind === 'action' ? { in: step.in, out: step.out } : { out: step.out };
        for (const [direction, schema] of Object.entries(directions)) {
            schemas[`src/${base}.${direction}.json`] = schema;
            metadata[direction] = `./lib/${base}.${direction}.json`;
        }
        const entry = {
            title: step.title,
            description: step.description,
            help: step.help,
            ...(step.kind === 'trigger' && { type: 'polling' }),
            main: `./lib/${base}.js`,
            ...(step.fields && { fields: step.fields }),
            metadata,
        };
        (step.kind === 'trigger' ? triggers : actions)[step.id] = entry;
    }
    return { component: { ...component_1.COMPONENT, triggers, actions }, schemas };
}
/** JSON as the project commits it: insertion order (the order the UI shows), two spaces, a final newline. */
const jsonText = (value) => `${JSON.stringify(value, null, 2)}\n`;
exports.jsonText = jsonText;
/** Every file the manifest makes, by path from the component root: component.json and each schema in src/. */
function manifestFiles(manifest = buildManifest()) {
    const files = { 'component.json': (0, exports.jsonText)(manifest.component) };
    for (const [file, schema] of Object.entries(manifest.schemas))
        files[file] = (0, exports.jsonText)(schema);
    return files;
}
