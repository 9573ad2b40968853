/** Command-line mistakes of the project's commands (npm start, npm run token, npm run bench). */

/** A bad command line, or --help when the message is empty: shown with the usage, never as a stack trace. */
export class UsageError extends Error {}

/** Prints a UsageError and the usage and sets the exit code; false for any other error. */
export function reportUsageError(err: unknown, usage: string): boolean {
  if (!(err instanceof UsageError)) return false;
  // --help asked for the usage: stdout and success; a mistake: stderr and exit 2.
  if (err.message) console.error(`Error: ${err.message}\n\n${usage}`);
  else console.log(usage);
  process.exitCode = err.message ? 2 : 0;
  return true;
}
