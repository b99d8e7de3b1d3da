import { GridIndex, NODE_TYPES, type Network, type NodeType, nearestNode } from '../network/index.ts';

/**
 * What the model looks up about a network at every order, made once per network: they depend on
 * the network alone (no config, seed or replication), and a worker runs many replications on one
 * network, so they are kept beside it (a WeakMap: they go when the network goes). Read-only.
 */
export interface NetworkTables {
  nodeType: readonly NodeType[];
  /** Per node, its index in NODE_TYPES. */
  typeIndex: Int32Array;
  /** Per node, 1 for India Post's (its calendar, its beat), else 0. */
  postal: Uint8Array;
  /** Fulfilment centres, ascending id. */
  fcs: readonly number[];
  /** Per region district (position in `catchments.district`): its delivery station (else delivery post office), or undefined. */
  anchors: readonly (number | undefined)[];
  /** Per region district: the FC nearest its anchor (the first FC when it has none). */
  districtFc: Int32Array;
  /** Per region district: its aggregated branch office, -1 when it has none. */
  districtBranch: Int32Array;
  /** Per region district: its sellers, ascending id. */
  districtSellers: readonly (readonly number[])[];
  /** The national sorting hub nearest Mumbai (the assumed export gateway), -1 when none. */
  exportHub: number;
  /** Per region district: its PIN codes' point positions (rural orders), ascending. */
  districtPins: Lists;
  /** Per region district: its urban cells' point positions (urban orders), ascending. */
  districtCells: Lists;
  /** The region's states, in order of first district. */
  states: readonly string[];
  /** Per region district: its state's position in `states`. */
  stateOfDistrict: Int32Array;
}

/**
 * Lists of ids back to back: list i is `members[start[i] .. start[i] + length[i])`. Flat typed
 * arrays rather than an array of arrays: nothing to allocate per list, and no small arrays whose
 * hidden class changes as they fill (the model's code deoptimised on each replication's fresh
 * ones).
 */
export interface Lists {
  start: Int32Array;
  length: Int32Array;
  members: Int32Array;
}

/** Kirana pools: per demand point, the stores that may take its parcels, nearest first, back to back. */
export type KiranaPools = Lists;

const tables = new WeakMap<Network, NetworkTables>();
const pools = new WeakMap<Network, KiranaPools>();

export function networkTables(network: Network): NetworkTables {
  let t = tables.get(network);
  if (t === undefined) tables.set(network, (t = makeTables(network)));
  return t;
}

/**
 * A covered point's parcels may go to any store within the radius of the store nearest the point
 * (DOMAIN.md: stores deliver within 2–4 km), nearest first, so a town's stores share its load and
 * each store that takes parcels fills up to its 20–40 a day.
 */
export function kiranaPools(network: Network): KiranaPools {
  let p = pools.get(network);
  if (p === undefined) pools.set(network, (p = makePools(network)));
  return p;
}

function makeTables(network: Network): NetworkTables {
  const nodes = network.nodes;
  const c = network.catchments;
  const fcs = nodes.filter((n) => n.type === 'fulfilment-centre').map((n) => n.id);
  if (fcs.length === 0) throw new Error('runModel: the network has no fulfilment centre');
  const branchOf = new Map<number, number>();
  for (const n of nodes) if (n.type === 'branch-office' && !branchOf.has(n.district)) branchOf.set(n.district, n.id);
  const sellersOf = new Map<number, number[]>();
  for (const n of nodes) if (n.type === 'seller') sellersOf.set(n.district, [...(sellersOf.get(n.district) ?? []), n.id]);
  const nd = c.district.length;
  const districtFc = new Int32Array(nd);
  const districtBranch = new Int32Array(nd);
  const districtSellers: number[][] = [];
  const anchors: (number | undefined)[] = [];
  for (let i = 0; i < nd; i++) {
    const anchor = nodes[c.districtStation[i]!] ?? nodes[c.districtPostOffice[i]!];
    anchors.push(anchor?.id);
    districtFc[i] = anchor ? (nearestNode(network, 'fulfilment-centre', anchor.lon, anchor.lat)?.id ?? fcs[0]!) : fcs[0]!;
    districtBranch[i] = branchOf.get(c.district[i]!) ?? -1;
    districtSellers.push(sellersOf.get(c.district[i]!) ?? []);
  }
  // A district's state: that of its post office or station when it lies in the district, else of
  // any node in it.
  const districtStates = c.district.map((d, i) => {
    const node = nodes[c.districtPostOffice[i]!] ?? nodes[c.districtStation[i]!];
    return node && node.district === d ? node.state : (nodes.find((n) => n.district === d)?.state ?? 'unknown');
  });
  const states = [...new Set(districtStates)];
  return {
    nodeType: nodes.map((n) => n.type),
    typeIndex: Int32Array.from(nodes.map((n) => NODE_TYPES.indexOf(n.type))),
    postal: Uint8Array.from(nodes, (n) => (n.operator === 'india-post' ? 1 : 0)),
    fcs,
    anchors,
    districtFc,
    districtBranch,
    districtSellers,
    exportHub: nearestNode(network, 'national-sorting-hub', 72.88, 19.08)?.id ?? -1,
    // Extra points (pointIndex -2) belong to imported orders, not to the built-in demand's lists.
    districtPins: pointLists(network, (k) => c.pointUrban[k] === 0 && c.pointIndex[k] !== -2),
    districtCells: pointLists(network, (k) => c.pointUrban[k] === 1 && c.pointIndex[k] !== -2),
    states,
    stateOfDistrict: Int32Array.from(districtStates, (s) => states.indexOf(s)),
  };
}

/** Per region district, the positions of its demand points that pass `keep`, ascending. */
function pointLists(network: Network, keep: (k: number) => boolean): Lists {
  const c = network.catchments;
  const position = new Map<number, number>();
  c.district.forEach((d, i) => position.set(d, i));
  const nd = c.district.length;
  const owner = Int32Array.from(c.pointDistrict, (d, k) => (keep(k) ? (position.get(d) ?? -1) : -1));
  const length = new Int32Array(nd);
  for (const i of owner) if (i >= 0) length[i]!++;
  const start = new Int32Array(nd);
  for (let i = 1; i < nd; i++) start[i] = start[i - 1]! + length[i - 1]!;
  const members = new Int32Array(nd > 0 ? start[nd - 1]! + length[nd - 1]! : 0);
  const filled = new Int32Array(nd);
  for (let k = 0; k < owner.length; k++) {
    const i = owner[k]!;
    if (i >= 0) members[start[i]! + filled[i]!++] = k;
  }
  return { start, length, members };
}

function makePools(network: Network): KiranaPools {
  const nodes = network.nodes;
  const c = network.catchments;
  const np = c.pointPin.length;
  const start = new Int32Array(np);
  const length = new Int32Array(np);
  const members: number[] = [];
  const kiranas = nodes.filter((n) => n.type === 'kirana');
  const index = new GridIndex(kiranas.map((n) => n.lon), kiranas.map((n) => n.lat), kiranas.map((n) => n.id));
  for (let k = 0; k < np; k++) {
    const anchor = c.pointKirana[k]!;
    start[k] = members.length;
    if (anchor < 0) continue;
    const a = nodes[anchor]!;
    // Nearest first by squared degree offsets (an ordering only; ties by id).
    const d2 = (id: number): number => {
      const dx = nodes[id]!.lon - a.lon;
      const dy = nodes[id]!.lat - a.lat;
      return dx * dx + dy * dy;
    };
    const near = index.within(a.lon, a.lat, a.radiusKm).sort((x, y) => d2(x) - d2(y) || x - y);
    for (const id of near) members.push(id);
    length[k] = near.length;
  }
  return { start, length, members: Int32Array.from(members) };
}
