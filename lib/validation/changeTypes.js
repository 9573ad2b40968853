"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHANGE_TYPES = void 0;
exports.parseChangeTypes = parseChangeTypes;
/** The "which changes" field of the delta triggers: created, updated, deleted, as a list or comma-separated. */
const errors_1 = require("../errors");
const fields_1 = require("./fields");
exports.CHANGE_TYPES = ['created', 'updated', 'deleted'];
/** The chosen kinds in a fixed order, each once; empty: `fallback`. */
function parseChangeTypes(value, field, fallback = ['created']) {
    const given = (0, fields_1.stringList)(value, field, { maxItems: 10, maxLength: 20 });
    if (!given.length)
        return [...fallback];
    const chosen = new Set(given.map((entry, index) => (0, fields_1.oneOf)(entry, `${field}[${index}]`, exports.CHANGE_TYPES)));
    if (!chosen.size)
        throw new errors_1.InputError(field, `must name at least one of ${exports.CHANGE_TYPES.join(', ')}`);
    return exports.CHANGE_TYPES.filter((type) => chosen.has(type));
}
