import { ParamCheck, describeValue, isFiniteNumber } from './check.ts';
import type { Distribution } from './distribution.ts';

/**
 * values[i] with probability weights[i] / sum(weights). For a choice among categories, pass
 * their indices as values.
 *
 * Inversion on the cumulative weights with a binary search: one uniform and O(log n) steps a
 * draw. Chosen over the alias method because inversion is monotone: nudging one weight moves
 * few draws to another value, so common-random-number comparisons stay paired. Values with
 * weight 0 are never drawn.
 */
export function discrete(values: readonly number[], weights: readonly number[]): Distribution {
  return fromTable('discrete', values, weights);
}

/** The table behind `discrete` and `empirical`. */
export function fromTable(
  name: string,
  values: readonly number[],
  givenWeights: readonly number[] | 'equal',
): Distribution {
  const check = new ParamCheck(name);
  const valuesOk = checkArray(check, 'values', values, (x) => isFiniteNumber(x), 'a finite number');
  const weightsOk =
    givenWeights === 'equal' ||
    checkArray(check, 'weights', givenWeights, (x) => isFiniteNumber(x) && x >= 0, 'a finite number >= 0');
  const weights = givenWeights !== 'equal' ? givenWeights : valuesOk ? values.map(() => 1) : [];
  if (valuesOk && weightsOk) {
    if (values.length !== weights.length) {
      check.problem(
        'weights',
        `weights must have one entry per value, given ${values.length} values and ${weights.length} weights`,
      );
    } else {
      let sum = 0;
      for (const w of weights) sum += w;
      if (!(sum > 0 && Number.isFinite(sum))) {
        check.problem('weights', `weights must have a finite sum > 0, given sum ${sum}`);
      }
    }
  }
  check.done();

  const n = values.length;
  const table = Float64Array.from(values);
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += weights[i]!;
    cumulative[i] = running;
  }
  // The last cumulative weight is the total by construction, so u * total < it for every u < 1.
  const total = running;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (weights[i]! / total) * table[i]!;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const d = table[i]! - mean;
    variance += (weights[i]! / total) * d * d;
  }
  return {
    name,
    mean,
    variance,
    sample: (u) => {
      const target = u() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (target < cumulative[mid]!) hi = mid;
        else lo = mid + 1;
      }
      return table[lo]!;
    },
  };
}

function checkArray(
  check: ParamCheck,
  param: string,
  array: unknown,
  valid: (x: unknown) => boolean,
  what: string,
): boolean {
  if (!Array.isArray(array) || array.length === 0) {
    return check.fail(param, 'a non-empty array of numbers', array);
  }
  let ok = true;
  array.forEach((x: unknown, i) => {
    if (!valid(x)) ok = check.problem(`${param}[${i}]`, `${param}[${i}] must be ${what}, given ${describeValue(x)}`);
  });
  return ok;
}
