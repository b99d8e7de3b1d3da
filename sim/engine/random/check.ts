/** One thing wrong with a distribution's parameters, named as the factory and the spec name it. */
export interface ParameterProblem {
  /** `rate`, or `weights[2]` for an element. */
  readonly param: string;
  /** A sentence that names the parameter, shows the value and says what is valid. */
  readonly message: string;
}

/** Thrown by a factory given bad parameters. Lists every problem, not only the first. */
export class ParameterError extends RangeError {
  readonly distribution: string;
  readonly problems: readonly ParameterProblem[];

  constructor(distribution: string, problems: readonly ParameterProblem[]) {
    super(`${distribution}: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'ParameterError';
    this.distribution = distribution;
    this.problems = problems;
  }
}

/** The value as a person would recognise it in an error: strings quoted, long arrays cut. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || value === undefined || value === null) return String(value);
  if (typeof value === 'function') return 'a function';
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * An integer in [0, 2^53). Spelled out because Number.isSafeInteger is not inlined by V8 and
 * cost ~30 ns per call on the keyed-draw hot path.
 */
export function isIndex(x: number): boolean {
  return x >= 0 && x <= Number.MAX_SAFE_INTEGER && Math.floor(x) === x;
}

export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Collects parameter problems so a factory reports all of them at once. Each rule returns whether
 * the value passed, so cross-parameter rules run only on values that are numbers at all.
 * Values are typed `unknown` because specs and plain-JS callers bypass the compiler.
 */
export class ParamCheck {
  private readonly distribution: string;
  private readonly problems: ParameterProblem[] = [];

  constructor(distribution: string) {
    this.distribution = distribution;
  }

  fail(param: string, valid: string, given: unknown): false {
    this.problems.push({ param, message: `${param} must be ${valid}, given ${describeValue(given)}` });
    return false;
  }

  problem(param: string, message: string): false {
    this.problems.push({ param, message });
    return false;
  }

  finite(param: string, x: unknown): x is number {
    return isFiniteNumber(x) || this.fail(param, 'a finite number', x);
  }

  positive(param: string, x: unknown): x is number {
    return (isFiniteNumber(x) && x > 0) || this.fail(param, 'a finite number > 0', x);
  }

  nonNegative(param: string, x: unknown): x is number {
    return (isFiniteNumber(x) && x >= 0) || this.fail(param, 'a finite number >= 0', x);
  }

  probability(param: string, x: unknown): x is number {
    return (isFiniteNumber(x) && x >= 0 && x <= 1) || this.fail(param, 'a number in [0, 1]', x);
  }

  integer(param: string, x: unknown, min: number): x is number {
    return (
      (Number.isSafeInteger(x) && (x as number) >= min) ||
      this.fail(param, `an integer >= ${min}`, x)
    );
  }

  /** Throws a ParameterError listing every problem found, if any. */
  done(): void {
    if (this.problems.length > 0) throw new ParameterError(this.distribution, this.problems);
  }
}
