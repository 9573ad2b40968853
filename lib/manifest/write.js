"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm run build` after the first tsc: writes component.json and every step schema in src/ from
 * buildManifest(); those files are never edited by hand. tsc then runs again to copy the schemas
 * into lib/, since it rewrites the JSON it copies in its own format, which .ci/run compares lib/ with.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = __importDefault(require("node:path"));
const build_1 = require("./build");
const ROOT = node_path_1.default.resolve(__dirname, '../..');
const files = Object.entries((0, build_1.manifestFiles)());
for (const [file, text] of files) {
    const target = node_path_1.default.join(ROOT, file);
    (0, node_fs_1.mkdirSync)(node_path_1.default.dirname(target), { recursive: true });
    (0, node_fs_1.writeFileSync)(target, text);
}
console.log(`Wrote component.json and ${files.length - 1} schema files from src/manifest`);
