import type { IndiaShapes } from '../data/index.ts';
import { defaultLane, defaultMode } from './build-lanes.ts';
import { greatCircleKm } from './geo.ts';
import { inIndiaBox, insideIndia } from './inside-india.ts';
import { makeNode } from './make-node.ts';
import { type Lane, type NetworkEdits, type NetworkNode, NODE_OPERATORS, NODE_TYPES, type NodeType } from './network.ts';
import { LANE_MODES, type LaneEdit, type LaneMode, type NodeEdit, type ResolvedNetworkOptions } from './network-options.ts';
import { nodeDefaults } from './node-defaults.ts';
import { PARENT_TYPES, ParentFinder } from './parent-finder.ts';
import type { PlaceContext } from './place-context.ts';
import type { OptionIssue } from './validate-network-options.ts';

/** A lane key parsed: `from>to` or `from>to/mode`, ends by name. */
export interface LaneKey {
  key: string;
  from: string;
  to: string;
  mode?: LaneMode;
}

/** `A>B` or `A>B/rail` → its parts; a '/' inside a name (`BO 110001/1`) is kept unless a mode follows it. */
export function parseLaneKey(key: string): LaneKey | undefined {
  const gt = key.indexOf('>');
  if (gt <= 0 || gt === key.length - 1) return undefined;
  const from = key.slice(0, gt);
  let to = key.slice(gt + 1);
  const slash = to.lastIndexOf('/');
  let mode: LaneMode | undefined;
  if (slash > 0 && (LANE_MODES as readonly string[]).includes(to.slice(slash + 1))) {
    mode = to.slice(slash + 1) as LaneMode;
    to = to.slice(0, slash);
  }
  return { key, from, to, ...(mode && { mode }) };
}

/** What the node edits decided, for the lane step: closed pairs (by new id) and the lane edits to apply. */
export interface NodeEditResult {
  nodes: NetworkNode[];
  /** Old id → new id (-1 removed), to renumber lanes read from a file. */
  newId: Int32Array;
  /** Lanes closed by `null`: `from>to` (every mode) or `from>to/mode`, new ids. */
  closed: Set<string>;
  laneEdits: { key: LaneKey; edit: LaneEdit; from: number; to: number }[];
  /** The key each closure was written as, by its `closed` entry (to name one that closes nothing). */
  closedKeys: Map<string, string>;
  /** Roots (sort centres, national hubs) an edit added: they get lanes to every other root of their kind. */
  newRoots: number[];
  /** New ids of the nodes an edit added, and of those it changed; the removed ones as they were. */
  added: number[];
  changed: number[];
  removed: NetworkEdits['removedNodes'];
  issues: OptionIssue[];
}

const FIELDS: readonly (keyof NodeEdit)[] = ['type', 'operator', 'lat', 'lon', 'district', 'capacityPerDay', 'staff', 'facilities', 'delivers', 'radiusKm', 'payoutInr', 'pin', 'parent'];

/**
 * Applies `network.nodes` (add, change, `null` removes) and the parent-changing part of
 * `network.lanes` to a node list whose ids are its indices and whose parents are set (-1 for the
 * `unparented`, which get one here). A node whose parent went (removed, or the lane between them
 * closed), a node added or moved without a `parent`, and a node whose type changed get the parent
 * the network's rules give (`ParentFinder`), so traffic that used a removed hub reroutes to the
 * next one of its kind. A lane added from a node to one of its parent kind makes that its parent.
 * `linkModes(from, to)`: the modes of the lanes from one node to the other (the built network's
 * one by distance; an imported network's from its file), so closing one mode of a link that has
 * another keeps the link.
 * Issues name the edit, the value and what is valid; capacities are at full scale (× `o.scale`).
 */
export function editNodes(
  ctx: PlaceContext, input: NetworkNode[], o: ResolvedNetworkOptions, stationRadiusKm: number, unparented: readonly number[] = [], shapes?: IndiaShapes,
  linkModes: (from: NetworkNode, to: NetworkNode) => LaneMode[] = (a, b) => [defaultMode(a, b, greatCircleKm(a.lon, a.lat, b.lon, b.lat), o)],
): NodeEditResult {
  const issues: OptionIssue[] = [];
  const bad = (path: string, message: string): void => void issues.push({ path, message });
  const { data } = ctx;
  const byName = new Map(input.map((n) => [n.name, n.id]));
  const removed = new Set<number>();
  const needsParent = new Set<number>(unparented);
  const explicitParent = new Map<NetworkNode, { name: string; path: string }>();
  const added: NetworkNode[] = [];
  const retyped = new Set<NetworkNode>();
  const changed = new Set<NetworkNode>();
  const codeIndex = new Map<number, number>();
  data.districts.forEach((d, i) => d.code !== null && codeIndex.set(d.code, i));

  for (const [name, edit] of Object.entries(o.nodes)) {
    const path = `nodes[${JSON.stringify(name)}]`;
    const id = byName.get(name);
    if (edit === null) {
      if (id === undefined) bad(path, `removes a node, but there is no node named ${JSON.stringify(name)}${nameHint(name, byName.keys())}; \`sim network <scenario> --nodes\` lists the names`);
      else removed.add(id);
      continue;
    }
    if (typeof edit !== 'object' || Array.isArray(edit)) {
      bad(path, `must be an object of fields (${FIELDS.join(', ')}) to add or change the node, or null to remove it, given ${JSON.stringify(edit)}`);
      continue;
    }
    for (const k of Object.keys(edit)) if (!(FIELDS as readonly string[]).includes(k)) bad(`${path}.${k}`, `unknown field; valid fields: ${FIELDS.join(', ')}`);
    if (name.includes('>')) bad(path, "a node's name cannot hold '>' (lane keys are from>to)");
    const before = issues.length;
    const type = edit.type;
    if (type !== undefined && !NODE_TYPES.includes(type)) bad(`${path}.type`, `must be one of ${NODE_TYPES.join(', ')}, given ${JSON.stringify(type)}`);
    if (edit.operator !== undefined && !NODE_OPERATORS.includes(edit.operator)) bad(`${path}.operator`, `must be one of ${NODE_OPERATORS.join(', ')}, given ${JSON.stringify(edit.operator)}`);
    const num = (k: 'lat' | 'lon' | 'capacityPerDay' | 'staff' | 'facilities' | 'radiusKm' | 'payoutInr' | 'pin', min: number, max: number): void => {
      const v = edit[k];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)) bad(`${path}.${k}`, `must be a number from ${min} to ${max}, given ${JSON.stringify(v)}`);
    };
    num('lat', -90, 90);
    num('lon', -180, 180);
    num('capacityPerDay', 0, 1e9);
    num('staff', 0, 1e7);
    num('facilities', 1, 1e7);
    num('radiusKm', 0, 500);
    num('payoutInr', 0, 100_000);
    num('pin', 0, 999_999);
    if (edit.delivers !== undefined && typeof edit.delivers !== 'boolean') bad(`${path}.delivers`, `must be true or false, given ${JSON.stringify(edit.delivers)}`);
    if ((edit.lat === undefined) !== (edit.lon === undefined)) bad(`${path}.${edit.lat === undefined ? 'lat' : 'lon'}`, 'give both lat and lon, or neither (a district code places the node at the district\'s point)');
    let district: number | undefined;
    if (edit.district !== undefined) {
      district = typeof edit.district === 'number' ? codeIndex.get(edit.district) : undefined;
      if (district === undefined) bad(`${path}.district`, `must be a Census 2011 district code (1 to 640), given ${JSON.stringify(edit.district)}`);
    }
    let point: [number, number] | undefined;
    if (typeof edit.lat === 'number' && typeof edit.lon === 'number') {
      if (!(shapes ? insideIndia(shapes, edit.lon, edit.lat, ctx.nearestPin(edit.lon, edit.lat)) : inIndiaBox(edit.lon, edit.lat))) {
        bad(`${path}.lat`, `(lat ${edit.lat}, lon ${edit.lon}) lies outside India${shapes ? ' (outside every district)' : ' (lat 6.5–37.2, lon 68–97.5)'}; give a point in India`);
      } else point = [edit.lon, edit.lat];
    } else if (district !== undefined) point = data.districts[district]!.point;
    if (issues.length > before) continue;

    const existing = id === undefined ? undefined : input[id]!;
    if (existing === undefined) {
      if (type === undefined) {
        bad(path, `adds a node (no node is named ${JSON.stringify(name)}${nameHint(name, byName.keys())}), so it needs a type: one of ${NODE_TYPES.join(', ')}`);
        continue;
      }
      if (point === undefined) {
        bad(path, 'adds a node, so it needs a place: lat and lon, or a district (Census 2011 code)');
        continue;
      }
    }
    const t: NodeType = type ?? existing!.type;
    const d = nodeDefaults(t, o, stationRadiusKm);
    const at = point ? (district ?? ctx.districtAt(point[0], point[1])) : existing!.district;
    const node = existing ?? makeNode({ type: t, operator: d.operator, name, lon: point![0], lat: point![1], district: at, state: ctx.stateOf[at]!, circle: ctx.circleOf[at]!, staff: d.staff, delivers: d.delivers, radiusKm: d.radiusKm, payoutInr: d.payoutInr, capacityPerDay: d.capacityPerDay * o.scale });
    if (existing && type !== undefined && type !== existing.type) {
      node.type = type;
      retyped.add(node);
      needsParent.add(node.id);
    }
    if (existing && point) {
      node.lon = point[0];
      node.lat = point[1];
      node.district = at;
      node.state = ctx.stateOf[at]!;
      node.circle = ctx.circleOf[at]!;
      needsParent.add(node.id);
    }
    if (edit.operator !== undefined) node.operator = edit.operator;
    else if (existing && type !== undefined) node.operator = d.operator;
    if (edit.staff !== undefined) node.staff = edit.staff;
    if (edit.capacityPerDay !== undefined) node.capacityPerDay = edit.capacityPerDay * o.scale;
    else if (edit.staff !== undefined && d.perStaff > 0) node.capacityPerDay = edit.staff * d.perStaff * o.scale;
    if (edit.facilities !== undefined) node.facilities = edit.facilities;
    if (edit.delivers !== undefined) node.delivers = edit.delivers;
    if (edit.radiusKm !== undefined) node.radiusKm = edit.radiusKm;
    if (edit.payoutInr !== undefined) node.payoutInr = edit.payoutInr;
    if (edit.pin !== undefined) node.pin = edit.pin;
    if (edit.parent !== undefined) explicitParent.set(node, { name: edit.parent, path: `${path}.parent` });
    if (!existing) added.push(node);
    else changed.add(node);
  }

  const removedNodes = input.filter((n) => removed.has(n.id)).map((n) => ({ name: n.name, type: n.type, lon: n.lon, lat: n.lat }));
  // Renumber: the kept nodes in their order, then the added ones in the order written.
  const nodes: NetworkNode[] = [];
  const newId = new Int32Array(input.length).fill(-1);
  for (const n of input) {
    if (removed.has(n.id)) continue;
    newId[n.id] = nodes.length;
    nodes.push(n);
  }
  const orphans = new Set<NetworkNode>();
  for (const n of nodes) {
    if (n.parent >= 0 && newId[n.parent]! < 0) orphans.add(n);
    if (needsParent.has(n.id)) orphans.add(n);
  }
  for (const n of nodes) {
    n.id = newId[n.id]!;
    n.parent = n.parent >= 0 ? newId[n.parent]! : -1;
  }
  for (const n of added) {
    n.id = nodes.length;
    nodes.push(n);
    orphans.add(n);
  }
  const id = new Map(nodes.map((n) => [n.name, n.id]));

  // Lanes: closures and edits by name; an added lane towards a node of the parent kind sets the parent.
  const closed = new Set<string>();
  const closedKeys = new Map<string, string>();
  const laneEdits: NodeEditResult['laneEdits'] = [];
  for (const [key, edit] of Object.entries(o.lanes)) {
    const path = `lanes[${JSON.stringify(key)}]`;
    const k = parseLaneKey(key);
    if (k === undefined) {
      bad(path, `must be a lane key, from>to or from>to/mode (node names; modes ${LANE_MODES.join(', ')}), given ${JSON.stringify(key)}`);
      continue;
    }
    const from = id.get(k.from);
    const to = id.get(k.to);
    for (const [end, name] of [[from, k.from], [to, k.to]] as const) {
      if (end === undefined) bad(path, `no node named ${JSON.stringify(name)}${removed.size > 0 && byName.has(name) ? ' (this scenario removes it)' : nameHint(name, id.keys())}; \`sim network <scenario> --nodes\` lists the names`);
    }
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      bad(path, 'a lane joins two different nodes');
      continue;
    }
    if (edit === null) {
      const entry = k.mode ? `${from}>${to}/${k.mode}` : `${from}>${to}`;
      closed.add(entry);
      let link = false;
      for (const [child, parent] of [[from, to], [to, from]] as const) {
        if (nodes[child]!.parent !== parent) continue;
        // A link loses its lanes when all of this direction's modes close.
        const modes = linkModes(nodes[from]!, nodes[to]!);
        if (k.mode !== undefined && (!modes.includes(k.mode) || modes.some((m) => m !== k.mode))) continue;
        orphans.add(nodes[child]!);
        link = true;
      }
      // A closed parent link is gone once its child hangs elsewhere; any other closure must find its lane.
      if (!link) closedKeys.set(entry, key);
      continue;
    }
    if (typeof edit !== 'object' || Array.isArray(edit)) {
      bad(path, `must be an object (mode, departures, capacityPerDeparture, costPerParcelKm, travelTimeCv, km, minutes) to add or change the lane, or null to close it, given ${JSON.stringify(edit)}`);
      continue;
    }
    const before = issues.length;
    checkLaneEdit(edit, path, bad);
    if (k.mode && edit.mode !== undefined && edit.mode !== k.mode) bad(`${path}.mode`, `the key names mode ${k.mode}; leave mode out or write the key without /${k.mode}`);
    if (issues.length > before) continue;
    laneEdits.push({ key: k, edit, from, to });
    const a = nodes[from]!;
    if (PARENT_TYPES[a.type].includes(nodes[to]!.type) && !explicitParent.has(a)) {
      explicitParent.set(a, { name: nodes[to]!.name, path });
    }
  }
  const isClosed = (a: number, b: number): boolean => closed.has(`${a}>${b}`) || closed.has(`${b}>${a}`);

  for (const [n, { name, path }] of explicitParent) {
    const kinds = PARENT_TYPES[n.type];
    const p = id.get(name);
    if (kinds.length === 0) bad(path, `sets the parent of ${n.name}, ${a(n.type)}: a root of its operator's tree has none (roots are joined to each other by lanes)`);
    else if (p === undefined) bad(path, `no node named ${JSON.stringify(name)} to hang ${n.name} from${nameHint(name, id.keys())}`);
    else if (!kinds.includes(nodes[p]!.type)) bad(path, `${n.name} is ${a(n.type)}, which hangs from ${a(kinds.join(' or '))}; ${name} is ${a(nodes[p]!.type)}`);
    else if (isClosed(n.id, p)) bad(path, `hangs ${n.name} from ${name}, but this scenario closes the lane between them`);
    else {
      n.parent = p;
      orphans.delete(n);
    }
  }
  const finder = new ParentFinder(nodes);
  for (const n of [...orphans].sort((a, b) => a.id - b.id)) {
    if (PARENT_TYPES[n.type].length === 0) {
      n.parent = -1;
      continue;
    }
    n.parent = finder.parentOf(n, (child, parent) => !isClosed(child, parent));
    if (n.parent < 0) bad(`nodes[${JSON.stringify(n.name)}]`, `${n.name} (${n.type}) has no ${PARENT_TYPES[n.type].join(' or ')} left to hang from (its route up its operator's tree); keep or add one`);
  }
  const newRoots = nodes.filter((n) => PARENT_TYPES[n.type].length === 0 && (added.includes(n) || retyped.has(n))).map((n) => n.id);
  return {
    nodes, newId, closed, closedKeys, laneEdits, newRoots, issues,
    added: added.map((n) => n.id),
    changed: [...changed].filter((n) => !added.includes(n)).map((n) => n.id).sort((a, b) => a - b),
    removed: removedNodes,
  };
}

function checkLaneEdit(edit: LaneEdit, path: string, bad: (p: string, m: string) => void): void {
  const known = ['mode', 'departures', 'capacityPerDeparture', 'costPerParcelKm', 'travelTimeCv', 'km', 'minutes'];
  for (const k of Object.keys(edit)) if (!known.includes(k)) bad(`${path}.${k}`, `unknown field; valid fields: ${known.join(', ')}`);
  if (edit.mode !== undefined && !(LANE_MODES as readonly string[]).includes(edit.mode)) bad(`${path}.mode`, `must be one of ${LANE_MODES.join(', ')}, given ${JSON.stringify(edit.mode)}`);
  if (edit.departures !== undefined && (!Array.isArray(edit.departures) || edit.departures.length === 0 || edit.departures.some((t) => typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t >= 1440))) {
    bad(`${path}.departures`, `must be a non-empty list of minutes after midnight in [0, 1440), given ${JSON.stringify(edit.departures)}`);
  }
  const num = (k: 'capacityPerDeparture' | 'costPerParcelKm' | 'travelTimeCv' | 'km' | 'minutes', min: number, max: number, open = false): void => {
    const v = edit[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || (open ? v <= min : v < min) || v > max)) bad(`${path}.${k}`, `must be a number ${open ? '>' : '≥'} ${min} and ≤ ${max}, given ${JSON.stringify(v)}`);
  };
  num('capacityPerDeparture', 0, 1e9, true);
  num('costPerParcelKm', 0, 1_000);
  num('travelTimeCv', 0, 5);
  num('km', 0, 20_000, true);
  num('minutes', 0, 100_000, true);
}

/**
 * The lanes of an edited network: those of closed pairs dropped; every parent link given lanes
 * both ways where it has none (the options' values for their length and mode); each root an edit
 * added linked both ways to every other root of its kind; then the lane edits applied (a lane
 * changed, or added when the pair has none of that mode). Ids are renumbered in order.
 */
export function editLanes(
  nodes: readonly NetworkNode[], lanes: Lane[], o: ResolvedNetworkOptions, result: Pick<NodeEditResult, 'closed' | 'closedKeys' | 'laneEdits' | 'newRoots'>,
): { lanes: Lane[]; added: Set<Lane>; changed: Set<Lane>; closed: NetworkEdits['closedLanes']; issues: OptionIssue[] } {
  const { closed } = result;
  const isClosed = (l: { from: number; to: number; mode: LaneMode }): boolean => closed.has(`${l.from}>${l.to}`) || closed.has(`${l.from}>${l.to}/${l.mode}`);
  const issues: OptionIssue[] = [];
  for (const [entry, key] of result.closedKeys) {
    const m = /^(\d+)>(\d+)(?:\/(.*))?$/.exec(entry)!;
    const [a, b, mode] = [Number(m[1]), Number(m[2]), m[3]];
    if (!lanes.some((l) => l.from === a && l.to === b && (mode === undefined || l.mode === mode))) {
      const there = lanes.filter((l) => l.from === a && l.to === b).map((l) => l.mode);
      issues.push({ path: `lanes[${JSON.stringify(key)}]`, message: `closes a lane that does not exist: no lane from ${nodes[a]!.name} to ${nodes[b]!.name}${mode ? ` by ${mode}` : ''}${there.length > 0 ? ` (it has ${there.join(', ')})` : ' (lanes join a node to its parent, and roots of one kind to each other)'}` });
    }
  }
  const out = closed.size > 0 ? lanes.filter((l) => !isClosed(l)) : lanes;
  const closedLanes: NetworkEdits['closedLanes'] = closed.size === 0 ? [] : lanes.filter(isClosed).map((l) => ({
    from: [nodes[l.from]!.lon, nodes[l.from]!.lat], to: [nodes[l.to]!.lon, nodes[l.to]!.lat], mode: l.mode,
  }));
  const addedLanes = new Set<Lane>();
  const changedLanes = new Set<Lane>();
  // Pairs as from × n + to: a national network has 125,000 lanes, and as many string keys cost more than the rest.
  const n = nodes.length;
  const pairs = new Set<number>();
  for (const l of out) pairs.add(l.from * n + l.to);
  const link = (a: NetworkNode, b: NetworkNode): void => {
    if (pairs.has(a.id * n + b.id) || (closed.size > 0 && closed.has(`${a.id}>${b.id}`))) return;
    const lane = defaultLane(a, b, o);
    if (closed.size > 0 && isClosed(lane)) return;
    out.push(lane);
    addedLanes.add(lane);
    pairs.add(a.id * n + b.id);
  };
  for (const n of nodes) {
    if (n.parent < 0) continue;
    link(n, nodes[n.parent]!);
    link(nodes[n.parent]!, n);
  }
  for (const r of result.newRoots) {
    const a = nodes[r]!;
    for (const b of nodes) {
      if (b === a || b.type !== a.type) continue;
      link(a, b);
      link(b, a);
    }
  }
  for (const { key, edit, from, to } of result.laneEdits) {
    const a = nodes[from]!;
    const b = nodes[to]!;
    const mode = key.mode ?? edit.mode;
    let targets = out.filter((l) => l.from === from && l.to === to && (key.mode === undefined || l.mode === key.mode));
    if (targets.length === 0) {
      const lane = defaultLane(a, b, o, mode);
      out.push(lane);
      addedLanes.add(lane);
      targets = [lane];
    }
    for (const l of targets) {
      if (!addedLanes.has(l)) changedLanes.add(l);
      if (edit.mode !== undefined && edit.mode !== l.mode) {
        const fresh = defaultLane(a, b, o, edit.mode);
        Object.assign(l, { mode: fresh.mode, km: fresh.km, minutes: fresh.minutes, departures: fresh.departures, capacity: fresh.capacity, costPerParcelKm: fresh.costPerParcelKm, cv: fresh.cv });
      }
      if (edit.departures !== undefined) l.departures = [...edit.departures].sort((x, y) => x - y);
      if (edit.capacityPerDeparture !== undefined) l.capacity = edit.capacityPerDeparture * o.scale;
      if (edit.costPerParcelKm !== undefined) l.costPerParcelKm = edit.costPerParcelKm;
      if (edit.travelTimeCv !== undefined) l.cv = edit.travelTimeCv;
      if (edit.km !== undefined) {
        l.km = edit.km;
        if (edit.minutes === undefined) l.minutes = Math.round((edit.km / o.speedKmh[l.mode]) * 600) / 10;
      }
      if (edit.minutes !== undefined) l.minutes = edit.minutes;
    }
  }
  out.forEach((l, k) => (l.id = k));
  return { lanes: out, added: addedLanes, changed: changedLanes, closed: closedLanes, issues };
}

/** A word with its indefinite article: 'an intra-circle-hub', 'a sort-centre'. */
export function a(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** A hint for a mistyped name: the same name ignoring case, spaces and dashes. */
export function nameHint(name: string, names: Iterable<string>): string {
  const squash = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, '');
  const want = squash(name);
  for (const n of names) if (squash(n) === want) return ` (did you mean "${n}"?)`;
  return '';
}
