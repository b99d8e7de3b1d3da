import { dayIndex, ScheduledDepartures, SimCalendar, Simulation } from '../engine/index.ts';
import { type Distribution, KeyedCursor, keyedStreamKey, ln, lognormalFromMean, createStream, type Uniform } from '../engine/random/index.ts';
import { NODE_TYPES, type Network, type NodeType } from '../network/index.ts';
import { Demand } from './demand.ts';
import { type DisruptionPlan, planDisruptions, slowdownAt, type Window } from './disruption-plan.ts';
import { sizeForwardStock } from './forward-stock.ts';
import { carrierRules } from './carrier-rules.ts';
import { CarrierTable, FM_HUB, FM_SELLER, LM_AMAZON, LM_KIRANA, type OrderCase } from './carrier-table.ts';
import { LastMile } from './last-mile.ts';
import { type ExpectedLoad, expectedLastMileLoad, sizeLastMile } from './last-mile-load.ts';
import type { ModelConfig } from './model-config.ts';
import { kiranaPools, networkTables } from './network-tables.ts';
import { EventLog } from './parcel-event.ts';
import { NodeStats } from './node-stats.ts';
import { ShiftingBottleneck } from './shifting-bottleneck.ts';
import { SpeedPostNorms } from './speed-post-norms.ts';
import {
  FLAG_BOOKED, FLAG_COD, FLAG_EXPORT, FLAG_RURAL, FLAG_SAMPLED, FLAG_WARMUP, LOST, NEVER_LOST, OP_AMAZON, OP_INDIA_POST, OP_KIRANA, OPERATORS, ParcelStore,
  S_DEPARTURE_WAIT, S_PICK_PACK, S_PICK_WAIT, S_SORT_HANDOFF, S_TRANSIT, S_MARK, STAGE_STRIDE,
} from './parcel-store.ts';
import { ReplicationMetrics } from './replication-metrics.ts';
import { RoutePlanner } from './route-planner.ts';
import { C_LINEHAUL, C_PARTNER, C_SORTING } from './slice-table.ts';
import { type StockPlacement, stockPlacement } from './stock-placement.ts';

interface Batch {
  lane: number;
  items: number[];
}

const MODES = ['road', 'rail', 'air'] as const;
const NO_POOLS = { start: new Int32Array(0), length: new Int32Array(0), members: new Int32Array(0) };

/**
 * One replication's state and its long-lived handlers: orders → pick/pack → linehaul legs on
 * scheduled departures → the last mile (`last-mile.ts`: queue, daily delivery waves, attempts,
 * delivered, collected or returned). Handlers take a parcel id (or a batch), never a closure per
 * parcel. `runModel` drives it; what it counts is in `metrics` (`replication-metrics.ts`), which
 * `replication-result.ts` turns into a result.
 */
export class ParcelModel {
  readonly sim = new Simulation();
  readonly calendar: SimCalendar;
  readonly parcels: ParcelStore;
  readonly routes: RoutePlanner;
  readonly demand: Demand;
  readonly plan: DisruptionPlan;
  readonly horizon: number;
  readonly log: EventLog | null;
  /** Orders before this time (minutes) are the warm-up: they flow, but no per-parcel statistic counts them. Set before `start`. */
  warmupEnd = 0;

  readonly metrics: ReplicationMetrics;
  readonly lastMile: LastMile;
  /** Per node: parcels waiting there (pick waves, departures, delivery waves) and how long they waited. */
  readonly nodeStats: NodeStats;
  /** Which resource (node, then lane: `nodes.length + lane`) holds the longest backlog, moment by moment. */
  readonly bottleneck: ShiftingBottleneck;
  /** Per node, the parcels and attempts a day it is expected to take as a last-mile node (what station riders follow). */
  readonly expected: ExpectedLoad;

  private readonly nodeType: readonly NodeType[];
  private readonly typeIndex: Int32Array;
  private readonly u: Uniform;
  /** A parcel's order draws, in a fixed sequence (see onOrder): one seek a parcel, one mix a draw. */
  private readonly orderDraws: KeyedCursor;
  /** Scratch for an order's draws (KeyedCursor.fill): read at once, before any other handler runs. */
  private readonly draws = new Float64Array(10);
  /** ln(1 − lossPerLeg), for the geometric draw of the leg a parcel is lost on. */
  private readonly lnKeep: number;
  /** Per lane (lazily): destination sorts (1), handling minutes at arrival, linehaul INR per parcel, mode index. */
  // Dense, sized to the route lanes and grown with them (see growLanes): lanes open in no order of
  // id, and a plain array first written at index 80,000 turns into a hash table (measured: all six
  // were, so every leg of every parcel paid a dictionary lookup).
  private laneSorts: Uint8Array;
  private laneHandling: Float64Array;
  private laneInr: Float64Array;
  private laneMode: Int8Array;
  /** Per lane (lazily): its origin node, where its parcels wait. */
  private laneFrom: Int32Array;
  private readonly capacityVaries: boolean;
  /** Kirana pools (kirana policy): per demand point, the stores that serve it, back to back. */
  private readonly poolStart: Int32Array;
  private readonly poolLength: Int32Array;
  private readonly pool: Int32Array;
  /** Per demand point, the last day its pool was found full (-1 never). */
  private readonly poolFullDay: Int32Array;
  private readonly departures: (ScheduledDepartures<number> | undefined)[];
  private readonly packs: (ScheduledDepartures<number> | undefined)[] = [];
  readonly openedDepartures: number[] = [];
  private readonly travel: (Distribution | undefined)[];
  private readonly travelCursor: KeyedCursor;
  private readonly kiranaCredit: Float64Array;
  private readonly kiranaDay: Int32Array;
  private readonly districtFc: Int32Array;
  private readonly stock: StockPlacement;
  private readonly districtBranch: Int32Array;
  private readonly districtSellers: readonly (readonly number[])[];
  private readonly fcs: readonly number[];
  private readonly exportHub: number;
  /** Who carries which leg (`carrierRules`), compiled against the network. */
  private readonly carriers: CarrierTable;
  // The order being routed, and what takeRule chose for it: scratch, read at once (no object a parcel).
  private readonly order: OrderCase = { district: 0, rural: false, point: -1, cod: false };
  private fcOrigin = -1;
  // Draws are doubles: a field made a small integer and then given a double changes its object's
  // shape, and V8 throws away the code compiled for the old one.
  private sellerDraw = 0.5;
  private exportDraw = 0.5;
  private readonly chosen = { origin: -1, lastMile: -1, op: 0, flags: 0, handoffAtOrigin: false };

  constructor(
    readonly config: ModelConfig,
    readonly network: Network,
    readonly scale: number,
    seed: number | string,
    replication: number,
  ) {
    const nodes = network.nodes;
    this.calendar = new SimCalendar(config.startDate, config.holidays);
    this.plan = planDisruptions(network, config, this.calendar, seed, replication);
    this.demand = new Demand(network, config, this.calendar, this.plan.demandMultiplier, scale);
    // Sized for the expected orders and 5 % more (four standard deviations at 10,000 orders).
    this.parcels = new ParcelStore(this.demand.expectedOrders * 1.05 + 64);
    this.routes = new RoutePlanner(network, config);
    const lanes = this.routes.laneCount;
    this.departures = new Array(lanes).fill(undefined);
    this.travel = new Array(lanes).fill(undefined);
    this.laneSorts = new Uint8Array(lanes);
    this.laneHandling = new Float64Array(lanes);
    this.laneInr = new Float64Array(lanes);
    this.laneMode = new Int8Array(lanes);
    this.laneFrom = new Int32Array(lanes);
    this.horizon = (config.days + config.drainDays) * 1440;
    this.log = config.eventLog.enabled ? new EventLog(config.eventLog.maxEvents) : null;
    this.u = createStream(seed, replication, 'demand/arrivals');
    const cursor = (name: string): KeyedCursor => new KeyedCursor(keyedStreamKey(seed, replication, name));
    this.orderDraws = cursor('parcel/order');
    this.travelCursor = cursor('lane/travel');
    const loss = config.operations.lossPerLeg;
    this.lnKeep = loss > 0 ? ln(1 - loss) : 0;
    this.capacityVaries = this.plan.capacityFactor.some((f) => f !== 1);

    this.metrics = new ReplicationMetrics(network, this.parcels, (config.days + config.drainDays) * 24);
    this.nodeStats = new NodeStats(nodes.length);
    const tables = networkTables(network);
    const typeIndex = tables.typeIndex;
    this.bottleneck = new ShiftingBottleneck(NODE_TYPES.length + 1, config.days + config.drainDays, (r) => (r < nodes.length ? typeIndex[r]! : NODE_TYPES.length));
    this.nodeType = tables.nodeType;
    this.typeIndex = tables.typeIndex;
    this.lastMile = new LastMile(
      {
        sim: this.sim, config, network, calendar: this.calendar, plan: this.plan, parcels: this.parcels,
        metrics: this.metrics, nodeStats: this.nodeStats, bottleneck: this.bottleneck, log: this.log, typeIndex: this.typeIndex, postal: tables.postal, routes: this.routes,
        speedPost: carrierRules(config).some((r) => r.firstMile === 'seller')
          ? new SpeedPostNorms(network, this.calendar, (i) => tables.states[tables.stateOfDistrict[i]!]!, config.days + config.drainDays + 2)
          : null,
        originOf: (route) => this.routes.lane(this.routes.legs[route]!).from,
      },
      seed,
      replication,
    );
    this.kiranaCredit = new Float64Array(nodes.length);
    this.kiranaDay = new Int32Array(nodes.length).fill(-1);

    // Stock placement: each district's nearest FC; a share comes from any FC (far stock).
    this.fcs = tables.fcs;
    this.districtFc = tables.districtFc;
    this.districtBranch = tables.districtBranch;
    this.districtSellers = tables.districtSellers;
    this.exportHub = tables.exportHub;
    this.stock = stockPlacement(network, this.demand, this.fcs, tables.anchors, config.demand.farFcShare, config.demand.stockPlacementUtilisation, this.plan.nodeCapacity);
    this.carriers = new CarrierTable(carrierRules(config), network, tables);
    this.expected = expectedLastMileLoad(network, this.demand, config, tables, this.carriers);
    let working = 0;
    for (let d = 0; d < config.days; d++) working += this.calendar.isWorkingDay(d * 1440) ? 1 : 0;
    sizeLastMile(network, this.expected.attempts, scale, config.operations.stationHeadroom, config.policies.indiaPost.staffToLoad, Math.max(working, 1) / Math.max(config.days, 1), this.plan.nodeCapacity);
    sizeForwardStock(network, this.expected.forwardPicks, config.operations.stationHeadroom, scale, this.plan.nodeCapacity);
    const pools = this.carriers.usesKirana ? kiranaPools(network) : NO_POOLS;
    this.poolStart = pools.start;
    this.poolLength = pools.length;
    this.pool = pools.members;
    this.poolFullDay = new Int32Array(pools.start.length).fill(-1);
  }

  start(): void {
    this.scheduleNextOrder();
    for (let d = 1; d * 1440 <= this.horizon; d++) this.sim.scheduleAt(d * 1440, this.onDayEnd, d - 1, 10);
  }

  // ——— Orders ———

  private scheduleNextOrder(): void {
    const t = this.demand.arrivals.next(this.u, this.sim.now);
    if (t < this.horizon) this.sim.scheduleAt(t, this.onOrder);
  }

  /**
   * An order. Its draws come from one keyed cursor in a fixed sequence, every draw taken whether
   * used or not, so a parcel's draws are the same under every policy (common random numbers:
   * DESIGN.md, randomness) and each costs one mix, not a re-seeded stream.
   */
  private readonly onOrder = (): void => {
    const now = this.sim.now;
    const p = this.parcels;
    const id = p.add();
    const c = this.network.catchments;
    const cfg = this.config;
    const u = this.orderDraws.seek(id).fill(this.draws, 10);
    const uDistrict = u[0]!;
    const uArea = u[1]!;
    const uCod = u[2]!;
    const uPin = u[3]!;
    const uFc = u[4]!;
    const uPolicy = u[5]!;
    const uSeller = u[6]!;
    const uExport = u[7]!;
    const uSample = u[8]!;
    const uLoss = u[9]!;
    const demand = this.demand;
    const unit = demand.unit(uDistrict, dayIndex(now));
    const district = demand.unitDistrict[unit]!;
    const rural = uArea < demand.ruralShare[unit]!;
    const cod = uCod < (rural ? cfg.demand.codShareRural : cfg.demand.codShareUrban);
    const pins = demand.points(unit, rural);
    const n = pins.length[unit]!;
    const k = n > 0 ? pins.members[pins.start[unit]! + Math.floor(uPin * n)]! : -1;
    const origin = uFc < cfg.demand.farFcShare ? this.fcs[Math.floor((uFc / cfg.demand.farFcShare) * this.fcs.length)]! : this.localFc(district, (uFc - cfg.demand.farFcShare) / (1 - cfg.demand.farFcShare));

    // Who carries it: the carrier rules (DESIGN.md: operators and policies), the table that
    // expectedLastMileLoad sums; takeRule fills `chosen`.
    const o = this.order;
    o.district = district;
    o.rural = rural;
    o.point = k;
    o.cod = cod;
    this.fcOrigin = origin;
    this.sellerDraw = uSeller;
    this.exportDraw = uExport;
    const covered = k >= 0 && this.poolLength.length > 0 && this.poolLength[k]! > 0;
    if (this.carriers.pick(o, uPolicy, covered, this.takeRule) < 0) {
      throw new Error(`runModel: no carrier rule takes a parcel of district ${c.district[district]} (${rural ? 'rural' : 'urban'}; station ${k >= 0 ? c.pointStation[k] : c.districtStation[district]}, post office ${k >= 0 ? c.pointPostOffice[k] : c.districtPostOffice[district]})`);
    }
    const chosen = this.chosen;
    const lastMile = chosen.lastMile;
    const op = chosen.op;
    let flags = (cod ? FLAG_COD : 0) | (rural ? FLAG_RURAL : 0) | chosen.flags;
    if (this.log !== null && uSample < cfg.eventLog.sampleShare) flags |= FLAG_SAMPLED;
    if (now < this.warmupEnd) flags |= FLAG_WARMUP;

    p.created[id] = now;
    p.stage[id * STAGE_STRIDE + S_MARK] = now;
    p.district[id] = district;
    p.lastMile[id] = lastMile;
    p.route[id] = this.routes.routeId(chosen.origin, lastMile, chosen.handoffAtOrigin);
    p.operator[id] = op;
    p.flags[id] = flags;
    // The leg whose arrival loses the parcel: geometric with the per-leg loss (one draw, not one a leg).
    const lossLeg = this.lnKeep < 0 ? Math.floor(ln(1 - uLoss) / this.lnKeep) : NEVER_LOST;
    p.lossLeg[id] = lossLeg < NEVER_LOST ? lossLeg : NEVER_LOST;
    this.metrics.created(id);
    if (flags & FLAG_SAMPLED) {
      this.log!.record({ type: 'created', t: now, parcel: id, district: c.district[district]!, cod, rural, operator: OPERATORS[op]!, origin: chosen.origin, lastMile });
    }
    if (this.nodeType[chosen.origin] === 'seller') {
      this.enterLeg(id);
    } else {
      this.packDepartures(chosen.origin).add(id);
      this.nodeStats.queue(chosen.origin, 1, now);
    }
    this.scheduleNextOrder();
  };

  /**
   * Whether rule r's carriers can take the current order (`order`), and if so what they are
   * (`chosen`): its first mile (the FC drawn, a seller of a district drawn like an order's, or the
   * district's India Post hub), its last-mile node (a station, a post or branch office, a kirana
   * store with room today) or, for an export, the export hub. `within`: the rule's own uniform.
   */
  private readonly takeRule = (r: number, within: number): boolean => {
    // (A seller's district is drawn like an order's: by the demand's units.)
    const t = this.carriers;
    const o = this.order;
    let origin = this.fcOrigin;
    const fm = t.firstMile[r]!;
    if (fm === FM_SELLER) {
      const demand = this.demand;
      const sellers = this.districtSellers[demand.unitDistrict[demand.unit(this.sellerDraw, dayIndex(this.sim.now))]!]!;
      if (sellers.length === 0) return false;
      origin = sellers[Math.floor(within * sellers.length) % sellers.length]!;
    } else if (fm === FM_HUB) {
      origin = this.network.catchments.districtHub[o.district]!;
    }
    const lm = t.lastMile[r]!;
    let lastMile: number;
    let op: number;
    if (lm === LM_KIRANA) {
      lastMile = this.bookKirana(o.point, this.sim.now);
      op = OP_KIRANA;
    } else {
      lastMile = t.lastMileNode(r, o);
      op = lm === LM_AMAZON ? OP_AMAZON : OP_INDIA_POST;
    }
    if (lastMile < 0) return false;
    // A seller's parcel is India Post's from its booking at the post office (Speed Post's norms).
    let flags = fm === FM_SELLER ? FLAG_BOOKED : 0;
    const e = t.exportShare[r]!;
    if (e > 0 && this.exportHub >= 0 && this.exportDraw < e) {
      lastMile = this.exportHub;
      flags |= FLAG_EXPORT;
    }
    const chosen = this.chosen;
    chosen.origin = origin;
    chosen.lastMile = lastMile;
    chosen.op = op;
    chosen.flags = flags;
    chosen.handoffAtOrigin = t.handoffAtOrigin[r] === 1;
    return true;
  };

  /** The FC a district's local order ships from, for a uniform u (the rest of the parcel's FC draw). */
  private localFc(district: number, u: number): number {
    const s = this.stock;
    const from = s.start[district]!;
    const n = s.length[district]!;
    for (let j = 0; j < n - 1; j++) if (u < s.cumulative[from + j]!) return s.fc[from + j]!;
    return n > 0 ? s.fc[from + n - 1]! : this.districtFc[district]!;
  }

  /**
   * The first store of point k's pool (nearest first) with capacity left today; -1 when all are full. A store takes parcels while its daily credit (20–40
   * parcels a day, DOMAIN.md: kirana stores, reach and load) is positive; a parcel costs one
   * credit, so a fractional capacity (small scale) is honoured on average, and unused capacity
   * does not pile up beyond a day.
   */
  private bookKirana(k: number, now: number): number {
    const day = dayIndex(now);
    if (this.poolFullDay[k] === day) return -1;
    const start = this.poolStart[k]!;
    const n = this.poolLength[k]!;
    const factor = this.plan.capacityFactor[Math.min(day, this.plan.capacityFactor.length - 1)]!;
    for (let j = 0; j < n; j++) {
      const ki = this.pool[start + j]!;
      const cap = this.network.nodes[ki]!.capacityPerDay * this.plan.nodeCapacity[ki]! * factor;
      if (this.kiranaDay[ki] !== day) {
        const elapsed = this.kiranaDay[ki]! < 0 ? 1 : day - this.kiranaDay[ki]!;
        this.kiranaCredit[ki] = Math.min(this.kiranaCredit[ki]! + cap * elapsed, cap);
        this.kiranaDay[ki] = day;
      }
      if (this.kiranaCredit[ki]! > 0) {
        this.kiranaCredit[ki]! -= 1;
        return ki;
      }
    }
    this.poolFullDay[k] = day;
    return -1;
  }

  // ——— Pick/pack ———

  /** Pick/pack waves at an origin (FC or forward hub): capacity a wave = daily capacity / waves, cut-off at the wave. */
  private packDepartures(node: number): ScheduledDepartures<number> {
    let d = this.packs[node];
    if (d) return d;
    const waves = this.config.operations.packWaves;
    const n = this.network.nodes[node]!;
    const perWave = (n.capacityPerDay * this.plan.nodeCapacity[node]!) / waves.length;
    d = this.makeDepartures(`${n.name} pick/pack`, waves, perWave, (items) => this.onPacked(node, items), this.plan.nodeClosures.get(node));
    this.packs[node] = d;
    return d;
  }

  private onPacked(node: number, items: number[]): void {
    this.metrics.handled[node]! += items.length;
    const inr = this.config.costs.packPerParcel;
    const p = this.parcels;
    const flags = p.flags;
    const now = this.sim.now;
    const pack = this.config.operations.packMinutes;
    const stats = this.nodeStats;
    stats.queue(node, -items.length, now);
    this.bottleneck.report(node, this.packs[node]!.lastLeftBehind > 0, now);
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!;
      const wait = now - p.created[id]!;
      p.stage[id * STAGE_STRIDE + S_PICK_WAIT] = wait;
      p.stage[id * STAGE_STRIDE + S_PICK_PACK] = pack;
      stats.waited(node, wait);
      this.metrics.addCost(id, C_SORTING, inr);
      if (this.log !== null && (flags[id]! & FLAG_SAMPLED) !== 0) this.log.record({ type: 'packed', t: this.sim.now, parcel: id, node });
    }
    this.sim.scheduleAt(this.sim.now + this.config.operations.packMinutes, this.onPackedReady, items);
  }

  private readonly onPackedReady = (items: number[]): void => {
    for (let i = 0; i < items.length; i++) this.enterLeg(items[i]!);
  };

  /**
   * Departures whose capacity follows the festive capacity factor: each item's size is
   * 1 / factor, so a departure of capacity c carries c × factor items. Capacities below one
   * parcel (tiny scale) carry one, so nothing is stuck for ever. Without a festive factor every
   * item has size 1 and no size function is called at all.
   */
  private makeDepartures(
    name: string, times: readonly number[], capacity: number, onDepart: (items: number[], time: number) => void,
    closed: readonly Window[] | undefined, alsoClosed?: readonly Window[],
  ): ScheduledDepartures<number> {
    const plan = this.plan;
    const sim = this.sim;
    const last = plan.capacityFactor.length - 1;
    const d = new ScheduledDepartures<number>(sim, {
      name,
      times,
      capacity: Number.isFinite(capacity) ? Math.max(1, capacity) : Infinity,
      size: this.capacityVaries ? () => 1 / plan.capacityFactor[Math.min(dayIndex(sim.now), last)]! : undefined,
      onDepart,
      closed,
    });
    if (alsoClosed) for (let i = 0; i < alsoClosed.length; i++) d.close(alsoClosed[i]![0], alsoClosed[i]![1]);
    return d;
  }

  // ——— Linehaul ———

  private laneDepartures(lane: number): ScheduledDepartures<number> {
    let d = this.departures[lane];
    if (d) return d;
    const l = this.routes.lane(lane);
    const from = this.network.nodes[l.from]!;
    // India Post does not sort or dispatch on Sundays and holidays (DOMAIN.md, Speed Post norms):
    // one list shared by all its lanes; a node's own closures (disruptions) come on top.
    const own = this.plan.nodeClosures.get(l.from);
    const postClosed = this.plan.indiaPostClosed; // read for every lane, so V8 has seen it before India Post's first
    const closed = from.operator === 'india-post' ? postClosed : own;
    d = this.makeDepartures(`lane ${lane}`, l.departures, l.capacity * this.config.operations.vehiclesPerDeparture, (items, time) => this.onDepart(lane, items, time), closed, closed === own ? undefined : own);
    if (lane >= this.laneSorts.length) this.growLanes(lane + 1);
    this.departures[lane] = d;
    this.openedDepartures.push(lane);
    this.travel[lane] = lognormalFromMean(Math.max(l.minutes, 1), Math.max(l.minutes, 1) * l.cv);
    const ops = this.config.operations;
    const sorts = RoutePlanner.sorts(this.network.nodes[l.to]!.type);
    this.laneSorts[lane] = sorts ? 1 : 0;
    // A hand-off into the other operator's sorting hub is scanned and re-sorted (handoffMinutes);
    // a seller's booking at a post office counter or the station's van dropping a kirana's bag is not.
    this.laneHandling[lane] = (sorts ? ops.sortMinutes : 30) + (l.handoff && sorts ? ops.handoffMinutes : 0);
    this.laneInr[lane] = l.km * l.costPerParcelKm;
    this.laneMode[lane] = MODES.indexOf(l.mode);
    this.laneFrom[lane] = l.from;
    return d;
  }

  /** Room for lane ids below `n` (hand-off lanes are added to the route lanes as routes need them). */
  private growLanes(n: number): void {
    const size = Math.max(n, this.laneSorts.length + 1024); // a few dozen hand-off lanes a run
    const grow = <A extends Uint8Array | Int8Array | Int32Array | Float64Array>(a: A, make: (size: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.laneSorts = grow(this.laneSorts, (k) => new Uint8Array(k));
    this.laneHandling = grow(this.laneHandling, (k) => new Float64Array(k));
    this.laneInr = grow(this.laneInr, (k) => new Float64Array(k));
    this.laneMode = grow(this.laneMode, (k) => new Int8Array(k));
    this.laneFrom = grow(this.laneFrom, (k) => new Int32Array(k));
    while (this.departures.length < size) this.departures.push(undefined);
    while (this.travel.length < size) this.travel.push(undefined);
  }

  private enterLeg(id: number): void {
    const p = this.parcels;
    const lane = this.routes.legs[p.route[id]! + p.leg[id]!]!;
    if (lane < 0) {
      this.lastMile.arrive(id);
      return;
    }
    this.laneDepartures(lane).add(id);
    p.stage[id * STAGE_STRIDE + S_MARK] = this.sim.now;
    this.nodeStats.queue(this.laneFrom[lane]!, 1, this.sim.now);
  }

  private onDepart(lane: number, items: number[], time: number): void {
    const l = this.routes.lane(lane);
    const d = this.departures[lane]!;
    // One travel time per vehicle, keyed to (lane, departure) for common random numbers.
    let minutes = this.travel[lane]!.sample(this.travelCursor.seek(lane * 1_048_576 + (d.departures % 1_048_576)).next);
    // A monsoon slows lanes into and out of a flooded state as well as those inside it: parcels
    // for Kerala come mostly from FCs and sort centres in other states (DOMAIN.md, peaks and
    // disruption: linehaul ×1.1–1.4). Checking only the origin missed those trunks.
    const slowdowns = this.plan.slowdowns;
    if (slowdowns.length > 0) minutes *= slowdownAt(slowdowns, time, this.network.nodes[l.from]!.state, this.network.nodes[l.to]!.state);
    const to = this.network.nodes[l.to]!;
    const handling = this.laneHandling[lane]!;
    const linehaulInr = this.laneInr[lane]!;
    const handoffInr = l.handoff ? this.config.costs.handoff : 0;
    const p = this.parcels;
    const flags = p.flags;
    const stats = this.nodeStats;
    stats.queue(l.from, -items.length, time);
    this.bottleneck.report(this.network.nodes.length + lane, d.lastLeftBehind > 0, time);
    let measured = 0;
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!;
      const wait = time - p.stage[id * STAGE_STRIDE + S_MARK]!;
      const at = id * STAGE_STRIDE;
      p.stage[at + S_DEPARTURE_WAIT]! += wait;
      p.stage[at + S_TRANSIT]! += minutes;
      p.stage[at + S_SORT_HANDOFF]! += handling;
      stats.waited(l.from, wait);
      if (this.metrics.measured(id)) measured++;
      this.metrics.addCost(id, C_LINEHAUL, linehaulInr);
      if (handoffInr > 0) this.metrics.addCost(id, C_PARTNER, handoffInr);
      // The log's test first: without it the loop reads nothing of the parcel but its stages and slice row.
      if (this.log !== null && (flags[id]! & FLAG_SAMPLED) !== 0) {
        this.log!.record({ type: 'departed', t: time, parcel: id, lane, from: l.from, to: l.to });
        if (l.handoff) {
          const f = this.network.nodes[l.from]!;
          this.log!.record({ type: 'handoff', t: time, parcel: id, from: l.from, to: l.to, fromOperator: f.operator, toOperator: to.operator });
        }
      }
    }
    this.metrics.km[this.laneMode[lane]!]! += l.km * measured;
    const batch: Batch = { lane, items };
    this.sim.scheduleAt(time + minutes + handling, this.onArrive, batch);
  }

  private readonly onArrive = (batch: Batch): void => {
    const p = this.parcels;
    const l = this.routes.lane(batch.lane);
    const sorts = this.laneSorts[batch.lane] === 1;
    const items = batch.items;
    const sortInr = this.config.costs.sortPerParcel;
    if (sorts) this.metrics.handled[l.to]! += items.length;
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!;
      const leg = p.leg[id]!;
      if (leg === p.lossLeg[id]) {
        this.lose(id, batch.lane);
        continue;
      }
      p.leg[id] = leg + 1;
      if (sorts) this.metrics.addCost(id, C_SORTING, sortInr);
      if (this.log !== null && (p.flags[id]! & FLAG_SAMPLED) !== 0) this.log.record({ type: 'arrived', t: this.sim.now, parcel: id, node: l.to });
      this.enterLeg(id);
    }
  };

  private lose(id: number, lane: number): void {
    this.parcels.status[id] = LOST;
    this.metrics.lost(id);
    if (this.parcels.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'lost', t: this.sim.now, parcel: id, lane });
  }

  /** Speed Post's norms kept for booked parcels (the b2b policy), else null. */
  get lastMileSpeedPost(): SpeedPostNorms | null {
    return this.lastMile.speedPost;
  }

  /** A lane's departures as they ran (opened lanes only: `openedDepartures`). */
  laneStats(lane: number): ScheduledDepartures<number> {
    return this.departures[lane]!;
  }

  // ——— Daily bookkeeping ———

  progress: ((simMinutes: number, parcelsDone: number) => void) | undefined;

  // The handler only calls a method: the work, with its loop over every opened lane, lives in a
  // prototype method, not in a closure over this replication. The loop's on-stack-replaced code
  // of a closure was entered again from the next replication's closure and deoptimised at every
  // day's end from the second replication on (20 deopts a replication, --trace-deopt).
  private readonly onDayEnd = (day: number): void => this.endDay(day);

  private endDay(day: number): void {
    const queued = this.lastMile.queued;
    let q = 0;
    for (let t = 0; t < NODE_TYPES.length; t++) q += queued[t]!;
    // Queues by node type: last-mile queues plus parcels waiting for a departure, by the lane's origin.
    const byType = Array.from(queued);
    for (const lane of this.openedDepartures) byType[this.typeIndex[this.routes.lane(lane).from]!]! += this.departures[lane]!.waiting;
    this.metrics.endDay(q, byType);
    this.progress?.((day + 1) * 1440, this.metrics.terminal);
  }
}
