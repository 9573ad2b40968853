"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseFlag = parseFlag;
const errors_1 = require("../errors");
/** A checkbox value: the platform sends booleans, mappings may send "true"/"false". */
function parseFlag(value, field, fallback = false) {
    if (value === undefined || value === null || value === '')
        return fallback;
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
    throw new errors_1.InputError(field, 'must be true or false');
}
