import { EXIT_BAD_INPUT } from './exit-codes.ts';

/**
 * Bad input to a comparison: a missing folder or file, a file that does not parse, result sets of
 * different scenarios (without `allowDifferentScenarios`), or no metric in common. The CLI exits
 * with `exitCode` (2, `EXIT_BAD_INPUT`). The message names the folder or file, the value, and what
 * is valid.
 */
export class CompareInputError extends Error {
  readonly exitCode: typeof EXIT_BAD_INPUT = EXIT_BAD_INPUT;

  constructor(message: string) {
    super(message);
    this.name = 'CompareInputError';
  }
}
