"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.silentLogger = void 0;
exports.silentLogger = { info() { }, warn() { }, error() { }, debug() { } };
