import { dayIndex, minuteOfDay, type SimCalendar, type Simulation } from '../engine/index.ts';
import { KeyedCursor, keyedStreamKey } from '../engine/random/index.ts';
import { NODE_TYPES, type Network } from '../network/index.ts';
import { type DisruptionPlan, inWindows, slowdownAt } from './disruption-plan.ts';
import type { ModelConfig } from './model-config.ts';
import type { EventLog } from './parcel-event.ts';
import type { NodeStats } from './node-stats.ts';
import type { ShiftingBottleneck } from './shifting-bottleneck.ts';
import type { SpeedPostNorms } from './speed-post-norms.ts';
import {
  DELIVERED, FLAG_BOOKED, FLAG_COD, FLAG_EXPORT, FLAG_RURAL, FLAG_SAMPLED, OP_AMAZON, OP_INDIA_POST, OP_KIRANA, type ParcelStore, RETURNED, RETURNING,
  S_DWELL, S_FIRST_ATTEMPT, S_LAST_MILE_WAIT, S_REATTEMPTS, S_MARK, STAGE_STRIDE, STAGES,
} from './parcel-store.ts';
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
  nodeStats: NodeStats;
  bottleneck: ShiftingBottleneck;
  log: EventLog | null;
  /** Per node, its index in NODE_TYPES. */
  typeIndex: Int32Array;
  /** Per node, 1 for India Post's, else 0 (NetworkTables.postal). */
  postal: Uint8Array;
  /**
   * Linehaul cost of each route, INR per parcel (what a return pays to go back): the route
   * planner, read through at each use because its array is replaced as it grows.
   */
  routes: { readonly cost: Float64Array };
  /** Speed Post's norms for parcels sellers booked at post offices (the b2b policy), else null. */
  speedPost: SpeedPostNorms | null;
  /** A route's first node (a seller for a booked parcel). */
  originOf: (route: number) => number;
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
  private readonly stats: NodeStats;
  private readonly bottleneck: ShiftingBottleneck;
  private readonly log: EventLog | null;
  private readonly typeIndex: Int32Array;
  private readonly routes: { readonly cost: Float64Array };
  readonly speedPost: SpeedPostNorms | null;
  private readonly originOf: (route: number) => number;
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
  // Per node and per operator, what the handlers would otherwise read from the config behind a
  // test of the operator. India Post's parcels reach the last mile days after Amazon's, when V8
  // has optimised the handlers on Amazon's alone: a config read met for the first time then
  // throws the optimised code away in every worker (a deopt and a recompile of the handler).
  // A table read runs for every parcel, so its type feedback is there from the start.
  /** Per node, 1 for an India Post office (its beat; Sundays and holidays off), else 0. */
  private readonly postal: Uint8Array;
  /** Per node, its kind of delivery wave: 0 an Amazon station's, 1 the postmen's beat, 2 a kirana store's round. */
  private readonly waveKind: Uint8Array;
  /** By wave kind: the wave's minute of the day and its spread. */
  private readonly waveMinuteOf: Float64Array;
  private readonly spreadOf: Float64Array;
  /** Per simulated day, 1 when it is a working day (India Post's calendar). */
  private readonly workingDay: Uint8Array;
  /** By operator: the addressee's availability, the partner's fee per delivered parcel, the untracked dwell. */
  private readonly availability: Float64Array;
  private readonly partnerFee: Float64Array;
  private readonly dwell: Float64Array;

  constructor(context: LastMileContext, seed: number | string, replication: number) {
    this.sim = context.sim;
    this.config = context.config;
    this.network = context.network;
    this.calendar = context.calendar;
    this.plan = context.plan;
    this.parcels = context.parcels;
    this.metrics = context.metrics;
    this.stats = context.nodeStats;
    this.bottleneck = context.bottleneck;
    this.log = context.log;
    this.typeIndex = context.typeIndex;
    this.routes = context.routes;
    this.speedPost = context.speedPost;
    this.originOf = context.originOf;
    const n = this.network.nodes.length;
    this.queues = new Array(n).fill(undefined);
    this.queueHead = new Int32Array(n);
    this.wavePlanned = new Uint8Array(n);
    this.carry = new Float64Array(n);
    this.attemptDraws = new KeyedCursor(keyedStreamKey(seed, replication, 'parcel/attempt'));
    this.attemptTimeDraws = new KeyedCursor(keyedStreamKey(seed, replication, 'parcel/attemptTime'));
    this.refusal = [this.config.customer.prepaidRefusalByDelay, this.config.customer.codRefusalByDelay];
    this.postal = context.postal;
    const ip = this.config.policies.indiaPost;
    const ops = this.config.operations;
    this.waveKind = new Uint8Array(n);
    for (let node = 0; node < n; node++) this.waveKind[node] = this.postal[node] === 1 ? 1 : this.typeIndex[node] === KIRANA_TYPE ? 2 : 0;
    this.waveMinuteOf = Float64Array.of(ops.deliveryWaveMinute, ip.beatMinute, this.config.policies.kirana.waveMinute);
    this.spreadOf = Float64Array.of(ops.deliverySpreadMinutes, ip.beatSpreadMinutes, ops.deliverySpreadMinutes);
    const days = this.config.days + this.config.drainDays + 2;
    this.workingDay = new Uint8Array(days);
    for (let d = 0; d < days; d++) this.workingDay[d] = this.calendar.isWorkingDay(d * 1440) ? 1 : 0;
    const c = this.config.customer;
    const byOperator = (amazon: number, indiaPost: number, kirana: number): Float64Array => {
      const table = new Float64Array(3);
      table[OP_AMAZON] = amazon;
      table[OP_INDIA_POST] = indiaPost;
      table[OP_KIRANA] = kirana;
      return table;
    };
    this.availability = byOperator(c.availabilityAmazon, ip.tracking ? c.availabilityIndiaPostTracked : c.availabilityIndiaPost, c.availabilityKirana);
    // A kirana is paid at each attempt (onAttempt), not per delivered parcel.
    this.partnerFee = byOperator(0, ip.feePerParcel, 0);
    this.dwell = byOperator(0, !ip.tracking && ip.dwellMinutesWithoutTracking > 0 ? ip.dwellMinutesWithoutTracking : 0, 0);
  }

  /** A parcel at its last-mile node (or, for export, at the export hub). */
  arrive(id: number): void {
    const p = this.parcels;
    if (p.flags[id]! & FLAG_EXPORT) {
      // Export parcels end at the export hub.
      this.deliver(id, false);
      return;
    }
    const now = this.sim.now;
    p.stage[id * STAGE_STRIDE + S_MARK] = now;
    this.stats.queue(p.lastMile[id]!, 1, now);
    const dwell = this.dwell[p.operator[id]!]!;
    if (dwell > 0) {
      // Without tracking the parcel waits to be matched to a beat and the addressee (assumed
      // dwell), counted from the first beat it could have made, so a parcel in by the morning
      // run goes out one beat later whatever the minute it came in. It joins the queue a minute
      // before that beat (a later join in the same minute would start a second wave).
      const beat = dayIndex(now) * 1440 + this.waveMinuteOf[1]!;
      const first = beat >= now ? beat : beat + 1440;
      const at = Math.max(now, first + dwell - 1);
      p.stage[id * STAGE_STRIDE + S_DWELL] = at - now;
      this.sim.scheduleAt(at, this.enqueue, id);
    } else {
      this.enqueue(id);
    }
  }

  private readonly enqueue = (id: number): void => {
    const p = this.parcels;
    const node = p.lastMile[id]!;
    if (p.attempts[id]! > 0) {
      // Back for another attempt: the wait since the last one is part of its reattempts.
      const now = this.sim.now;
      const at = id * STAGE_STRIDE;
      p.stage[at + S_REATTEMPTS]! += now - p.stage[at + S_MARK]!;
      p.stage[at + S_MARK] = now;
      this.stats.queue(node, 1, now);
    }
    let q = this.queues[node];
    if (!q) this.queues[node] = q = [];
    q.push(id);
    this.queued[this.typeIndex[node]!]!++;
    if (this.wavePlanned[node] === 0) this.planWave(node);
  };

  /** The node's delivery wave start: Amazon's wave, the postmen's beat or a kirana's round. */
  private waveMinute(node: number): number {
    return this.waveMinuteOf[this.waveKind[node]!]!;
  }

  private planWave(node: number): void {
    const now = this.sim.now;
    const wave = this.waveMinute(node);
    const t = dayIndex(now) * 1440 + wave;
    this.wavePlanned[node] = 1;
    this.sim.scheduleAt(minuteOfDay(now) <= wave && t >= now ? t : t + 1440, this.onWave, node);
  }

  private isClosed(node: number, t: number): boolean {
    if (this.postal[node]! > this.working(t)) return true; // a post office (1) on a day off (0)
    return inWindows(this.plan.nodeClosures.get(node), t);
  }

  /** 1 on a working day (India Post's calendar), else 0; the calendar past the table (never in a run). */
  private working(t: number): number {
    const day = dayIndex(t);
    return day < this.workingDay.length ? this.workingDay[day]! : this.calendar.isWorkingDay(t) ? 1 : 0;
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
      // Closed with parcels in: held up (a monsoon's office, a post office's Sunday).
      this.bottleneck.report(node, q.length > this.queueHead[node]!, now);
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
    const spread = this.spreadOf[this.waveKind[node]!]!;
    const p = this.parcels;
    const stats = this.stats;
    stats.queue(node, -take, now);
    for (let i = 0; i < take; i++) {
      const id = q[head++]!;
      const a = p.attempts[id]! + 1;
      p.attempts[id] = a;
      const at = id * STAGE_STRIDE;
      const wait = now - p.stage[at + S_MARK]!;
      stats.waited(node, wait);
      // The first wave's wait, less the dwell before the parcel could join it; a later one's is a reattempt's.
      if (a === 1) p.stage[at + S_LAST_MILE_WAIT] = wait - p.stage[at + S_DWELL]!;
      else p.stage[at + S_REATTEMPTS]! += wait;
      p.stage[at + S_MARK] = now;
      // The log's test first: the wave's loop reads nothing else of the parcel's flags.
      if (this.log !== null && (p.flags[id]! & FLAG_SAMPLED) !== 0) this.log.record({ type: 'outForDelivery', t: now, parcel: id, node, attempt: a });
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
    this.bottleneck.report(node, head < q.length, now);
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
    const at = id * STAGE_STRIDE;
    p.stage[at + (a === 1 ? S_FIRST_ATTEMPT : S_REATTEMPTS)]! += now - p.stage[at + S_MARK]!;
    p.stage[at + S_MARK] = now;
    this.metrics.handled[node]!++;
    this.metrics.addCo2LastMile(id, cfg.emissions.lastMileAttempt);
    if (op === OP_KIRANA) {
      const payout = this.network.nodes[node]!.payoutInr;
      this.metrics.addKiranaPayout(id, payout);
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
      // 0 up to 2 days, 1 up to 5, 2 beyond: both tests always run (see `postal`).
      const pRefuse = table[(days > 2 ? 1 : 0) + (days > 5 ? 1 : 0)]!;
      refused = uRefuse < pRefuse;
    }
    const c = cfg.customer;
    const base = this.availability[op]!;
    const success = !refused && uHome < base * (rural ? c.ruralFactor : 1);
    const collects = uCollect < c.collectShare; // tested for every attempt (see `postal`)
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
    } else if (op !== OP_AMAZON && collects) {
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
    // A collection after a failed attempt: the time since it (0 for a delivery at the attempt).
    const at = id * STAGE_STRIDE;
    if (p.attempts[id]! > 0) p.stage[at + S_REATTEMPTS]! += now - p.stage[at + S_MARK]!;
    this.metrics.delivered(id, lead, collected);
    if ((p.flags[id]! & (FLAG_BOOKED | FLAG_EXPORT)) === FLAG_BOOKED) this.speedPost!.record(this.originOf(p.route[id]!), p.district[id]!, p.created[id]!, now);
    // Amazon pays its own last mile, India Post its fee (a kirana was paid at its attempts: fee 0).
    const own = (p.flags[id]! & FLAG_RURAL) !== 0 ? cfg.costs.lastMileRural : cfg.costs.lastMileUrban;
    const fee = this.partnerFee[op]!;
    this.metrics.addCost(id, op === OP_AMAZON ? C_LAST_MILE : C_PARTNER, op === OP_AMAZON ? own : fee);
    if (p.flags[id]! & FLAG_SAMPLED) {
      const stageMinutes = STAGES.map((_, s) => p.stage[at + s]!);
      this.log!.record({ type: 'delivered', t: now, parcel: id, node: p.lastMile[id]!, collected, leadTimeHours: lead, stageMinutes });
    }
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
