/** Line breaks, tabs, NUL and DEL: never legitimate in an id, a file name or an address. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
