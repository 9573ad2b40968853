"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTROL_CHARS = void 0;
/** Line breaks, tabs, NUL and DEL: never legitimate in an id, a file name or an address. */
// eslint-disable-next-line no-control-regex
exports.CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
