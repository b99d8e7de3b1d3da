import type { IndiaData, IndiaShapes } from '../data/index.ts';
import { createStream } from '../engine/random/index.ts';
import { buildDeliveryStations, buildFulfilmentCentres, buildSortCentres, calibrateStationRadius } from './build-amazon.ts';
import { buildCatchments, regionMask } from './build-catchments.ts';
import { buildBranchOffices, buildHubs, buildPostOffices } from './build-india-post.ts';
import { buildKiranas } from './build-kirana.ts';
import { buildLanes } from './build-lanes.ts';
import { buildSellers } from './build-sellers.ts';
import { checkReachable } from './check-reachable.ts';
import { editLanes, editNodes, type NodeEditResult } from './edit-network.ts';
import { GridIndex } from './grid-index.ts';
import type { Lane, Network, NetworkEdits, NetworkNode } from './network.ts';
import type { LaneMode, NetworkOptions, ResolvedNetworkOptions } from './network-options.ts';
import { ParentFinder } from './parent-finder.ts';
import { type PlaceContext, placeContext } from './place-context.ts';
import { readNetworkFiles } from './read-network-files.ts';
import { makeNamesUnique } from './unique-names.ts';
import { NetworkOptionsError, type OptionIssue, validateNetworkOptions } from './validate-network-options.ts';

/**
 * Builds the network for a scenario: India Post, Amazon, kirana stores and sellers over the embedded
 * dataset, or the network of `options.import` (nodes.csv and lanes.csv); then the edits by name
 * (`options.nodes`, `options.lanes`: nodes added, changed or removed, lanes added, changed or
 * closed, traffic rerouted up the operators' trees); then the catchments, from the nodes alone. A
 * built network is laid out for the whole nation first and then cut to the region (`states`,
 * `districts`), keeping every node a kept node routes through (its hub, sort centre, national hub),
 * so a region is exactly its part of the national network. Same data, options and seed →
 * identical network. Throws `NetworkOptionsError` listing every problem: invalid options, every
 * bad row of an imported file, every edit that cannot apply, and demand the network cannot reach.
 * `shapes` (district polygons) makes "outside India" exact; without them it is India's extent.
 */
export function buildNetwork(data: IndiaData, options: NetworkOptions = {}, seed: number | string = 1, shapes?: IndiaShapes): Network {
  const { options: o, issues } = validateNetworkOptions(options, data);
  if (issues.length > 0) throw new NetworkOptionsError(issues);
  const ctx = placeContext(data);
  const inRegion = regionMask(ctx, o);
  const edited = Object.keys(o.nodes).length > 0 || Object.keys(o.lanes).length > 0;
  const { nodes, lanes, stationRadiusKm, edits } = o.import ? importNodes(ctx, o, inRegion, issues, shapes) : buildNodes(ctx, o, seed, inRegion, edited, issues, shapes);
  const catchments = buildCatchments(ctx, nodes, inRegion, o.points);
  const { import: imported, ...rest } = o;
  // The options a network carries name its imported files by hash, not by their text.
  const network: Network = { seed, options: imported ? { ...rest, import: { nodes: { sha256: imported.nodes.sha256, content: '' }, lanes: { sha256: imported.lanes.sha256, content: '' } } } : o, nodes, lanes, catchments, stateNeighbours: data.stateNeighbours, stationRadiusKm };
  if (edited && edits) network.edits = edits;
  if (issues.length === 0 && (o.import || edited)) issues.push(...checkReachable(network, data));
  if (issues.length > 0) throw new NetworkOptionsError(issues);
  return network;
}

interface Built {
  nodes: NetworkNode[];
  lanes: Lane[];
  stationRadiusKm: number;
  edits?: NetworkEdits;
}

/** The edit summary of a node step and a lane step, in the final ids. */
function editSummary(
  nodes: { added: number[]; changed: number[]; removed: NetworkEdits['removedNodes'] }, lanes: ReturnType<typeof editLanes>, newId?: readonly number[],
): NetworkEdits {
  const id = (i: number): number => (newId === undefined ? i : newId[i]!);
  const addedNodes = nodes.added.map(id).filter((i) => i >= 0);
  // The build made the lanes of nodes added to it (their parent links, a new root's mesh).
  const fresh = new Set(addedNodes);
  for (const l of lanes.lanes) if (fresh.has(l.from) || fresh.has(l.to)) lanes.added.add(l);
  return {
    addedNodes,
    changedNodes: nodes.changed.map(id).filter((i) => i >= 0),
    removedNodes: nodes.removed,
    addedLanes: [...lanes.added].map((l) => l.id).sort((a, b) => a - b),
    changedLanes: [...lanes.changed].map((l) => l.id).sort((a, b) => a - b),
    closedLanes: lanes.closed,
  };
}

function buildNodes(ctx: PlaceContext, o: ResolvedNetworkOptions, seed: number | string, inRegion: boolean[], edited: boolean, issues: OptionIssue[], shapes?: IndiaShapes): Built {
  const { data } = ctx;
  const fcs = buildFulfilmentCentres(ctx, o);
  const scs = buildSortCentres(ctx, o);
  const stations = buildDeliveryStations(ctx, o);
  const stationRadiusKm = calibrateStationRadius(ctx, stations, o.amazonDirectPinShare);
  for (const s of stations) s.radiusKm = stationRadiusKm;
  const kiranas = buildKiranas(ctx, o, createStream(seed, 0, 'network/kirana'));
  const hubs = buildHubs(ctx, o);
  const offices = buildPostOffices(ctx, o);
  const branches = buildBranchOffices(ctx, o);
  const sellers = buildSellers(ctx, o, createStream(seed, 0, 'network/sellers'));
  let all = [...fcs, ...scs, ...stations, ...kiranas, ...hubs, ...offices, ...branches, ...sellers];
  all.forEach((n, i) => (n.id = i));
  // Parents (national ids): each node's next node up its operator's tree, by distance.
  const finder = new ParentFinder(all);
  for (const n of all) n.parent = finder.parentOf(n);
  makeNamesUnique(all, (d) => data.districts[d]!.name);

  let edits: NodeEditResult | undefined;
  if (edited) {
    edits = editNodes(ctx, all, o, stationRadiusKm, [], shapes);
    issues.push(...edits.issues);
    all = edits.nodes;
  }

  // The region: its districts' last-mile nodes and facilities, plus everything they route through.
  const indexOf = (list: NetworkNode[]): GridIndex => new GridIndex(list.map((n) => n.lon), list.map((n) => n.lat), list.map((n) => n.id));
  const nearestId = (index: GridIndex, n: NetworkNode, accept?: (id: number) => boolean): number =>
    index.nearest(n.lon, n.lat, accept)?.id ?? index.nearest(n.lon, n.lat)?.id ?? -1;
  const keep = all.map((n) => inRegion[n.district]!);
  const allFcs = all.filter((n) => n.type === 'fulfilment-centre');
  if (!allFcs.some((n) => keep[n.id]) && allFcs.length > 0) {
    // A region without an FC is supplied by the FC nearest to its first station (or node).
    const first = all.find((n) => keep[n.id] && n.type === 'delivery-station') ?? all.find((n) => keep[n.id]);
    if (first) keep[nearestId(indexOf(allFcs), first)] = true;
  }
  for (const n of all) {
    if (!keep[n.id]) continue;
    for (let p = n.parent; p >= 0 && !keep[p]; p = all[p]!.parent) keep[p] = true;
  }
  const newId = all.map(() => -1);
  const nodes: NetworkNode[] = [];
  for (const n of all) {
    if (!keep[n.id]) continue;
    newId[n.id] = nodes.length;
    nodes.push(n);
  }
  // Sellers' Amazon pickup station (national ids), before the renumbering.
  const stationIndex = indexOf(all.filter((n) => n.type === 'delivery-station'));
  const sellerStationNational = new Map<number, number>();
  for (const n of all) if (n.type === 'seller' && keep[n.id]) sellerStationNational.set(n.id, nearestId(stationIndex, n, (id) => keep[id]!));
  const sellerStation = nodes.map((n) => {
    const s = sellerStationNational.get(n.id);
    return s === undefined || s < 0 ? -1 : newId[s]!;
  });
  for (const n of nodes) {
    n.id = newId[n.id]!;
    n.parent = n.parent >= 0 ? newId[n.parent]! : -1;
  }

  const lanes = buildLanes(nodes, sellerStation, o);
  if (!edits) return { nodes, lanes, stationRadiusKm };
  const laneStep = editLanes(nodes, lanes, o, inRegionEdits(edits, newId, nodes, o, issues));
  issues.push(...laneStep.issues);
  return { nodes, lanes: laneStep.lanes, stationRadiusKm, edits: editSummary(edits, laneStep, newId) };
}

/** The lane edits of a national edit, in the ids of the region cut from it; a lane whose end was cut is a problem. */
function inRegionEdits(edits: NodeEditResult, newId: number[], nodes: NetworkNode[], o: ResolvedNetworkOptions, issues: OptionIssue[]): Pick<NodeEditResult, 'closed' | 'closedKeys' | 'laneEdits' | 'newRoots'> {
  const closed = new Set<string>();
  const closedKeys = new Map<string, string>();
  for (const key of edits.closed) {
    const m = /^(\d+)>(\d+)(\/.*)?$/.exec(key)!;
    const a = newId[Number(m[1])]!;
    const b = newId[Number(m[2])]!;
    if (a >= 0 && b >= 0) {
      closed.add(`${a}>${b}${m[3] ?? ''}`);
      const written = edits.closedKeys.get(key);
      if (written !== undefined) closedKeys.set(`${a}>${b}${m[3] ?? ''}`, written);
    }
  }
  const region = o.districts ? `districts ${o.districts.join(', ')}` : o.states ? o.states.join(', ') : 'all India';
  const laneEdits = edits.laneEdits.flatMap((e) => {
    const from = newId[e.from]!;
    const to = newId[e.to]!;
    if (from >= 0 && to >= 0) return [{ ...e, from, to }];
    const cut = from < 0 ? e.key.from : e.key.to;
    issues.push({ path: `lanes[${JSON.stringify(e.key.key)}]`, message: `${cut} is not in this scenario's network (region: ${region}): the region keeps its own districts' nodes and those they route through` });
    return [];
  });
  const newRoots = edits.newRoots.map((r) => newId[r]!).filter((r) => r >= 0);
  void nodes;
  return { closed, closedKeys, laneEdits, newRoots };
}

function importNodes(ctx: PlaceContext, o: ResolvedNetworkOptions, _inRegion: boolean[], issues: OptionIssue[], shapes?: IndiaShapes): Built {
  const read = readNetworkFiles(ctx, { nodes: o.import!.nodes.content, lanes: o.import!.lanes.content }, o, -1, shapes);
  issues.push(...read.issues);
  if (read.issues.length > 0) return { nodes: [], lanes: [], stationRadiusKm: 0 };
  const stationRadiusKm = stationRadius(ctx, read.nodes, o);
  // The files as they are (an export read back): nothing to edit, no parent to find, no lane to add.
  if (read.unparented.length === 0 && Object.keys(o.nodes).length === 0 && Object.keys(o.lanes).length === 0 && parentLinksHaveLanes(read.nodes, read.lanes)) {
    return { nodes: read.nodes, lanes: read.lanes, stationRadiusKm };
  }
  const modes = new Map<number, LaneMode[]>();
  for (const l of read.lanes) modes.set(l.from * read.nodes.length + l.to, [...(modes.get(l.from * read.nodes.length + l.to) ?? []), l.mode]);
  const edits = editNodes(ctx, read.nodes, o, stationRadiusKm, read.unparented, shapes, (a, b) => modes.get(a.id * read.nodes.length + b.id) ?? []);
  issues.push(...edits.issues);
  const renumbered = edits.newId.some((id, i) => id !== i);
  const lanes = !renumbered ? read.lanes : read.lanes.flatMap((l) => {
    const from = edits.newId[l.from]!;
    const to = edits.newId[l.to]!;
    return from >= 0 && to >= 0 ? [{ ...l, from, to }] : [];
  });
  const laneStep = editLanes(edits.nodes, lanes, o, edits);
  issues.push(...laneStep.issues);
  return { nodes: edits.nodes, lanes: laneStep.lanes, stationRadiusKm, edits: editSummary(edits, laneStep) };
}

/** Whether every node's link to its parent has a lane each way. */
function parentLinksHaveLanes(nodes: readonly NetworkNode[], lanes: readonly Lane[]): boolean {
  const n = nodes.length;
  const pairs = new Set<number>();
  for (const l of lanes) pairs.add(l.from * n + l.to);
  return nodes.every((x) => x.parent < 0 || (pairs.has(x.id * n + x.parent) && pairs.has(x.parent * n + x.id)));
}

/**
 * The radius of an imported network's stations, for stations whose file left it blank and for
 * stations added by an edit: the radius most of its stations have, else the one within which
 * `amazonDirectPinShare` of all PINs lie (as the build calibrates it).
 */
function stationRadius(ctx: PlaceContext, nodes: NetworkNode[], o: ResolvedNetworkOptions): number {
  const stations = nodes.filter((n) => n.type === 'delivery-station');
  const counts = new Map<number, number>();
  for (const s of stations) if (s.radiusKm >= 0) counts.set(s.radiusKm, (counts.get(s.radiusKm) ?? 0) + 1);
  let best = -1;
  let most = 0;
  for (const [r, k] of counts) if (k > most || (k === most && r < best)) [best, most] = [r, k];
  const radius = best >= 0 ? best : calibrateStationRadius(ctx, stations, o.amazonDirectPinShare);
  for (const s of stations) if (s.radiusKm < 0) s.radiusKm = radius;
  return radius;
}
