import type { IndiaData } from '../data/index.ts';
import { currentState } from './postal-circles.ts';
import { LANE_MODES, NETWORK_DEFAULTS, type NetworkOptions, type ResolvedNetworkOptions } from './network-options.ts';

/** One problem with the options: where it is and what is wrong, naming the value and what is valid. */
export interface OptionIssue {
  path: string;
  message: string;
  /** For a problem in an imported file: which one, and the 1-based line and column. */
  at?: { file: 'nodes' | 'lanes'; line: number; col: number };
}

/** Thrown by `buildNetwork` with every problem found, not just the first. */
export class NetworkOptionsError extends Error {
  constructor(readonly issues: OptionIssue[]) {
    super(`invalid network options:\n${issues.map((i) => `  ${i.at ? `${i.at.file}.csv:${i.at.line}:${i.at.col}  ` : ''}${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'NetworkOptionsError';
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));

/**
 * Checks options against what is valid and fills defaults; `data` lets it check state names and
 * district codes. Collects every problem.
 */
export function validateNetworkOptions(
  options: NetworkOptions,
  data?: IndiaData,
): { options: ResolvedNetworkOptions; issues: OptionIssue[] } {
  const issues: OptionIssue[] = [];
  const o = { ...NETWORK_DEFAULTS, ...stripUndefined(options) } as ResolvedNetworkOptions;
  const known = new Set([...Object.keys(NETWORK_DEFAULTS), 'import', 'points']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) issues.push({ path: key, message: `unknown option; valid options are ${[...known].join(', ')}` });
  }
  const int = (path: string, v: unknown, min: number, max = Infinity): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      issues.push({ path, message: `must be an integer from ${min}${max === Infinity ? ' up' : ` to ${max}`}, given ${show(v)}` });
    }
  };
  const num = (path: string, v: unknown, min: number, max: number, openMin = false): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || (openMin ? v <= min : v < min) || v > max) {
      issues.push({ path, message: `must be a number ${openMin ? '>' : '≥'} ${min} and ≤ ${max}, given ${show(v)}` });
    }
  };
  const range = (path: string, v: unknown, min: number, max: number): void => {
    if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x)) || v[0] < min || v[1] > max || v[0] > v[1]) {
      issues.push({ path, message: `must be [low, high] with ${min} ≤ low ≤ high ≤ ${max}, given ${show(v)}` });
    }
  };
  const byMode = (path: string, v: unknown, check: (p: string, x: unknown) => void): void => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      issues.push({ path, message: `must be an object with keys ${LANE_MODES.join(', ')}, given ${show(v)}` });
      return;
    }
    for (const m of LANE_MODES) check(`${path}.${m}`, (v as Record<string, unknown>)[m]);
    for (const k of Object.keys(v)) {
      if (!(LANE_MODES as readonly string[]).includes(k)) issues.push({ path: `${path}.${k}`, message: `unknown mode; valid modes are ${LANE_MODES.join(', ')}` });
    }
  };

  int('kiranaCount', o.kiranaCount, 0, 200_000);
  int('kiranaTowns', o.kiranaTowns, 1, 10_000);
  range('kiranaRadiusKm', o.kiranaRadiusKm, 0.1, 50);
  range('kiranaParcelsPerDay', o.kiranaParcelsPerDay, 1, 10_000);
  range('kiranaPayoutInr', o.kiranaPayoutInr, 0, 1_000);
  num('residentsPerStation', o.residentsPerStation, 20_000, 100_000_000);
  num('amazonDirectPinShare', o.amazonDirectPinShare, 0, 1);
  int('fulfilmentCentres', o.fulfilmentCentres, 1, 500);
  // Sort centres and national hubs are linked pair by pair: their lanes grow with the square.
  int('sortCentres', o.sortCentres, 1, 300);
  int('nationalSortingHubs', o.nationalSortingHubs, 1, 300);
  int('intraCircleHubs', o.intraCircleHubs, 0, 2_000);
  int('postmen', o.postmen, 0, 10_000_000);
  num('sellersPerMillion', o.sellersPerMillion, 0, 100);
  if (typeof o.aggregateBranchOffices !== 'boolean') issues.push({ path: 'aggregateBranchOffices', message: `must be true or false, given ${show(o.aggregateBranchOffices)}` });
  byMode('circuity', o.circuity, (p, x) => num(p, x, 1, 3));
  byMode('speedKmh', o.speedKmh, (p, x) => num(p, x, 0, 2_000, true));
  byMode('departures', o.departures, (p, x) => {
    if (!Array.isArray(x) || x.length === 0 || x.some((t) => typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t >= 1440)) {
      issues.push({ path: p, message: `must be a non-empty list of minutes after midnight in [0, 1440), given ${show(x)}` });
    }
  });
  byMode('capacityPerDeparture', o.capacityPerDeparture, (p, x) => num(p, x, 0, 10_000_000, true));
  byMode('costPerParcelKm', o.costPerParcelKm, (p, x) => num(p, x, 0, 1_000));
  byMode('travelTimeCv', o.travelTimeCv, (p, x) => num(p, x, 0, 5));
  num('longHaulKm', o.longHaulKm, 0, 10_000);
  num('postAirKm', o.postAirKm, 0, 10_000);
  num('scale', o.scale, 0, 1, true);
  for (const key of ['nodes', 'lanes'] as const) {
    const v: unknown = o[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) issues.push({ path: key, message: `must be a mapping of ${key === 'nodes' ? 'node names' : 'lanes (from>to or from>to/mode)'} to edits (or null), given ${show(v)}` });
  }
  if (o.import !== undefined) {
    for (const file of ['nodes', 'lanes'] as const) {
      const f = (o.import as Record<string, unknown> | null)?.[file] as { sha256?: unknown; content?: unknown } | undefined;
      if (typeof f?.content !== 'string' || typeof f.sha256 !== 'string') issues.push({ path: `import.${file}`, message: `must be the ${file}.csv file's text and its SHA-256 ({ sha256, content }), given ${show(f)}` });
    }
  }

  if (o.states !== null) {
    if (!Array.isArray(o.states) || o.states.some((s) => typeof s !== 'string')) {
      issues.push({ path: 'states', message: `must be a list of state names, given ${show(o.states)}` });
    } else if (data) {
      const valid = [...new Set(data.districts.filter((d) => d.code !== null).map((d) => currentState(d.state, d.code)))].sort();
      o.states.forEach((s, i) => {
        if (!valid.includes(s)) issues.push({ path: `states[${i}]`, message: `unknown state ${show(s)}; valid states are ${valid.join(', ')}` });
      });
    }
  }
  if (o.districts !== null) {
    if (!Array.isArray(o.districts) || o.districts.some((d) => typeof d !== 'number')) {
      issues.push({ path: 'districts', message: `must be a list of Census 2011 district codes, given ${show(o.districts)}` });
    } else if (data) {
      const codes = new Set(data.districts.map((d) => d.code));
      o.districts.forEach((c, i) => {
        if (!codes.has(c)) issues.push({ path: `districts[${i}]`, message: `unknown Census 2011 district code ${show(c)}; valid codes are 1 to 640` });
      });
    }
  }
  return { options: o, issues };
}

function stripUndefined(o: object): object {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
