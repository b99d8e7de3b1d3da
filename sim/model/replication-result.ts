import type { HistogramJSON } from '../engine/stats/index.ts';
import { NODE_TYPES, type NodeType } from '../network/index.ts';
import type { ParcelEvent } from './parcel-event.ts';
import type { ParcelModel } from './parcel-model.ts';
import { OPERATORS } from './parcel-store.ts';
import { SPEED_POST_CLASSES } from './speed-post-norms.ts';
import { F_CREATED, F_DELIVERED, F_IN_FLIGHT, F_LOST, F_RETURNED } from './slice-table.ts';

export interface OperatorBalance {
  created: number;
  delivered: number;
  returned: number;
  inFlight: number;
  lost: number;
}

/** One replication's results. Counts are simulated parcels (one in 1/scale); `metrics.scale` says which. */
export interface ReplicationResult {
  /** Flat metrics in a fixed order; slices carry a suffix such as `{operator=india-post}`, `{area=rural}`, `{state=Kerala}`. */
  metrics: Record<string, number>;
  /** Per simulated day (index 0 = the start date). */
  daily: { created: number[]; delivered: number[]; returned: number[]; backlog: number[]; lastMileQueue: number[] };
  /** Per region district (dataset index), columns of equal length. */
  byDistrict: { district: number[]; state: string[]; created: number[]; delivered: number[]; returned: number[]; leadTimeHoursMean: number[]; within48hShare: number[] };
  /** Per node type, columns of equal length (per-day rates over the order days). */
  byNodeType: { type: NodeType[]; nodes: number[]; capacityPerDay: number[]; handledPerDay: number[]; utilisation: number[]; queueMean: number[]; queueMax: number[] };
  /**
   * Per node (index = node id), columns: capacity and staff as the replication ran them (riders and
   * offices sized to load), expected last-mile parcels a day, what it handled a day over the order
   * days (packed, sorted or attempted), the parcels waiting there (time-weighted mean, maximum) and
   * the waits that ended there (count, total hours, 90th percentile).
   */
  nodes: NodeColumns;
  /** Per lane that opened (ascending by from, to, mode), columns. */
  lanes: LaneColumns;
  /**
   * The shifting bottleneck (Roser's active periods, `shifting-bottleneck.ts`): per kind of
   * resource (node types, then `linehaul`, then `none`), the minutes of each day it was the
   * bottleneck (`none`: nothing held a backlog).
   */
  bottleneckDaily: { kind: string[]; minutes: number[][] };
  /** Lead time to delivery in 1-hour bins. */
  leadTimeHistogram: HistogramJSON;
  /** created = delivered + returned + inFlight + lost, per last-mile operator (checked; a break throws). */
  conservation: Record<(typeof OPERATORS)[number], OperatorBalance>;
  /** Calendar events processed. */
  events: number;
  /** Parcels simulated. */
  parcels: number;
  /** Sampled parcels' events, when `eventLog.enabled`. */
  eventLog?: ParcelEvent[];
  /** Events of sampled parcels past `eventLog.maxEvents`, counted and not kept. */
  eventLogDropped?: number;
}

export interface NodeColumns {
  capacityPerDay: number[];
  staff: number[];
  expectedPerDay: number[];
  handledPerDay: number[];
  queueMean: number[];
  queueMax: number[];
  waits: number[];
  waitHoursTotal: number[];
  waitHoursP90: number[];
}

export interface LaneColumns {
  from: number[];
  to: number[];
  mode: string[];
  departuresPerDay: number[];
  capacityPerDeparture: number[];
  /**
   * Departures that carried something, parcels they carried, parcels left behind by full ones,
   * parcels that just missed one (ready within the hour after it), hours the carried parcels waited.
   */
  departures: number[];
  parcels: number[];
  leftBehind: number[];
  justMissed: number[];
  waitHoursTotal: number[];
}

const MODES = ['road', 'rail', 'air'] as const;

export function replicationResult(m: ParcelModel): ReplicationResult {
  const metrics: Record<string, number> = {};
  m.metrics.slices.write(0, metrics, '');
  // Per parcel measured: all of them, or those ordered after the warm-up (the same number without one).
  const done = Math.max(1, m.metrics.slices.get(0, F_CREATED));
  let co2 = m.metrics.co2LastMile;
  MODES.forEach((mode, i) => {
    metrics[`km.perParcel{mode=${mode}}`] = m.metrics.km[i]! / done;
    metrics[`co2.kg.perParcel{mode=${mode}}`] = (m.metrics.km[i]! * m.config.emissions[mode]) / done;
    co2 += m.metrics.km[i]! * m.config.emissions[mode];
  });
  metrics['co2.kg.perParcel{mode=lastMile}'] = m.metrics.co2LastMile / done;
  metrics['co2.kg.perParcel'] = co2 / done;
  const kiranas = m.network.nodes.filter((n) => n.type === 'kirana').length;
  // Payouts scaled back to full scale (the model samples one parcel in 1/scale): per store per 30
  // days at the rate of the measured order days (the drain days after them bring no new parcels;
  // the warm-up's parcels are not counted).
  const orderDays = m.config.days - m.warmupEnd / 1440;
  metrics['kirana.earnings.perStorePerMonth.inr'] = kiranas > 0 ? (m.metrics.kiranaPayouts / m.scale / kiranas / orderDays) * 30 : 0;
  metrics['kirana.parcels.perStorePerDay'] = kiranas > 0 ? m.metrics.slices.get(3, F_DELIVERED) / m.scale / kiranas / orderDays : 0;
  // Stores that took parcels: attempts a store a day over the order days (DOMAIN.md: 20–40 a day).
  let active = 0;
  let attempts = 0;
  for (const n of m.network.nodes) {
    if (n.type === 'kirana' && m.metrics.handled[n.id]! > 0) {
      active++;
      attempts += m.metrics.handled[n.id]!;
    }
  }
  metrics['kirana.attempts.perActiveStorePerDay'] = active > 0 ? attempts / m.scale / active / m.config.days : 0;

  const byNodeType: ReplicationResult['byNodeType'] = { type: [], nodes: [], capacityPerDay: [], handledPerDay: [], utilisation: [], queueMean: [], queueMax: [] };
  NODE_TYPES.forEach((type, t) => {
    let count = 0;
    let cap = 0;
    let handled = 0;
    m.network.nodes.forEach((n) => {
      if (n.type !== type) return;
      count++;
      cap += n.capacityPerDay * m.plan.nodeCapacity[n.id]!;
      handled += m.metrics.handled[n.id]!;
    });
    const q = m.metrics.queueByTypeDaily[t]!;
    byNodeType.type.push(type);
    byNodeType.nodes.push(count);
    byNodeType.capacityPerDay.push(cap);
    byNodeType.handledPerDay.push(handled / orderDays);
    byNodeType.utilisation.push(cap > 0 ? handled / orderDays / cap : 0);
    byNodeType.queueMean.push(q.length > 0 ? q.reduce((a, b) => a + b, 0) / q.length : 0);
    byNodeType.queueMax.push(q.length > 0 ? Math.max(...q) : 0);
    metrics[`node.utilisation{type=${type}}`] = byNodeType.utilisation[t]!;
    metrics[`node.queue.mean{type=${type}}`] = byNodeType.queueMean[t]!;
  });
  const sp = m.lastMileSpeedPost;
  if (sp !== null) {
    const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
    metrics['speedPost.withinNorm.share'] = sum(sp.delivered) > 0 ? sum(sp.withinNorm) / sum(sp.delivered) : 0;
    SPEED_POST_CLASSES.forEach((c, i) => {
      const n = sp.delivered[i]!;
      metrics[`speedPost.parcels{class=${c}}`] = n;
      metrics[`speedPost.withinNorm.share{class=${c}}`] = n > 0 ? sp.withinNorm[i]! / n : 0;
      metrics[`speedPost.workingDays.mean{class=${c}}`] = n > 0 ? sp.workingDays[i]! / n : 0;
    });
  }
  const b = m.bottleneck;
  b.close(m.horizon);
  const kinds = [...NODE_TYPES, 'linehaul'];
  const bottleneckDaily: ReplicationResult['bottleneckDaily'] = {
    kind: [...kinds, 'none'],
    minutes: [...kinds.map((_, k) => Array.from({ length: b.days }, (_, d) => b.minutes[d * b.kinds + k]!)), Array.from(b.idle)],
  };
  bottleneckDaily.kind.forEach((kind, k) => {
    metrics[`bottleneck.share{type=${kind}}`] = bottleneckDaily.minutes[k]!.reduce((x, y) => x + y, 0) / m.horizon;
  });
  metrics['backlog.max'] = m.metrics.daily.backlog.length > 0 ? Math.max(...m.metrics.daily.backlog) : 0;
  metrics.scale = m.scale;

  OPERATORS.forEach((op, i) => m.metrics.slices.write(1 + i, metrics, `{operator=${op}}`));
  m.metrics.slices.write(4, metrics, '{area=urban}');
  m.metrics.slices.write(5, metrics, '{area=rural}');
  m.metrics.states.forEach((s, i) => m.metrics.slices.write(6 + i, metrics, `{state=${s}}`));

  const c = m.network.catchments;
  const ds = m.metrics.districtStats;
  const byDistrict: ReplicationResult['byDistrict'] = {
    district: [...c.district],
    state: c.district.map((_, i) => m.metrics.states[m.metrics.stateOfDistrict[i]!]!),
    created: Array.from(ds.created),
    delivered: Array.from(ds.delivered),
    returned: Array.from(ds.returned),
    leadTimeHoursMean: Array.from(ds.delivered, (d, i) => (d > 0 ? ds.leadSum[i]! / d : 0)),
    within48hShare: Array.from(ds.delivered, (d, i) => (d > 0 ? ds.within48[i]! / d : 0)),
  };

  const conservation = {} as ReplicationResult['conservation'];
  OPERATORS.forEach((op, i) => {
    const s = 1 + i;
    const g = (f: number): number => m.metrics.slices.get(s, f);
    const b = { created: g(F_CREATED), delivered: g(F_DELIVERED), returned: g(F_RETURNED), inFlight: g(F_IN_FLIGHT), lost: g(F_LOST) };
    if (b.created !== b.delivered + b.returned + b.inFlight + b.lost) {
      throw new Error(
        `conservation broken for operator ${op}: created ${b.created} ≠ delivered ${b.delivered} + returned ${b.returned} + in flight ${b.inFlight} + lost ${b.lost}`,
      );
    }
    conservation[op] = b;
  });

  const result: ReplicationResult = {
    metrics,
    daily: m.metrics.daily,
    byDistrict,
    byNodeType,
    nodes: nodeColumns(m),
    lanes: laneColumns(m),
    bottleneckDaily,
    leadTimeHistogram: m.metrics.histogram.toJSON(),
    conservation,
    events: m.sim.processed,
    parcels: m.parcels.count,
  };
  if (m.log !== null) {
    result.eventLog = m.log.events;
    result.eventLogDropped = m.log.dropped;
  }
  return result;
}

function nodeColumns(m: ParcelModel): NodeColumns {
  const nodes = m.network.nodes;
  const stats = m.nodeStats;
  const days = m.config.days;
  const cols: NodeColumns = { capacityPerDay: [], staff: [], expectedPerDay: [], handledPerDay: [], queueMean: [], queueMax: [], waits: [], waitHoursTotal: [], waitHoursP90: [] };
  for (const n of nodes) {
    const k = m.plan.nodeCapacity[n.id]!;
    cols.capacityPerDay.push(n.capacityPerDay * k);
    cols.staff.push(n.delivers ? n.staff * k : n.staff);
    cols.expectedPerDay.push(m.expected.parcels[n.id]!);
    cols.handledPerDay.push(m.metrics.handled[n.id]! / days);
    cols.queueMean.push(stats.meanQueue(n.id, m.horizon));
    cols.queueMax.push(stats.max(n.id));
    cols.waits.push(stats.waits(n.id));
    cols.waitHoursTotal.push(stats.waitMinutes(n.id) / 60);
    cols.waitHoursP90.push(stats.waitQuantileHours(n.id, 0.9));
  }
  return cols;
}

function laneColumns(m: ParcelModel): LaneColumns {
  const rows = m.openedDepartures.map((lane) => ({ lane, l: m.routes.lane(lane), d: m.laneStats(lane) }));
  rows.sort((a, b) => a.l.from - b.l.from || a.l.to - b.l.to || (a.l.mode < b.l.mode ? -1 : a.l.mode > b.l.mode ? 1 : 0) || a.lane - b.lane);
  const cols: LaneColumns = { from: [], to: [], mode: [], departuresPerDay: [], capacityPerDeparture: [], departures: [], parcels: [], leftBehind: [], justMissed: [], waitHoursTotal: [] };
  for (const { l, d } of rows) {
    cols.from.push(l.from);
    cols.to.push(l.to);
    cols.mode.push(l.mode);
    cols.departuresPerDay.push(l.departures.length);
    cols.capacityPerDeparture.push(d.capacity);
    cols.departures.push(d.departures);
    cols.parcels.push(d.carried);
    cols.leftBehind.push(d.leftBehind);
    cols.justMissed.push(d.justMissed);
    cols.waitHoursTotal.push(d.waited / 60);
  }
  return cols;
}
