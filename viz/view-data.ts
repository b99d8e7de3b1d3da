import type { ResultSet } from '../sim/compare/types.ts';

/**
 * One district's outcome, averaged over replications, keyed by its Census 2011 district code (the
 * `code` column of `districts.csv`; the map finds the shape through the dataset's codes).
 */
export interface DistrictRow {
  code: number;
  name: string;
  state: string;
  created: number;
  delivered: number;
  returned: number;
  leadTimeHoursMean: number;
  within48hShare: number;
}

export interface DailyRow {
  day: number;
  created: number;
  delivered: number;
  returned: number;
  backlog: number;
}

/** One node type's totals: nodes, capacity and parcels handled a day summed over its nodes. */
export interface NodeRow {
  type: string;
  nodes: number;
  capacityPerDay: number;
  handledPerDay: number;
  utilisation: number;
}

/**
 * One node of the result's network: a row of `nodes.csv` (one row per node, means over
 * replications), fields named as its columns. `id` is the node's id in the result's own network,
 * which is not the map's national network unless the scenario builds that same network.
 */
export interface NodeDetailRow {
  id: number;
  name: string;
  type: string;
  operator: string;
  /** Census 2011 code of the node's district; null when it has none. */
  districtCode: number | null;
  district: string;
  state: string;
  lat: number;
  lon: number;
  capacityPerDay: number;
  staff: number;
  expectedPerDay: number;
  handledPerDay: number;
  utilisation: number;
  queueMean: number;
  queueMax: number;
  waitHoursMean: number;
  waitHoursP90: number;
  /** Hours waited there over the run, summed over parcels: what ranks bottlenecks. */
  waitParcelHours: number;
}

/** One lane that carried parcels: a row of `lanes.csv`, fields named as its columns. */
export interface LaneDetailRow {
  from: number;
  fromName: string;
  to: number;
  toName: string;
  mode: string;
  departuresPerDay: number;
  capacityPerDeparture: number;
  parcels: number;
  departures: number;
  meanFill: number;
  leftBehind: number;
  justMissed: number;
  waitHoursMean: number;
  waitParcelHours: number;
}

/** A sampled parcel event, as the model logs it (kept loose: the page only reads a few fields). */
export interface LoggedEvent {
  type: string;
  t: number;
  parcel: number;
  node?: number;
  from?: number;
  to?: number;
  district?: number;
}

/**
 * What every view draws: one result (a run in the page or a result folder), in one shape. The
 * tables are means over replications; `set` is the sim/compare view of the same result, so two
 * ViewData compare with `compare(a.set, b.set)`.
 */
export interface ViewData {
  label: string;
  /** A run made in the page, or a result folder (loaded from disk or a URL). */
  source: 'page' | 'folder';
  set: ResultSet;
  districts: DistrictRow[];
  daily: DailyRow[];
  nodes: NodeRow[];
  /** One row per node (`nodes.csv`); undefined when the result has none, and then `perNodeNote` says why (folders written before sim run wrote it). */
  perNode?: NodeDetailRow[];
  perNodeNote?: string;
  /** One row per lane used (`lanes.csv`); undefined when the result has none, and then `perLaneNote` says why. */
  perLane?: LaneDetailRow[];
  perLaneNote?: string;
  /** Lead time to delivery, 1-hour bins, summed over replications. */
  histogram: { hour: number; count: number }[];
  /** Sampled events of replication 0 and the network they refer to, when the run logged them. */
  playback?: { events: LoggedEvent[]; network: Record<string, unknown>; seed: number | string };
}

/** A metric's per-replication values, from `replications.csv`. */
export function replicationValues(view: ViewData, metric: string): number[] {
  return [...(view.set.replications.values[metric] ?? [])];
}

/** A metric's mean from `summary.json`; NaN when absent. */
export function metricMean(view: ViewData, metric: string): number {
  return view.set.summary.metrics[metric]?.mean ?? Number.NaN;
}
