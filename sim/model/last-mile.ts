import { dayIndex, minuteOfDay, type SimCalendar, type Simulation } from '../engine/index.ts';
import { KeyedCursor, keyedStreamKey } from '../engine/random/index.ts';
import { NODE_TYPES, type Network } from '../network/index.ts';
import { type DisruptionPlan, inWindows, slowdownAt } from './disruption-plan.ts';
import type { ModelConfig } from './model-config.ts';
import type { EventLog } from './parcel-event.ts';
import { DELIVERED, FLAG_COD, FLAG_EXPORT, FLAG_RURAL, FLAG_SAMPLED, OP_AMAZON, OP_INDIA_POST, OP_KIRANA, type ParcelStore, RETURNED, RETURNING } from './parcel-store.ts';
import type { ReplicationMetrics } from './replication-metrics.ts';
import { C_FAILED, C_LAST_MILE, C_PARTNER, C_RETURNS, F_FIRST_ATTEMPTS, F_FIRST_SUCCESSES } from './slice-table.ts';

const KIRANA_TYPE = NODE_TYPES.indexOf('kirana');

/** What the last mile shares with the rest of a replication. */
export interface LastMileContext {
  sim: Simulation;
  config: ModelConfig;
  network: Network;
  calendar: SimCalendar;
  plan: DisruptionPlan;
  parcels: ParcelStore;
  metrics: ReplicationMetrics;
  log: EventLog | null;
  /** Per node, its index in NODE_TYPES. */
  typeIndex: Int32Array;
  /**
   * Linehaul cost of each route, INR per parcel (what a return pays to go back): the route
   * planner, read through at each use because its array is replaced as it grows.
   */
  routes: { readonly cost: Float64Array };
}

/**
 * The last mile of one replication: a parcel joins its node's queue (after the assumed dwell where
 * India Post has no tracking), goes out in the node's daily delivery wave (Amazon's and kiranas'
 * wave, the postmen's beat) up to the node's capacity, and at each attempt is delivered, collected
 * from the store or office, tried again the next day, or returned to the seller (refusal, or the
 * last attempt failed).
 */
export class LastMile {
  /** Parcels waiting at last-mile nodes, by node type. */
  readonly queued = new Float64Array(NODE_TYPES.length);
  private readonly sim: Simulation;
  private readonly config: ModelConfig;
  private readonly network: Network;
  private readonly calendar: SimCalendar;
  private readonly plan: DisruptionPlan;
  private readonly parcels: ParcelStore;
  private readonly metrics: ReplicationMetrics;
  private readonly log: EventLog | null;
  private readonly typeIndex: Int32Array;
  private readonly routes: { readonly cost: Float64Array };
  private readonly queues: (number[] | undefined)[];
  private readonly queueHead: Int32Array;
  private readonly wavePlanned: Uint8Array;
  /** Per node, the fraction of a parcel of capacity left from the last wave (at most one). */
  private readonly carry: Float64Array;
  /** Draws at the parcel's attempts: k = 3 × (attempt − 1) + purpose. */
  private readonly attemptDraws: KeyedCursor;
  private readonly attemptTimeDraws: KeyedCursor;
  /** Scratch for an attempt's three draws (KeyedCursor.fill), read at once. */
  private readonly draws = new Float64Array(3);
  private readonly refusal: number[][];

  constructor(context: LastMileContext, seed: number | string, replication: number) {
    this.sim = context.sim;
    this.config = context.config;
    this.network = context.network;
    this.calendar = context.calendar;
    this.plan = context.plan;
    this.parcels = context.parcels;
    this.metrics = context.metrics;
    this.log = context.log;
    this.typeIndex = context.typeIndex;
    this.routes = context.routes;
    const n = this.network.nodes.length;
    this.queues = new Array(n).fill(undefined);
    this.queueHead = new Int32Array(n);
    this.wavePlanned = new Uint8Array(n);
    this.carry = new Float64Array(n);
    this.attemptDraws = new KeyedCursor(keyedStreamKey(seed, replication, 'parcel/attempt'));
    this.attemptTimeDraws = new KeyedCursor(keyedStreamKey(seed, replication, 'parcel/attemptTime'));
    this.refusal = [this.config.customer.prepaidRefusalByDelay, this.config.customer.codRefusalByDelay];
  }

  /** A parcel at its last-mile node (or, for export, at the export hub). */
  arrive(id: number): void {
    const p = this.parcels;
    if (p.flags[id]! & FLAG_EXPORT) {
      // Export parcels end at the export hub.
      this.deliver(id, false);
      return;
    }
    const ip = this.config.policies.indiaPost;
    if (p.operator[id] === OP_INDIA_POST && !ip.tracking && ip.dwellMinutesWithoutTracking > 0) {
      // Without tracking the parcel waits to be matched to a beat and the addressee (assumed
      // dwell), counted from the first beat it could have made, so a parcel in by the morning
      // run goes out one beat later whatever the minute it came in. It joins the queue a minute
      // before that beat (a later join in the same minute would start a second wave).
      const now = this.sim.now;
      const beat = dayIndex(now) * 1440 + ip.beatMinute;
      const first = beat >= now ? beat : beat + 1440;
      this.sim.scheduleAt(Math.max(now, first + ip.dwellMinutesWithoutTracking - 1), this.enqueue, id);
    } else {
      this.enqueue(id);
    }
  }

  private readonly enqueue = (id: number): void => {
    const node = this.parcels.lastMile[id]!;
    let q = this.queues[node];
    if (!q) this.queues[node] = q = [];
    q.push(id);
    this.queued[this.typeIndex[node]!]!++;
    if (this.wavePlanned[node] === 0) this.planWave(node);
  };

  /** The node's delivery wave start: Amazon's (and kiranas') wave, or the postmen's beat. */
  private waveMinute(node: number): number {
    return this.network.nodes[node]!.operator === 'india-post' ? this.config.policies.indiaPost.beatMinute : this.config.operations.deliveryWaveMinute;
  }

  private planWave(node: number): void {
    const now = this.sim.now;
    const wave = this.waveMinute(node);
    const t = dayIndex(now) * 1440 + wave;
    this.wavePlanned[node] = 1;
    this.sim.scheduleAt(minuteOfDay(now) <= wave && t >= now ? t : t + 1440, this.onWave, node);
  }

  private isClosed(node: number, t: number): boolean {
    if (this.network.nodes[node]!.operator === 'india-post' && !this.calendar.isWorkingDay(t)) return true;
    return inWindows(this.plan.nodeClosures.get(node), t);
  }

  /**
   * A monsoon's slowdown on an open last-mile node in a flooded state: it delivers 1 / factor of
   * its capacity (assumption: riders and postmen are slowed as trucks are, DOMAIN.md ×1.1–1.4).
   */
  private lastMileSlowdown(node: number, t: number): number {
    const slowdowns = this.plan.slowdowns;
    if (slowdowns.length === 0) return 1;
    const state = this.network.nodes[node]!.state;
    return slowdownAt(slowdowns, t, state, state);
  }

  /** The day's delivery wave: riders/postmen × drops a day (the node's capacity); the rest rolls to tomorrow. */
  private readonly onWave = (node: number): void => {
    this.wavePlanned[node] = 0;
    const now = this.sim.now;
    const q = this.queues[node]!;
    if (this.isClosed(node, now)) {
      this.wavePlanned[node] = 1;
      this.sim.scheduleAt(now + 1440, this.onWave, node);
      return;
    }
    const day = dayIndex(now);
    const factor = this.plan.capacityFactor[Math.min(day, this.plan.capacityFactor.length - 1)]!;
    // A kirana's load is already held to its capacity when parcels are booked to it (bookKirana);
    // limiting its wave again would make a store of fractional capacity (small scale) sit on
    // parcels for days, a sampling artefact. It hands out all it holds.
    const budget = this.typeIndex[node] === KIRANA_TYPE
      ? Infinity
      : (this.network.nodes[node]!.capacityPerDay * this.plan.nodeCapacity[node]! * factor) / this.lastMileSlowdown(node, now) + this.carry[node]!;
    let head = this.queueHead[node]!;
    const n = budget === Infinity ? q.length - head : Math.floor(budget);
    const take = Math.min(n, q.length - head);
    this.carry[node] = take === n ? Math.min(budget - n, 1) : 0;
    const spread = this.network.nodes[node]!.operator === 'india-post' ? this.config.policies.indiaPost.beatSpreadMinutes : this.config.operations.deliverySpreadMinutes;
    const p = this.parcels;
    for (let i = 0; i < take; i++) {
      const id = q[head++]!;
      const a = p.attempts[id]! + 1;
      p.attempts[id] = a;
      this.sim.scheduleAt(now + spread * this.attemptTimeDraws.seek(id, a).next(), this.onAttempt, id);
    }
    this.queued[this.typeIndex[node]!]! -= take;
    if (head === q.length) {
      q.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > q.length) {
      q.splice(0, head);
      head = 0;
    }
    this.queueHead[node] = head;
    if (head < q.length) {
      this.wavePlanned[node] = 1;
      this.sim.scheduleAt(now + 1440, this.onWave, node);
    }
  };

  private readonly onAttempt = (id: number): void => {
    const p = this.parcels;
    const cfg = this.config;
    const now = this.sim.now;
    const node = p.lastMile[id]!;
    const op = p.operator[id]!;
    const a = p.attempts[id]!;
    const flags = p.flags[id]!;
    const rural = (flags & FLAG_RURAL) !== 0;
    const cod = (flags & FLAG_COD) !== 0;
    this.metrics.handled[node]!++;
    this.metrics.addCo2LastMile(cfg.emissions.lastMileAttempt);
    if (op === OP_KIRANA) {
      const payout = this.network.nodes[node]!.payoutInr;
      this.metrics.addKiranaPayout(payout);
      this.metrics.addCost(id, C_PARTNER, payout);
    }
    // The attempt's three draws (refusal, availability, collection), always all taken.
    const u = this.attemptDraws.seek(id, 3 * (a - 1)).fill(this.draws, 3);
    const uRefuse = u[0]!;
    const uHome = u[1]!;
    const uCollect = u[2]!;
    let refused = false;
    if (a === 1) {
      // Refusal at the door (RTO) grows with the wait (DOMAIN.md: RTO 22 % at 1–2 days, 27 % at 3–5, 35 % beyond).
      const days = (now - p.created[id]!) / 1440;
      const table = this.refusal[cod ? 1 : 0]!;
      const pRefuse = table[days <= 2 ? 0 : days <= 5 ? 1 : 2]!;
      refused = uRefuse < pRefuse;
    }
    const c = cfg.customer;
    const base = op === OP_KIRANA ? c.availabilityKirana : op === OP_INDIA_POST ? (cfg.policies.indiaPost.tracking ? c.availabilityIndiaPostTracked : c.availabilityIndiaPost) : c.availabilityAmazon;
    const success = !refused && uHome < base * (rural ? c.ruralFactor : 1);
    if (a === 1) {
      this.metrics.bump(id, F_FIRST_ATTEMPTS, 1);
      if (success) this.metrics.bump(id, F_FIRST_SUCCESSES, 1);
    }
    if (flags & FLAG_SAMPLED) this.log!.record({ type: 'attempt', t: now, parcel: id, node, attempt: a, success, refused });
    if (success) {
      this.deliver(id, false);
      return;
    }
    if (op === OP_AMAZON) this.metrics.addCost(id, C_FAILED, cfg.costs.failedAttempt);
    if (refused || a >= cfg.operations.maxAttempts) {
      this.startReturn(id);
    } else if (op !== OP_AMAZON && uCollect < c.collectShare) {
      // Not home: the addressee collects from the kirana or post office instead, within the day.
      this.sim.schedule(cfg.operations.reattemptHours * 30, this.onCollect, id);
    } else {
      // Reattempt in the next day's wave (~24 h later, DOMAIN.md).
      this.sim.schedule(Math.max(0, cfg.operations.reattemptHours * 60 - 1440), this.enqueue, id);
    }
  };

  private readonly onCollect = (id: number): void => {
    this.deliver(id, true);
  };

  private deliver(id: number, collected: boolean): void {
    const p = this.parcels;
    const cfg = this.config;
    const now = this.sim.now;
    const lead = (now - p.created[id]!) / 60;
    const op = p.operator[id]!;
    p.status[id] = DELIVERED;
    this.metrics.delivered(id, lead, collected);
    if (op === OP_AMAZON) this.metrics.addCost(id, C_LAST_MILE, (p.flags[id]! & FLAG_RURAL) !== 0 ? cfg.costs.lastMileRural : cfg.costs.lastMileUrban);
    else if (op === OP_INDIA_POST) this.metrics.addCost(id, C_PARTNER, cfg.policies.indiaPost.feePerParcel);
    if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'delivered', t: now, parcel: id, node: p.lastMile[id]!, collected, leadTimeHours: lead });
  }

  private startReturn(id: number): void {
    const p = this.parcels;
    p.status[id] = RETURNING;
    this.metrics.returnStarted(id);
    // A return costs its handling plus the linehaul back (DOMAIN.md: ₹50–150 extra).
    this.metrics.addCost(id, C_RETURNS, this.config.costs.rto + this.routes.cost[p.route[id]!]!);
    if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'rto', t: this.sim.now, parcel: id, node: p.lastMile[id]! });
    this.sim.schedule(this.config.operations.returnDays * 1440, this.onReturned, id);
  }

  private readonly onReturned = (id: number): void => {
    const p = this.parcels;
    p.status[id] = RETURNED;
    this.metrics.returned(id);
    if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'returned', t: this.sim.now, parcel: id });
  };
}
