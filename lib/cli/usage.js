"use strict";
/** Command-line mistakes of the project's commands (npm start, npm run token, npm run bench). */
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = void 0;
exports.reportUsageError = reportUsageError;
/** A bad command line, or --help when the message is empty: shown with the usage, never as a stack trace. */
class UsageError extends Error {
}
exports.UsageError = UsageError;
/** Prints a UsageError and the usage and sets the exit code; false for any other error. */
function reportUsageError(err, usage) {
    if (!(err instanceof UsageError))
        return false;
    // --help asked for the usage: stdout and success; a mistake: stderr and exit 2.
    if (err.message)
        console.error(`Error: ${err.message}\n\n${usage}`);
    else
        console.log(usage);
    process.exitCode = err.message ? 2 : 0;
    return true;
}
