import type { Distribution } from './distribution.ts';
import { fromTable } from './discrete.ts';

/**
 * Resamples observed values, each observation equally likely (a value seen twice is twice as
 * likely). Draws as `discrete` does.
 */
export function empirical(values: readonly number[]): Distribution {
  return fromTable('empirical', values, 'equal');
}
