"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.visibleUntil = visibleUntil;
/** List queries see items whose visibility timestamp is at or before this (replication delay). */
function visibleUntil(world) {
    return world.now() - world.options.visibilityDelayMs;
}
