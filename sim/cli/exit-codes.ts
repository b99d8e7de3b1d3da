/**
 * Exit codes of every `sim` command:
 * - 0 ok;
 * - 1 failure (a replication threw, a file could not be written: a bug or the machine);
 * - 2 usage error or invalid scenario (nothing ran, nothing was written);
 * - 3 a regression found by `sim compare` (sim/compare's EXIT_REGRESSION);
 * - 130 interrupted (Ctrl-C): work stopped, no result folder that looks complete.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_REGRESSION = 3;
export const EXIT_INTERRUPTED = 130;

/** A problem with what the user asked for: printed as is (no stack), exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The run was interrupted (SIGINT): exit 130. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
