import { AIR_CITIES, type Lane, LANE_MODES, laneBetween, type Network, NODE_TYPES, nearestNode, route } from '../network/index.ts';
import { grown } from '../engine/index.ts';
import { networkTables } from './network-tables.ts';
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

const SORT_TYPES = new Set(['sort-centre', 'national-sorting-hub', 'intra-circle-hub']);

// Per network, shared by the replications a worker runs on it: the model's lanes for a timetable
// and the lane lists of routes within one operator. Both are pure functions of the network (and
// the timetable), and rebuilding them was a quarter of what a replication allocated (84 of ~311 MB
// at scale 0.01). Route ids and hand-off lanes stay per replication, numbered in order of first
// use, so a replication's results do not depend on the replications run before it.
const laneTables = new WeakMap<Network, Map<string, ModelLanes>>();
const routeLanes = new WeakMap<Network, Map<number, readonly number[]>>();

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
  /** Lane ids of all routes, back to back; route r is lanes[start[r] .. start[r] + length[r]). */
  legs: Int32Array<ArrayBuffer>;
  // Typed arrays grown by doubling, not `number[]`: a fresh `[]` in each replication changed hidden
  // class at its first fraction, and code optimised on the last replication's arrays deoptimised.
  // Set in the constructor, not here, as the kernel's growing arrays (see Simulation).
  start: Int32Array<ArrayBuffer>;
  length: Int32Array<ArrayBuffer>;
  /** Linehaul cost of a route, INR per parcel (lane km × cost per parcel-km). */
  cost: Float64Array<ArrayBuffer>;
  /** Routes built so far (ids 0 .. count − 1). */
  count = 0;
  private used = 0;
  /**
   * Route ids by origin, then last-mile node (-1 unknown, +1 offset so a fresh array means none):
   * a flat array per FC or hub origin (few, each used by millions of parcels), a map per seller
   * (thousands, each with a few destinations). No per-parcel hashing of a pair key.
   */
  // Per origin, last-mile node → route id. A Map, not an Int32Array over all nodes: a replication
  // has some sixty origins, each reaching a few thousand last-mile nodes, and sixty zero-filled
  // tables of 54,000 entries were 13 MB of fresh memory a replication.
  private readonly byOrigin = new Map<number, Map<number, number>>();
  private readonly handoffLane = new Map<number, number>();
  private readonly n: number;

  constructor(
    readonly network: Network,
    private readonly config: ModelConfig,
  ) {
    this.n = network.nodes.length;
    this.legs = new Int32Array(1024);
    this.start = new Int32Array(256);
    this.length = new Int32Array(256);
    this.cost = new Float64Array(256);
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
    let table = this.byOrigin.get(origin);
    if (table === undefined) this.byOrigin.set(origin, (table = new Map()));
    const key = handoffAtOrigin ? lastMile + this.n : lastMile;
    const known = table.get(key);
    if (known !== undefined) return known;
    const lanes = this.plan(origin, lastMile, handoffAtOrigin);
    const id = this.count++;
    if (this.used + lanes.length > this.legs.length) this.legs = grown(this.legs, this.used + lanes.length);
    if (id === this.start.length) {
      this.start = grown(this.start, id + 1);
      this.length = grown(this.length, id + 1);
      this.cost = grown(this.cost, id + 1);
    }
    this.start[id] = this.used;
    this.length[id] = lanes.length;
    let cost = 0;
    for (const l of lanes) {
      this.legs[this.used++] = l;
      const lane = this.lane(l);
      cost += lane.km * lane.costPerParcelKm;
    }
    this.cost[id] = cost;
    table.set(key, id);
    return id;
  }

  private plan(origin: number, lastMile: number, handoffAtOrigin: boolean): readonly number[] {
    const nodes = this.network.nodes;
    const o = nodes[origin]!;
    const d = nodes[lastMile]!;
    if (o.operator === 'amazon' && d.operator === 'india-post') {
      const at = handoffAtOrigin ? o : d;
      const sc = nearestNode(this.network, 'sort-centre', at.lon, at.lat);
      if (!sc) throw new Error(`route: no sort centre in the network to hand ${d.name} over from`);
      const first = this.routeLanes(origin, sc.id);
      const h = this.handoff(sc.id);
      const hub = this.lane(h).to;
      return [...first, h, ...this.routeLanes(hub, lastMile)];
    }
    return this.routeLanes(origin, lastMile);
  }

  /** The network lanes from `from` to `to` within one operator's tree (shared, not to be changed). */
  private routeLanes(from: number, to: number): readonly number[] {
    let known = routeLanes.get(this.network);
    if (known === undefined) routeLanes.set(this.network, (known = new Map()));
    const key = from * this.n + to;
    let lanes = known.get(key);
    if (lanes === undefined) known.set(key, (lanes = this.lanesOf(route(this.network, from, to))));
    return lanes;
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
