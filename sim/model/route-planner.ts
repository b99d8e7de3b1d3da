import { AIR_CITIES, type Lane, LANE_MODES, laneBetween, type Network, NODE_TYPES, nearestNode, route } from '../network/index.ts';
import { grown } from '../engine/index.ts';
import { networkTables } from './network-tables.ts';
import { PairIndex } from './pair-index.ts';
import type { ModelConfig } from './model-config.ts';

/**
 * A lane as the model sees it: a network lane (without its id), or a hand-off lane the model adds
 * between operators, whose capacity is Infinity.
 */
export interface ModelLane extends Omit<Lane, 'id'> {
  /** Its two ends belong to different operators (Amazon → India Post, Amazon → kirana, seller → India Post). */
  handoff: boolean;
}

/** The six metros of "24 Speed Post" (DOMAIN.md, India Post: next day between six metros from March 2026). */
const METROS = AIR_CITIES.filter((c) => ['Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bengaluru', 'Hyderabad'].includes(c.name));
/** A node within ~60 km of a metro's centre (a box of 0.6°: no trigonometry needed for a yes/no). */
function isMetro(n: { lon: number; lat: number }): boolean {
  return METROS.some((c) => Math.abs(n.lon - c.lon) <= 0.6 && Math.abs(n.lat - c.lat) <= 0.6);
}

/** The end of a route's lanes in `legs`. */
const END = [-1];

const SORT_TYPES = new Set(['sort-centre', 'national-sorting-hub', 'intra-circle-hub']);

// Per network, shared by the replications a worker runs on it: the model's lanes for a timetable
// and the lane lists of routes within one operator. Both are pure functions of the network (and
// the timetable), and rebuilding them was a quarter of what a replication allocated (84 of ~311 MB
// at scale 0.01). Route ids and hand-off lanes stay per replication, numbered in order of first
// use, so a replication's results do not depend on the replications run before it.
const laneTables = new WeakMap<Network, Map<string, ModelLanes>>();
// Lane lists by (from, to): a PairIndex into a list, not a Map keyed by from × nodes + to, which
// passes 2^30, so V8 hashed every key as a boxed double.
const routeLanes = new WeakMap<Network, { index: PairIndex; lists: (readonly number[])[] }>();
/** Per network, per node: the Amazon sort centre nearest it (-1 none, -2 not yet looked up). */
const nearestSortCentre = new WeakMap<Network, Int32Array>();

/**
 * Routes parcels: the lanes from an origin to a last-mile node, computed once per (origin,
 * last-mile node) pair and kept in flat arrays, so a parcel holds one route id. Amazon parcels for
 * India Post's last mile ride Amazon's linehaul to the sort centre nearest the destination (or,
 * when a carrier rule has India Post carry the linehaul, the one nearest the origin) and are
 * handed over there to the nearest national sorting hub, on a hand-off lane with its own delay and
 * cost.
 */
export class RoutePlanner {
  /** Network lanes: ids 0 .. laneCount − 1; hand-off lanes of this replication follow. */
  readonly laneCount: number;
  private readonly modelLanes: ModelLanes;
  /** This replication's hand-off lanes, ids laneCount, laneCount + 1, … in order of first use. */
  private readonly handoffs: ModelLane[] = [];
  /**
   * Lane ids of all routes, back to back, each route's ended by -1. A route's id is where its
   * lanes start: a parcel's next lane is one read, legs[route + leg], where a start and a length
   * by route id were two more (a parcel's every leg waited on memory for them).
   */
  legs: Int32Array<ArrayBuffer>;
  // Typed arrays grown by doubling, not `number[]`: a fresh `[]` in each replication changed hidden
  // class at its first fraction, and code optimised on the last replication's arrays deoptimised.
  // Set in the constructor, not here, as the kernel's growing arrays (see Simulation).
  /** Linehaul cost of a route, INR per parcel (lane km × cost per parcel-km), by route id. */
  cost: Float64Array<ArrayBuffer>;
  /** Routes built so far. */
  count = 0;
  private used = 0;
  /** Route ids by (origin, last-mile node, + nodes when handed over at the origin). */
  private readonly byOrigin = new PairIndex(4096);
  private readonly handoffLane = new Map<number, number>();
  private readonly n: number;

  constructor(
    readonly network: Network,
    private readonly config: ModelConfig,
  ) {
    this.n = network.nodes.length;
    this.legs = new Int32Array(1024);
    this.cost = new Float64Array(1024);
    const table = config.operations.timetable;
    const metroAir = config.policies.indiaPost.airBetweenMetros;
    const key = JSON.stringify([metroAir, table]);
    let tables = laneTables.get(network);
    if (tables === undefined) laneTables.set(network, (tables = new Map()));
    let lanes = tables.get(key);
    if (lanes === undefined) tables.set(key, (lanes = new ModelLanes(network, table, metroAir)));
    this.modelLanes = lanes;
    this.laneCount = network.lanes.length;
  }

  /** Lane `id` as the model runs it: a network lane, or one of this replication's hand-off lanes. */
  lane(id: number): ModelLane {
    return id < this.laneCount ? this.modelLanes.get(id) : this.handoffs[id - this.laneCount]!;
  }

  /** Whether parcels are sorted at a node on the way (sort centres and hubs). */
  static sorts(type: string): boolean {
    return SORT_TYPES.has(type);
  }

  /**
   * The route id from `origin` to `lastMile`, built on first use. `handoffAtOrigin`: an Amazon
   * parcel for India Post's last mile is handed over at the sort centre nearest its origin, so
   * India Post carries the linehaul (else at the one nearest the destination).
   */
  routeId(origin: number, lastMile: number, handoffAtOrigin = false): number {
    const key = handoffAtOrigin ? lastMile + this.n : lastMile;
    const known = this.byOrigin.get(origin, key);
    if (known >= 0) return known;
    const id = this.used;
    this.count++;
    this.plan(origin, lastMile, handoffAtOrigin);
    let cost = 0;
    for (let i = id; i < this.used; i++) {
      const lane = this.lane(this.legs[i]!);
      cost += lane.km * lane.costPerParcelKm;
    }
    this.append(END);
    if (this.cost.length < this.legs.length) this.cost = grown(this.cost, this.legs.length);
    this.cost[id] = cost;
    this.byOrigin.set(origin, key, id);
    return id;
  }

  /** Appends the route's lanes to `legs` (written in place: no array a route). */
  private plan(origin: number, lastMile: number, handoffAtOrigin: boolean): void {
    const nodes = this.network.nodes;
    const o = nodes[origin]!;
    const d = nodes[lastMile]!;
    if (o.operator === 'amazon' && d.operator === 'india-post') {
      const at = handoffAtOrigin ? o : d;
      const sc = this.nearestSortCentre(at.id);
      if (sc < 0) throw new Error(`route: no sort centre in the network to hand ${d.name} over from`);
      this.append(this.routeLanes(origin, sc));
      const h = this.handoff(sc);
      this.append([h]);
      this.append(this.routeLanes(this.lane(h).to, lastMile));
      return;
    }
    this.append(this.routeLanes(origin, lastMile));
  }

  private append(lanes: readonly number[]): void {
    if (this.used + lanes.length > this.legs.length) this.legs = grown(this.legs, this.used + lanes.length);
    for (let i = 0; i < lanes.length; i++) this.legs[this.used++] = lanes[i]!;
  }

  /** The network lanes from `from` to `to` within one operator's tree (shared, not to be changed). */
  private routeLanes(from: number, to: number): readonly number[] {
    let known = routeLanes.get(this.network);
    if (known === undefined) routeLanes.set(this.network, (known = { index: new PairIndex(4096), lists: [] }));
    const at = known.index.get(from, to);
    if (at >= 0) return known.lists[at]!;
    const lanes = this.lanesOf(route(this.network, from, to));
    known.index.set(from, to, known.lists.length);
    known.lists.push(lanes);
    return lanes;
  }

  /**
   * The sort centre nearest node `id` (-1 if the network has none), looked up once per node and
   * network: a route is planned per (origin, last-mile node), and the search was ~40 % of planning.
   */
  private nearestSortCentre(id: number): number {
    let known = nearestSortCentre.get(this.network);
    if (known === undefined) nearestSortCentre.set(this.network, (known = new Int32Array(this.n).fill(-2)));
    if (known[id] === -2) {
      const at = this.network.nodes[id]!;
      known[id] = nearestNode(this.network, 'sort-centre', at.lon, at.lat)?.id ?? -1;
    }
    return known[id]!;
  }

  private lanesOf(path: number[]): number[] {
    const out: number[] = [];
    for (let i = 1; i < path.length; i++) {
      const lane = laneBetween(this.network, path[i - 1]!, path[i]!);
      if (!lane) {
        const [a, b] = [this.network.nodes[path[i - 1]!]!, this.network.nodes[path[i]!]!];
        throw new Error(`route: no lane from ${a.name} (${a.type}) to ${b.name} (${b.type})`);
      }
      out.push(lane.id);
    }
    return out;
  }

  /** The hand-off lane from an Amazon sort centre to the nearest India Post national sorting hub. */
  private handoff(sc: number): number {
    const known = this.handoffLane.get(sc);
    if (known !== undefined) return known;
    const s = this.network.nodes[sc]!;
    const hub = nearestNode(this.network, 'national-sorting-hub', s.lon, s.lat);
    if (!hub) throw new Error(`route: no India Post national sorting hub in the network to hand over to from ${s.name}`);
    const o = this.network.options;
    const km = Math.round(hub.km * o.circuity.road * 1000) / 1000;
    const id = this.laneCount + this.handoffs.length;
    this.handoffs.push({
      from: sc, to: hub.id, mode: 'road', km, minutes: Math.round((km / o.speedKmh.road) * 600) / 10,
      departures: [...this.config.operations.handoffDepartures], capacity: Infinity,
      costPerParcelKm: o.costPerParcelKm.road, cv: o.travelTimeCv.road, handoff: true,
    });
    this.handoffLane.set(sc, id);
    return id;
  }
}

/**
 * The network's lanes as the model runs them (the scenario's timetable, Speed Post by air between
 * metros), each made on first use and kept for the network's other replications. Lazily, not all
 * at once: a national replication rides ~4,000 of 125,000 lanes, and making them all was 125,000
 * objects (~20 MB with their boxed numbers) and ~60 ms in every worker before its first
 * replication. A lane is a pure function of the network lane, the timetable and `metroAir`, so the
 * order lanes are made in changes nothing.
 */
class ModelLanes {
  private readonly made: (ModelLane | undefined)[];
  // The timetable's entry for a (from type, to type, mode), looked up once per combination rather
  // than by two template strings for each lane.
  private readonly timetabled = new Map<number, readonly number[] | null>();
  private readonly typeIndex: Int32Array;

  constructor(
    private readonly network: Network,
    private readonly table: ModelConfig['operations']['timetable'],
    private readonly metroAir: boolean,
  ) {
    this.made = new Array<ModelLane | undefined>(network.lanes.length).fill(undefined);
    this.typeIndex = networkTables(network).typeIndex;
  }

  get(id: number): ModelLane {
    return this.made[id] ?? (this.made[id] = this.make(id));
  }

  private make(id: number): ModelLane {
    const l = this.network.lanes[id]!;
    const nodes = this.network.nodes;
    const o = this.network.options;
    const a = nodes[l.from]!;
    const b = nodes[l.to]!;
    let { mode, km, minutes, costPerParcelKm, cv } = l;
    if (this.metroAir && mode !== 'air' && a.type === 'national-sorting-hub' && b.type === 'national-sorting-hub' && km >= o.longHaulKm && isMetro(a) && isMetro(b)) {
      // Speed Post flies between the metros' hubs (DOMAIN.md: rail and air between distant hubs).
      km = Math.round((km / o.circuity[mode]) * o.circuity.air * 1000) / 1000;
      mode = 'air';
      minutes = Math.round((km / o.speedKmh.air) * 600) / 10;
      costPerParcelKm = o.costPerParcelKm.air;
      cv = o.travelTimeCv.air;
    }
    const key = (this.typeIndex[l.from]! * NODE_TYPES.length + this.typeIndex[l.to]!) * LANE_MODES.length + LANE_MODES.indexOf(mode);
    let listed = this.timetabled.get(key);
    if (listed === undefined) {
      const kind = `${a.type}>${b.type}`;
      this.timetabled.set(key, (listed = this.table[`${kind}/${mode}`] ?? this.table[kind] ?? null));
    }
    // A lane with its own departures (imported or edited: not its mode's network default) keeps
    // them; the timetable times the lanes the network made.
    const own = !sameTimes(l.departures, o.departures[l.mode]);
    const departures = own ? l.departures : (listed ?? (mode === l.mode ? l.departures : o.departures[mode]));
    return {
      from: l.from, to: l.to, mode, km, minutes, departures,
      capacity: mode === l.mode ? l.capacity : o.capacityPerDeparture[mode] * o.scale, costPerParcelKm, cv,
      handoff: a.operator !== b.operator,
    };
  }
}

/** Whether two departure lists hold the same times, whatever their order. */
function sameTimes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((t, i) => t === y[i]);
}
