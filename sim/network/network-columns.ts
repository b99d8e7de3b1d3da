import { type Catchments, type Lane, type Network, type NetworkNode, NODE_OPERATORS as OPERATORS, NODE_TYPES, type NodeType } from './network.ts';
import { LANE_MODES, type ResolvedNetworkOptions } from './network-options.ts';


/** The integer columns of `Catchments`. */
const CATCHMENT_INTS = [
  'pointPin', 'pointIndex', 'pointUrban', 'pointStation', 'pointDirect', 'pointPostOffice', 'pointKirana', 'pointDistrict',
  'district', 'districtCode', 'districtStation', 'districtPostOffice', 'districtHub',
] as const satisfies readonly (keyof Catchments)[];
/** Its number columns (all but `districtPopulation`). */
const CATCHMENT_FLOATS = ['pointLon', 'pointLat'] as const satisfies readonly (keyof Catchments)[];

/**
 * A built network as columns: typed arrays, a few string tables and the options (plain JSON).
 * The object form (`Network`) is ~180,000 small objects at national scale: 0.6–1.1 s to pass
 * between threads by structured clone, as long as building it. Columns clone (or transfer) as a
 * few memory copies and turn back into the identical objects in tens of milliseconds, so a
 * network built once can serve every worker of a run and be kept on disk between runs.
 */
export interface NetworkColumns {
  format: 'india-parcel-sim/network-columns@3';
  seed: number | string;
  options: ResolvedNetworkOptions;
  stateNeighbours: Record<string, string[]>;
  stationRadiusKm: number;
  nodes: {
    /** Index into NODE_TYPES / OPERATORS. */
    type: Uint8Array;
    operator: Uint8Array;
    name: string[];
    lon: Float64Array;
    lat: Float64Array;
    district: Int32Array;
    /** Index into `states` / `circles`. */
    state: Int32Array;
    circle: Int32Array;
    states: string[];
    circles: string[];
    facilities: Float64Array;
    capacityPerDay: Float64Array;
    staff: Float64Array;
    delivers: Uint8Array;
    radiusKm: Float64Array;
    payoutInr: Float64Array;
    pin: Int32Array;
    parent: Int32Array;
  };
  lanes: {
    from: Int32Array;
    to: Int32Array;
    /** Index into LANE_MODES. */
    mode: Uint8Array;
    km: Float64Array;
    minutes: Float64Array;
    /** Lane k's departures are `departures[departureStart[k] .. departureStart[k + 1])`. */
    departureStart: Int32Array;
    departures: Float64Array;
    capacity: Float64Array;
    costPerParcelKm: Float64Array;
    cv: Float64Array;
  };
  catchments: Record<(typeof CATCHMENT_INTS)[number], Int32Array> & Record<(typeof CATCHMENT_FLOATS)[number], Float64Array> & {
    /** [total, rural, urban] per region district, flattened. */
    districtPopulation: Float64Array;
  };
}

export function networkToColumns(network: Network): NetworkColumns {
  const nodes = network.nodes;
  const n = nodes.length;
  const states: string[] = [];
  const circles: string[] = [];
  const stateIndex = new Map<string, number>();
  const circleIndex = new Map<string, number>();
  const indexIn = (table: string[], index: Map<string, number>, value: string): number => {
    let i = index.get(value);
    if (i === undefined) index.set(value, (i = table.push(value) - 1));
    return i;
  };
  const node = {
    type: new Uint8Array(n), operator: new Uint8Array(n), name: new Array<string>(n), lon: new Float64Array(n), lat: new Float64Array(n),
    district: new Int32Array(n), state: new Int32Array(n), circle: new Int32Array(n), states, circles,
    facilities: new Float64Array(n), capacityPerDay: new Float64Array(n), staff: new Float64Array(n), delivers: new Uint8Array(n),
    radiusKm: new Float64Array(n), payoutInr: new Float64Array(n), pin: new Int32Array(n), parent: new Int32Array(n),
  };
  nodes.forEach((x, i) => {
    if (x.id !== i) throw new Error(`networkToColumns: node ${i} has id ${x.id}; a node's id must be its index`);
    node.type[i] = NODE_TYPES.indexOf(x.type);
    node.operator[i] = OPERATORS.indexOf(x.operator);
    node.name[i] = x.name;
    node.lon[i] = x.lon;
    node.lat[i] = x.lat;
    node.district[i] = int32(x.district, 'district', i);
    node.state[i] = indexIn(states, stateIndex, x.state);
    node.circle[i] = indexIn(circles, circleIndex, x.circle);
    node.facilities[i] = x.facilities;
    node.capacityPerDay[i] = x.capacityPerDay;
    node.staff[i] = x.staff;
    node.delivers[i] = x.delivers ? 1 : 0;
    node.radiusKm[i] = x.radiusKm;
    node.payoutInr[i] = x.payoutInr;
    node.pin[i] = int32(x.pin, 'pin', i);
    node.parent[i] = int32(x.parent, 'parent', i);
  });
  const lanes = network.lanes;
  const m = lanes.length;
  const departureStart = new Int32Array(m + 1);
  lanes.forEach((l, k) => (departureStart[k + 1] = departureStart[k]! + l.departures.length));
  const lane = {
    from: new Int32Array(m), to: new Int32Array(m), mode: new Uint8Array(m), km: new Float64Array(m), minutes: new Float64Array(m),
    departureStart, departures: new Float64Array(departureStart[m]!),
    capacity: new Float64Array(m), costPerParcelKm: new Float64Array(m), cv: new Float64Array(m),
  };
  lanes.forEach((l, k) => {
    if (l.id !== k) throw new Error(`networkToColumns: lane ${k} has id ${l.id}; a lane's id must be its index`);
    lane.from[k] = l.from;
    lane.to[k] = l.to;
    lane.mode[k] = LANE_MODES.indexOf(l.mode);
    lane.km[k] = l.km;
    lane.minutes[k] = l.minutes;
    lane.departures.set(l.departures, departureStart[k]!);
    lane.capacity[k] = l.capacity;
    lane.costPerParcelKm[k] = l.costPerParcelKm;
    lane.cv[k] = l.cv;
  });
  const c = network.catchments;
  const catchments = Object.fromEntries(
    CATCHMENT_INTS.map((key) => [key, Int32Array.from(c[key], (v, i) => int32(v, `catchments.${key}`, i))]),
  ) as unknown as NetworkColumns['catchments'];
  for (const key of CATCHMENT_FLOATS) catchments[key] = Float64Array.from(c[key]);
  catchments.districtPopulation = Float64Array.from(c.districtPopulation.flat());
  return {
    format: 'india-parcel-sim/network-columns@3',
    seed: network.seed,
    options: network.options,
    stateNeighbours: network.stateNeighbours,
    stationRadiusKm: network.stationRadiusKm,
    nodes: node,
    lanes: lane,
    catchments,
  };
}

/** The network the columns were made from: equal field by field, with the same field order. */
export function networkFromColumns(columns: NetworkColumns): Network {
  if (columns?.format !== 'india-parcel-sim/network-columns@3') {
    throw new Error(`networkFromColumns: expected format india-parcel-sim/network-columns@3, given ${JSON.stringify(columns?.format)}`);
  }
  const nodes = nodesFromColumns(columns.nodes);
  const lanes = lanesFromColumns(columns.lanes);
  const cc = columns.catchments;
  const pop = cc.districtPopulation;
  const catchments = {} as Catchments;
  for (const key of CATCHMENT_INTS) catchments[key] = Array.from(cc[key]);
  for (const key of CATCHMENT_FLOATS) catchments[key] = Array.from(cc[key]);
  catchments.districtPopulation = Array.from({ length: pop.length / 3 }, (_, d) => [pop[3 * d]!, pop[3 * d + 1]!, pop[3 * d + 2]!]);
  return {
    seed: columns.seed,
    options: columns.options,
    nodes,
    lanes,
    catchments: orderedLike(catchments),
    stateNeighbours: columns.stateNeighbours,
    stationRadiusKm: columns.stationRadiusKm,
  };
}

// The node and lane loops are functions of their own so that V8's on-stack replacement compiles
// each loop alone, not the whole of networkFromColumns with it, three or four times in every
// worker (~45 ms of optimising compiler time a worker, ~30 ms split: `node --trace-opt`).
function nodesFromColumns(c: NetworkColumns['nodes']): NetworkNode[] {
  const nodes = new Array<NetworkNode>(c.type.length);
  for (let i = 0; i < nodes.length; i++) {
    // Same fields in the same order as makeNode, so every node has the one hidden class.
    nodes[i] = {
      id: i,
      type: NODE_TYPES[c.type[i]!] as NodeType,
      operator: OPERATORS[c.operator[i]!]!,
      name: c.name[i]!,
      lon: c.lon[i]!,
      lat: c.lat[i]!,
      district: c.district[i]!,
      state: c.states[c.state[i]!]!,
      circle: c.circles[c.circle[i]!]!,
      facilities: c.facilities[i]!,
      capacityPerDay: c.capacityPerDay[i]!,
      staff: c.staff[i]!,
      delivers: c.delivers[i] === 1,
      radiusKm: c.radiusKm[i]!,
      payoutInr: c.payoutInr[i]!,
      pin: c.pin[i]!,
      parent: c.parent[i]!,
    };
  }
  return nodes;
}

function lanesFromColumns(l: NetworkColumns['lanes']): Lane[] {
  const lanes = new Array<Lane>(l.from.length);
  // One array per distinct timetable, not one per lane: 125,000 lanes share three, and building
  // an array each was a quarter of a worker's start (their allocation and their GC).
  const timetables: number[][] = [];
  for (let k = 0; k < lanes.length; k++) {
    const from = l.departureStart[k]!;
    const to = l.departureStart[k + 1]!;
    let departures = timetables.find((t) => holds(t, l.departures, from, to));
    if (departures === undefined) timetables.push((departures = Array.from(l.departures.subarray(from, to))));
    lanes[k] = {
      id: k,
      from: l.from[k]!,
      to: l.to[k]!,
      mode: LANE_MODES[l.mode[k]!]!,
      km: l.km[k]!,
      minutes: l.minutes[k]!,
      departures,
      capacity: l.capacity[k]!,
      costPerParcelKm: l.costPerParcelKm[k]!,
      cv: l.cv[k]!,
    };
  }
  return lanes;
}

/** Whether `list` is `values[from .. to)`. */
function holds(list: readonly number[], values: Float64Array, from: number, to: number): boolean {
  if (list.length !== to - from) return false;
  for (let j = 0; j < list.length; j++) if (list[j] !== values[from + j]) return false;
  return true;
}

/** Catchments with their fields in the declared order (as `buildNetwork` makes them). */
function orderedLike(c: Catchments): Catchments {
  return {
    pointPin: c.pointPin, pointIndex: c.pointIndex, pointUrban: c.pointUrban, pointLon: c.pointLon, pointLat: c.pointLat,
    pointStation: c.pointStation, pointDirect: c.pointDirect, pointPostOffice: c.pointPostOffice,
    pointKirana: c.pointKirana, pointDistrict: c.pointDistrict, district: c.district, districtCode: c.districtCode, districtStation: c.districtStation,
    districtPostOffice: c.districtPostOffice, districtHub: c.districtHub, districtPopulation: c.districtPopulation,
  };
}

function int32(value: number, field: string, index: number): number {
  if (!Number.isInteger(value) || (value | 0) !== value) {
    throw new Error(`networkToColumns: ${field}[${index}] must be a 32-bit integer, given ${value}`);
  }
  return value;
}
