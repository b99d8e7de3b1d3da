import { ParameterError, describeValue } from './check.ts';
import { bernoulli } from './bernoulli.ts';
import { constant } from './constant.ts';
import { discrete } from './discrete.ts';
import type { Distribution } from './distribution.ts';
import { empirical } from './empirical.ts';
import { erlang } from './erlang.ts';
import { exponential } from './exponential.ts';
import { gamma } from './gamma.ts';
import { lognormal } from './lognormal.ts';
import { lognormalFromMean } from './lognormal-from-mean.ts';
import { normal } from './normal.ts';
import { poisson } from './poisson.ts';
import { triangular } from './triangular.ts';
import { uniform } from './uniform.ts';
import { weibull } from './weibull.ts';

/**
 * A distribution as scenario files write it: a bare number is a constant; otherwise an object
 * with a `type` and that family's parameters, e.g. `{ "type": "lognormal", "mean": 30, "sd": 10 }`.
 * Times are in minutes and rates per minute.
 */
export type DistributionSpec =
  | number
  | { type: 'constant' | 'deterministic'; value: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'exponential'; rate: number }
  | { type: 'normal'; mean: number; sd: number }
  | { type: 'lognormal'; mu: number; sigma: number }
  | { type: 'lognormal'; mean: number; sd: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  | { type: 'gamma'; shape: number; scale: number }
  | { type: 'erlang'; k: number; rate: number }
  | { type: 'weibull'; shape: number; scale: number }
  | { type: 'poisson'; mean: number }
  | { type: 'bernoulli'; p: number }
  | { type: 'discrete'; values: number[]; weights: number[] }
  | { type: 'empirical'; values: number[] };

/** One problem in an input, located by a path such as `lanes[3].transit.rate`. */
export interface Issue {
  path: string;
  message: string;
}

/** Thrown by `fromSpec`; carries every issue found. */
export class DistributionSpecError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`invalid distribution spec: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'DistributionSpecError';
    this.issues = issues;
  }
}

type Params = Record<string, unknown>;
// Values reach the factories unchecked on purpose: the factories own the rules and report
// non-numbers as "must be a finite number, given ...".
type AnyFactory = (...args: never[]) => Distribution;
interface Form {
  readonly keys: readonly string[];
  readonly factory: AnyFactory;
}

const form = (factory: AnyFactory, ...keys: string[]): Form => ({ keys, factory });

const FORMS: Readonly<Record<string, readonly Form[]>> = {
  constant: [form(constant, 'value')],
  deterministic: [form(constant, 'value')],
  uniform: [form(uniform, 'min', 'max')],
  exponential: [form(exponential, 'rate')],
  normal: [form(normal, 'mean', 'sd')],
  lognormal: [form(lognormal, 'mu', 'sigma'), form(lognormalFromMean, 'mean', 'sd')],
  triangular: [form(triangular, 'min', 'mode', 'max')],
  gamma: [form(gamma, 'shape', 'scale')],
  erlang: [form(erlang, 'k', 'rate')],
  weibull: [form(weibull, 'shape', 'scale')],
  poisson: [form(poisson, 'mean')],
  bernoulli: [form(bernoulli, 'p')],
  discrete: [form(discrete, 'values', 'weights')],
  empirical: [form(empirical, 'values')],
};
const TYPES = Object.keys(FORMS);

/** Every problem with `spec`, each located under `path` (`''` for the root). Empty when valid. */
export function validateDistributionSpec(spec: unknown, path = ''): Issue[] {
  return build(spec, path).issues;
}

/**
 * The distribution a `DistributionSpec` describes. Takes `unknown` because specs arrive as parsed
 * JSON; throws a DistributionSpecError listing every issue.
 */
export function fromSpec(spec: unknown, path = ''): Distribution {
  const { distribution, issues } = build(spec, path);
  if (distribution === undefined || issues.length > 0) throw new DistributionSpecError(issues);
  return distribution;
}

function build(spec: unknown, path: string): { distribution?: Distribution; issues: Issue[] } {
  if (typeof spec === 'number') {
    if (Number.isFinite(spec)) return { distribution: constant(spec), issues: [] };
    return { issues: [{ path, message: `a constant must be a finite number, given ${describeValue(spec)}` }] };
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    const message = `a distribution must be a number or an object with a "type", given ${describeValue(spec)}`;
    return { issues: [{ path, message }] };
  }
  const params = spec as Params;
  const type = params.type;
  const forms = typeof type === 'string' && Object.hasOwn(FORMS, type) ? FORMS[type] : undefined;
  if (forms === undefined) {
    const message = `type must be one of ${TYPES.join(', ')}; given ${describeValue(type)}`;
    return { issues: [{ path: join(path, 'type'), message }] };
  }

  const present = (key: string): boolean => Object.hasOwn(params, key);
  const count = (f: Form): number => f.keys.filter(present).length;
  // The form whose keys are all there, else the one the author most nearly wrote.
  const chosen =
    forms.find((f) => count(f) === f.keys.length) ??
    forms.reduce((best, f) => (count(f) > count(best) ? f : best));
  const shapes = forms.map((f) => `{ ${f.keys.join(', ')} }`).join(' or ');
  const issues: Issue[] = [];

  const missing = chosen.keys.filter((k) => !present(k));
  for (const key of missing) {
    issues.push({ path: join(path, key), message: `${type} needs ${key}: its parameters are ${shapes}` });
  }
  for (const key of Object.keys(params)) {
    if (key !== 'type' && !chosen.keys.includes(key)) {
      issues.push({ path: join(path, key), message: `${key} is not a parameter here: ${type} takes ${shapes}` });
    }
  }

  let distribution: Distribution | undefined;
  try {
    distribution = (chosen.factory as (...args: unknown[]) => Distribution)(...chosen.keys.map((k) => params[k]));
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    for (const problem of error.problems) {
      const root = problem.param.replace(/\[.*$/, '');
      // A missing parameter is already reported as such, not as "given undefined".
      if (!missing.includes(root)) issues.push({ path: join(path, problem.param), message: problem.message });
    }
  }
  return distribution === undefined ? { issues } : { distribution, issues };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
