import type { HistogramJSON } from '../engine/stats/index.ts';
import { NODE_TYPES, type NodeType } from '../network/index.ts';
import type { ParcelEvent } from './parcel-event.ts';
import type { ParcelModel } from './parcel-model.ts';
import { OPERATORS } from './parcel-store.ts';
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
  /** Per node type, columns of equal length. */
  byNode: { type: NodeType[]; nodes: number[]; capacityPerDay: number[]; handledPerDay: number[]; utilisation: number[]; queueMean: number[]; queueMax: number[] };
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
  const days = m.horizon / 1440;
  // The measured parcels' payouts and deliveries fall in the days after the warm-up (all days without one).
  const measuredDays = days - m.warmupEnd / 1440;
  const kiranas = m.network.nodes.filter((n) => n.type === 'kirana').length;
  // Payouts scaled back to full scale (the model samples one parcel in 1/scale): per store per 30 days.
  metrics['kirana.earnings.perStorePerMonth.inr'] = kiranas > 0 ? (m.metrics.kiranaPayouts / m.scale / kiranas / measuredDays) * 30 : 0;
  metrics['kirana.parcels.perStorePerDay'] = kiranas > 0 ? m.metrics.slices.get(3, F_DELIVERED) / m.scale / kiranas / measuredDays : 0;
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

  const byNode: ReplicationResult['byNode'] = { type: [], nodes: [], capacityPerDay: [], handledPerDay: [], utilisation: [], queueMean: [], queueMax: [] };
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
    byNode.type.push(type);
    byNode.nodes.push(count);
    byNode.capacityPerDay.push(cap);
    byNode.handledPerDay.push(handled / days);
    byNode.utilisation.push(cap > 0 ? handled / days / cap : 0);
    byNode.queueMean.push(q.length > 0 ? q.reduce((a, b) => a + b, 0) / q.length : 0);
    byNode.queueMax.push(q.length > 0 ? Math.max(...q) : 0);
    metrics[`node.utilisation{type=${type}}`] = byNode.utilisation[t]!;
    metrics[`node.queue.mean{type=${type}}`] = byNode.queueMean[t]!;
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
    byNode,
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
