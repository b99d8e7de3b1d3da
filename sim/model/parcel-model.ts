import { dayIndex, minuteOfDay, ScheduledDepartures, SimCalendar, Simulation } from '../engine/index.ts';
import { type Distribution, KeyedCursor, keyedStreamKey, ln, lognormalFromMean, createStream, type Uniform } from '../engine/random/index.ts';
import { Histogram } from '../engine/stats/index.ts';
import { NODE_TYPES, type Network, type NodeType } from '../network/index.ts';
import { Demand } from './demand.ts';
import { type DisruptionPlan, inWindows, planDisruptions, slowdownAt, type Window } from './disruption-plan.ts';
import type { ModelConfig } from './model-config.ts';
import { EventLog } from './parcel-event.ts';
import {
  DELIVERED, FLAG_COD, FLAG_EXPORT, FLAG_RURAL, FLAG_SAMPLED, IN_FLIGHT, LOST, NEVER_LOST, OP_AMAZON, OP_INDIA_POST, OP_KIRANA,
  OPERATORS, ParcelStore, RETURNED, RETURNING,
} from './parcel-store.ts';
import { kiranaPools, networkTables } from './network-tables.ts';
import { RoutePlanner } from './route-planner.ts';
import { sizeStationRiders } from './station-riders.ts';
import { type StockPlacement, stockPlacement } from './stock-placement.ts';
import {
  C_FAILED, C_LAST_MILE, C_LINEHAUL, C_PARTNER, C_RETURNS, C_SORTING, F_ATTEMPTS_OF_DELIVERED, F_COLLECTED, F_COST, F_CREATED,
  F_CREATED_COD, F_CREATED_PREPAID, F_DELIVERED, F_DELIVERED_COD, F_FIRST_ATTEMPTS, F_FIRST_SUCCESSES, F_IN_FLIGHT, F_LEAD_SUM,
  F_LOST, F_RETURNED, F_RTO_COD, F_RTO_PREPAID, F_WITHIN_24, F_WITHIN_48, F_WITHIN_72, FIELDS, SliceTable,
} from './slice-table.ts';

interface Batch {
  lane: number;
  items: number[];
}

const MODES = ['road', 'rail', 'air'] as const;
const NO_POOLS = { start: new Int32Array(0), length: new Int32Array(0), members: new Int32Array(0) };
const KIRANA_TYPE = NODE_TYPES.indexOf('kirana');
const SUM_CO2_LAST_MILE = 0;
const SUM_KIRANA_PAYOUTS = 1;

/**
 * One replication's state and its long-lived handlers: orders → pick/pack → linehaul legs on
 * scheduled departures → last-mile queue and daily delivery waves → attempts → delivered,
 * collected or returned. Handlers take a parcel id (or a batch), never a closure per parcel.
 * `runModel` drives it; the metrics it keeps are read by `replication-result.ts`.
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

  // Slices: 0 all, 1..3 operators, 4 urban, 5 rural, 6.. states.
  readonly slices: SliceTable;
  readonly states: string[];
  readonly stateOfDistrict: Int32Array;
  readonly districtStats: { created: Float64Array; delivered: Float64Array; returned: Float64Array; leadSum: Float64Array; within48: Float64Array };
  readonly histogram: Histogram;
  readonly km = new Float64Array(3);
  // Running sums that grow by fractions (kg, INR) in a Float64Array, not number fields: a field
  // that starts as the small integer 0 and later holds 0.05 changes the model's hidden class in
  // the middle of the first replication, and V8 throws away the optimised code of every handler
  // that had seen the old one.
  private readonly sums = new Float64Array(2);
  get co2LastMile(): number {
    return this.sums[SUM_CO2_LAST_MILE]!;
  }
  get kiranaPayouts(): number {
    return this.sums[SUM_KIRANA_PAYOUTS]!;
  }
  readonly handled: Float64Array;
  readonly queued: Float64Array;
  readonly daily = { created: [] as number[], delivered: [] as number[], returned: [] as number[], backlog: [] as number[], lastMileQueue: [] as number[] };
  readonly queueByTypeDaily: number[][] = NODE_TYPES.map(() => []);
  terminal = 0;
  private deliveredToday = 0;
  private returnedToday = 0;
  private createdToday = 0;

  private readonly nodeType: readonly NodeType[];
  private readonly typeIndex: Int32Array;
  private readonly u: Uniform;
  /** A parcel's order draws, in a fixed sequence (see onOrder): one seek a parcel, one mix a draw. */
  private readonly orderDraws: KeyedCursor;
  /** Draws at the parcel's attempts: k = ATTEMPT_DRAWS × (attempt − 1) + purpose. */
  private readonly attemptDraws: KeyedCursor;
  private readonly attemptTimeDraws: KeyedCursor;
  /** Scratch for a handler's draws (KeyedCursor.fill): read at once, before any other handler runs. */
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
  private readonly capacityVaries: boolean;
  /** Kirana pools (kirana policy): per PIN position, the stores that serve it, back to back. */
  private readonly poolStart: Int32Array;
  private readonly poolLength: Int32Array;
  private readonly pool: Int32Array;
  /** Per PIN position, the last day its pool was found full (-1 never). */
  private readonly poolFullDay: Int32Array;
  private readonly departures: (ScheduledDepartures<number> | undefined)[];
  private readonly packs: (ScheduledDepartures<number> | undefined)[] = [];
  readonly openedDepartures: number[] = [];
  private readonly travel: (Distribution | undefined)[];
  private readonly travelCursor: KeyedCursor;
  private readonly queues: (number[] | undefined)[];
  private readonly queueHead: Int32Array;
  private readonly wavePlanned: Uint8Array;
  private readonly carry: Float64Array;
  private readonly kiranaCredit: Float64Array;
  private readonly kiranaDay: Int32Array;
  private readonly districtFc: Int32Array;
  private readonly stock: StockPlacement;
  private readonly districtBranch: Int32Array;
  private readonly districtSellers: readonly (readonly number[])[];
  private readonly fcs: readonly number[];
  private readonly exportHub: number;
  private readonly refusal: number[][];

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
    const lanes = this.routes.lanes.length;
    this.departures = new Array(lanes).fill(undefined);
    this.travel = new Array(lanes).fill(undefined);
    this.laneSorts = new Uint8Array(lanes);
    this.laneHandling = new Float64Array(lanes);
    this.laneInr = new Float64Array(lanes);
    this.laneMode = new Int8Array(lanes);
    this.horizon = (config.days + config.drainDays) * 1440;
    this.log = config.eventLog.enabled ? new EventLog(config.eventLog.maxEvents) : null;
    this.u = createStream(seed, replication, 'demand/arrivals');
    const cursor = (name: string): KeyedCursor => new KeyedCursor(keyedStreamKey(seed, replication, name));
    this.orderDraws = cursor('parcel/order');
    this.attemptDraws = cursor('parcel/attempt');
    this.attemptTimeDraws = cursor('parcel/attemptTime');
    this.travelCursor = cursor('lane/travel');
    const loss = config.operations.lossPerLeg;
    this.lnKeep = loss > 0 ? ln(1 - loss) : 0;
    this.capacityVaries = this.plan.capacityFactor.some((f) => f !== 1);

    const c = network.catchments;
    this.states = [...new Set(c.district.map((d, i) => this.stateOfPosition(i, d)))];
    this.stateOfDistrict = Int32Array.from(c.district.map((d, i) => this.states.indexOf(this.stateOfPosition(i, d))));
    this.slices = new SliceTable(6 + this.states.length);
    const nd = c.district.length;
    this.districtStats = {
      created: new Float64Array(nd), delivered: new Float64Array(nd), returned: new Float64Array(nd),
      leadSum: new Float64Array(nd), within48: new Float64Array(nd),
    };
    this.histogram = new Histogram(Array.from({ length: (config.days + config.drainDays) * 24 + 1 }, (_, h) => h));
    this.nodeType = networkTables(network).nodeType;
    this.typeIndex = networkTables(network).typeIndex;
    this.handled = new Float64Array(nodes.length);
    this.queued = new Float64Array(NODE_TYPES.length);
    this.queues = new Array(nodes.length).fill(undefined);
    this.queueHead = new Int32Array(nodes.length);
    this.wavePlanned = new Uint8Array(nodes.length);
    this.carry = new Float64Array(nodes.length);
    this.kiranaCredit = new Float64Array(nodes.length);
    this.kiranaDay = new Int32Array(nodes.length).fill(-1);

    // Stock placement: each district's nearest FC; a share comes from any FC (far stock).
    const tables = networkTables(network);
    this.fcs = tables.fcs;
    this.districtFc = tables.districtFc;
    this.districtBranch = tables.districtBranch;
    this.districtSellers = tables.districtSellers;
    this.exportHub = tables.exportHub;
    this.stock = stockPlacement(network, this.demand, this.fcs, tables.anchors, config.demand.farFcShare, config.demand.stockPlacementUtilisation, this.plan.nodeCapacity);
    sizeStationRiders(network, this.demand, scale, config.operations.stationHeadroom, config.operations.maxDropsPerRider, this.plan.nodeCapacity);
    this.refusal = [config.customer.prepaidRefusalByDelay, config.customer.codRefusalByDelay];
    const pools = config.policy === 'kirana' ? kiranaPools(network) : NO_POOLS;
    this.poolStart = pools.start;
    this.poolLength = pools.length;
    this.pool = pools.members;
    this.poolFullDay = new Int32Array(pools.start.length).fill(-1);
  }

  private stateOfPosition(i: number, d: number): string {
    const c = this.network.catchments;
    const node = this.network.nodes[c.districtPostOffice[i]!] ?? this.network.nodes[c.districtStation[i]!];
    return node && node.district === d ? node.state : (this.network.nodes.find((n) => n.district === d)?.state ?? 'unknown');
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
    const district = this.demand.district(uDistrict);
    const rural = uArea < this.demand.ruralShare[district]!;
    const cod = uCod < (rural ? cfg.demand.codShareRural : cfg.demand.codShareUrban);
    const pins = rural || this.demand.directPins[district]!.length === 0 ? this.demand.pins[district]! : this.demand.directPins[district]!;
    const k = pins.length > 0 ? pins[Math.floor(uPin * pins.length)]! : -1;
    let origin = uFc < cfg.demand.farFcShare ? this.fcs[Math.floor((uFc / cfg.demand.farFcShare) * this.fcs.length)]! : this.localFc(district, (uFc - cfg.demand.farFcShare) / (1 - cfg.demand.farFcShare));

    // Last mile by policy (DESIGN.md: operators and policies).
    const station = k >= 0 ? c.pinStation[k]! : c.districtStation[district]!;
    const direct = k >= 0 ? c.pinDirect[k] === 1 : station >= 0;
    const po = k >= 0 ? c.pinPostOffice[k]! : c.districtPostOffice[district]!;
    const postal = rural && this.districtBranch[district]! >= 0 ? this.districtBranch[district]! : po;
    let op = direct && station >= 0 ? OP_AMAZON : OP_INDIA_POST;
    let lastMile = op === OP_AMAZON ? station : postal;
    let flags = (cod ? FLAG_COD : 0) | (rural ? FLAG_RURAL : 0);
    const policy = cfg.policy;
    if (policy === 'india-post-rural' && rural) {
      op = OP_INDIA_POST;
      lastMile = postal;
    } else if (policy === 'kirana' && k >= 0 && this.poolLength[k]! > 0 && uPolicy < cfg.policies.kirana.share) {
      // Any parcel of a covered PIN, Amazon's or India Post's: kiranas extend reach in towns
      // (DOMAIN.md, I Have Space: delivery and pickup points in ~350–420 towns).
      const ki = this.bookKirana(k, now);
      if (ki >= 0) {
        op = OP_KIRANA;
        lastMile = ki;
      }
    } else if (policy === 'shared-warehouses') {
      if (uPolicy < cfg.policies.sharedWarehouses.forwardStockShare && c.districtHub[district]! >= 0) {
        origin = c.districtHub[district]!;
        op = OP_INDIA_POST;
        lastMile = postal;
      } else if (rural) {
        op = OP_INDIA_POST;
        lastMile = postal;
      }
    } else if (policy === 'b2b' && uPolicy < cfg.policies.b2b.share) {
      const from = this.demand.district(uSeller);
      const sellers = this.districtSellers[from]!;
      if (sellers.length > 0) {
        origin = sellers[Math.floor(((uPolicy / cfg.policies.b2b.share) * sellers.length)) % sellers.length]!;
        op = OP_INDIA_POST;
        lastMile = postal;
        if (this.exportHub >= 0 && uExport < cfg.policies.b2b.exportShare) {
          lastMile = this.exportHub;
          flags |= FLAG_EXPORT;
        }
      }
    }
    if (lastMile < 0) throw new Error(`runModel: no last-mile node for district ${c.district[district]} (station ${station}, post office ${po})`);
    if (this.log !== null && uSample < cfg.eventLog.sampleShare) flags |= FLAG_SAMPLED;

    p.created[id] = now;
    p.district[id] = district;
    p.lastMile[id] = lastMile;
    p.route[id] = this.routes.routeId(origin, lastMile);
    p.operator[id] = op;
    p.flags[id] = flags;
    // The leg whose arrival loses the parcel: geometric with the per-leg loss (one draw, not one a leg).
    const lossLeg = this.lnKeep < 0 ? Math.floor(ln(1 - uLoss) / this.lnKeep) : NEVER_LOST;
    p.lossLeg[id] = lossLeg < NEVER_LOST ? lossLeg : NEVER_LOST;
    this.createdToday++;
    this.districtStats.created[district]!++;
    this.bump(id, F_CREATED, 1);
    this.bump(id, cod ? F_CREATED_COD : F_CREATED_PREPAID, 1);
    if (flags & FLAG_SAMPLED) {
      this.log!.record({ type: 'created', t: now, parcel: id, district: c.district[district]!, cod, rural, operator: OPERATORS[op]!, origin, lastMile });
    }
    if (this.nodeType[origin] === 'seller') this.enterLeg(id);
    else this.packDepartures(origin).add(id);
    this.scheduleNextOrder();
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
   * The first store of PIN k's pool (nearest first) with capacity left today; -1 when all are full. A store takes parcels while its daily credit (20–40
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

  /** Adds x to field f of the parcel's four slices: all, its operator, its area, its state. */
  private bump(id: number, f: number, x: number): void {
    const v = this.slices.values;
    const p = this.parcels;
    v[f]! += x;
    v[(1 + p.operator[id]!) * FIELDS + f]! += x;
    v[((p.flags[id]! & FLAG_RURAL) !== 0 ? 5 : 4) * FIELDS + f]! += x;
    v[(6 + this.stateOfDistrict[p.district[id]!]!) * FIELDS + f]! += x;
  }

  private addCost(id: number, component: number, inr: number): void {
    this.bump(id, F_COST + component, inr);
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
    this.handled[node]! += items.length;
    const inr = this.config.costs.packPerParcel;
    const flags = this.parcels.flags;
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!;
      this.addCost(id, C_SORTING, inr);
      if (flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'packed', t: this.sim.now, parcel: id, node });
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
    name: string, times: number[], capacity: number, onDepart: (items: number[], time: number) => void,
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
    const l = this.routes.lanes[lane]!;
    const from = this.network.nodes[l.from]!;
    // India Post does not sort or dispatch on Sundays and holidays (DOMAIN.md, Speed Post norms):
    // one list shared by all its lanes; a node's own closures (disruptions) come on top.
    const own = this.plan.nodeClosures.get(l.from);
    const closed = from.operator === 'india-post' ? this.plan.indiaPostClosed : own;
    d = this.makeDepartures(`lane ${lane}`, l.departures, l.capacity * this.config.operations.vehiclesPerDeparture, (items, time) => this.onDepart(lane, items, time), closed, closed === own ? undefined : own);
    if (lane >= this.laneSorts.length) this.growLanes(lane + 1);
    this.departures[lane] = d;
    this.openedDepartures.push(lane);
    this.travel[lane] = lognormalFromMean(Math.max(l.minutes, 1), Math.max(l.minutes, 1) * l.cv);
    const ops = this.config.operations;
    const sorts = RoutePlanner.sorts(this.network.nodes[l.to]!.type);
    this.laneSorts[lane] = sorts ? 1 : 0;
    this.laneHandling[lane] = (sorts ? ops.sortMinutes : 30) + (l.handoff ? ops.handoffMinutes : 0);
    this.laneInr[lane] = l.km * l.costPerParcelKm;
    this.laneMode[lane] = MODES.indexOf(l.mode);
    return d;
  }

  /** Room for lane ids below `n` (hand-off lanes are added to the route lanes as routes need them). */
  private growLanes(n: number): void {
    const size = Math.max(n, this.laneSorts.length + 1024); // a few dozen hand-off lanes a run
    const grow = <A extends Uint8Array | Int8Array | Float64Array>(a: A, make: (size: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.laneSorts = grow(this.laneSorts, (k) => new Uint8Array(k));
    this.laneHandling = grow(this.laneHandling, (k) => new Float64Array(k));
    this.laneInr = grow(this.laneInr, (k) => new Float64Array(k));
    this.laneMode = grow(this.laneMode, (k) => new Int8Array(k));
    while (this.departures.length < size) this.departures.push(undefined);
    while (this.travel.length < size) this.travel.push(undefined);
  }

  private enterLeg(id: number): void {
    const p = this.parcels;
    const r = p.route[id]!;
    const leg = p.leg[id]!;
    if (leg >= this.routes.length[r]!) {
      this.arriveLastMile(id);
      return;
    }
    this.laneDepartures(this.routes.legs[this.routes.start[r]! + leg]!).add(id);
  }

  private onDepart(lane: number, items: number[], time: number): void {
    const l = this.routes.lanes[lane]!;
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
    this.km[this.laneMode[lane]!]! += l.km * items.length;
    const flags = this.parcels.flags;
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!;
      this.addCost(id, C_LINEHAUL, linehaulInr);
      if (handoffInr > 0) this.addCost(id, C_PARTNER, handoffInr);
      if (flags[id]! & FLAG_SAMPLED) {
        this.log!.record({ type: 'departed', t: time, parcel: id, lane, from: l.from, to: l.to });
        if (l.handoff) {
          const f = this.network.nodes[l.from]!;
          this.log!.record({ type: 'handoff', t: time, parcel: id, from: l.from, to: l.to, fromOperator: f.operator, toOperator: to.operator });
        }
      }
    }
    const batch: Batch = { lane, items };
    this.sim.scheduleAt(time + minutes + handling, this.onArrive, batch);
  }

  private readonly onArrive = (batch: Batch): void => {
    const p = this.parcels;
    const l = this.routes.lanes[batch.lane]!;
    const sorts = this.laneSorts[batch.lane] === 1;
    const items = batch.items;
    const sortInr = this.config.costs.sortPerParcel;
    if (sorts) this.handled[l.to]! += items.length;
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!;
      const leg = p.leg[id]!;
      if (leg === p.lossLeg[id]) {
        this.lose(id, batch.lane);
        continue;
      }
      p.leg[id] = leg + 1;
      if (sorts) this.addCost(id, C_SORTING, sortInr);
      if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'arrived', t: this.sim.now, parcel: id, node: l.to });
      this.enterLeg(id);
    }
  };

  private lose(id: number, lane: number): void {
    this.parcels.status[id] = LOST;
    this.terminal++;
    this.bump(id, F_LOST, 1);
    if (this.parcels.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'lost', t: this.sim.now, parcel: id, lane });
  }

  // ——— Last mile ———

  private arriveLastMile(id: number): void {
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
    this.handled[node]!++;
    this.sums[SUM_CO2_LAST_MILE]! += cfg.emissions.lastMileAttempt;
    if (op === OP_KIRANA) {
      const payout = this.network.nodes[node]!.payoutInr;
      this.sums[SUM_KIRANA_PAYOUTS]! += payout;
      this.addCost(id, C_PARTNER, payout);
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
      this.bump(id, F_FIRST_ATTEMPTS, 1);
      if (success) this.bump(id, F_FIRST_SUCCESSES, 1);
    }
    if (flags & FLAG_SAMPLED) this.log!.record({ type: 'attempt', t: now, parcel: id, node, attempt: a, success, refused });
    if (success) {
      this.deliver(id, false);
      return;
    }
    if (op === OP_AMAZON) this.addCost(id, C_FAILED, cfg.costs.failedAttempt);
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
    const rural = (p.flags[id]! & FLAG_RURAL) !== 0;
    const cod = (p.flags[id]! & FLAG_COD) !== 0;
    p.status[id] = DELIVERED;
    this.terminal++;
    this.deliveredToday++;
    const attempts = Math.max(1, p.attempts[id]!);
    this.bump(id, F_DELIVERED, 1);
    if (cod) this.bump(id, F_DELIVERED_COD, 1);
    if (collected) this.bump(id, F_COLLECTED, 1);
    this.bump(id, F_ATTEMPTS_OF_DELIVERED, attempts);
    this.bump(id, F_LEAD_SUM, lead);
    if (lead <= 24) this.bump(id, F_WITHIN_24, 1);
    if (lead <= 48) this.bump(id, F_WITHIN_48, 1);
    if (lead <= 72) this.bump(id, F_WITHIN_72, 1);
    const q = this.slices.leadQ;
    q[0]!.add(lead);
    q[1 + op]!.add(lead);
    q[rural ? 5 : 4]!.add(lead);
    q[6 + this.stateOfDistrict[p.district[id]!]!]!.add(lead);
    this.histogram.add(lead);
    const d = p.district[id]!;
    this.districtStats.delivered[d]!++;
    this.districtStats.leadSum[d]! += lead;
    if (lead <= 48) this.districtStats.within48[d]!++;
    if (op === OP_AMAZON) this.addCost(id, C_LAST_MILE, rural ? cfg.costs.lastMileRural : cfg.costs.lastMileUrban);
    else if (op === OP_INDIA_POST) this.addCost(id, C_PARTNER, cfg.policies.indiaPost.feePerParcel);
    if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'delivered', t: now, parcel: id, node: p.lastMile[id]!, collected, leadTimeHours: lead });
  }

  private startReturn(id: number): void {
    const p = this.parcels;
    p.status[id] = RETURNING;
    const cod = (p.flags[id]! & FLAG_COD) !== 0;
    this.bump(id, cod ? F_RTO_COD : F_RTO_PREPAID, 1);
    // A return costs its handling plus the linehaul back (DOMAIN.md: ₹50–150 extra).
    this.addCost(id, C_RETURNS, this.config.costs.rto + this.routes.cost[p.route[id]!]!);
    if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'rto', t: this.sim.now, parcel: id, node: p.lastMile[id]! });
    this.sim.schedule(this.config.operations.returnDays * 1440, this.onReturned, id);
  }

  private readonly onReturned = (id: number): void => {
    const p = this.parcels;
    p.status[id] = RETURNED;
    this.terminal++;
    this.returnedToday++;
    this.districtStats.returned[p.district[id]!]!++;
    this.bump(id, F_RETURNED, 1);
    if (p.flags[id]! & FLAG_SAMPLED) this.log!.record({ type: 'returned', t: this.sim.now, parcel: id });
  };

  // ——— Daily bookkeeping ———

  progress: ((simMinutes: number, parcelsDone: number) => void) | undefined;

  private readonly onDayEnd = (day: number): void => {
    this.daily.created.push(this.createdToday);
    this.daily.delivered.push(this.deliveredToday);
    this.daily.returned.push(this.returnedToday);
    this.daily.backlog.push(this.parcels.count - this.terminal);
    let q = 0;
    for (let t = 0; t < NODE_TYPES.length; t++) q += this.queued[t]!;
    this.daily.lastMileQueue.push(q);
    // Queues by node type: last-mile queues plus parcels waiting for a departure, by the lane's origin.
    const byType = Array.from(this.queued);
    for (const lane of this.openedDepartures) byType[this.typeIndex[this.routes.lanes[lane]!.from]!]! += this.departures[lane]!.waiting;
    byType.forEach((v, t) => this.queueByTypeDaily[t]!.push(v));
    this.createdToday = this.deliveredToday = this.returnedToday = 0;
    this.progress?.((day + 1) * 1440, this.terminal);
  };

  /** Parcels not yet delivered, returned or lost, by status scan (independent of the counters). */
  countInFlight(): void {
    const p = this.parcels;
    for (let id = 0; id < p.count; id++) {
      const s = p.status[id]!;
      if (s === IN_FLIGHT || s === RETURNING) this.bump(id, F_IN_FLIGHT, 1);
    }
  }
}
