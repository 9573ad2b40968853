/** The slice of the sailor's bunyan logger the component uses; it stringifies its first argument. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** What a trigger or action gets as `this` from the sailor. */
export interface StepContext {
  emit(event: string, payload?: unknown): Promise<void> | void;
  logger: Logger;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
