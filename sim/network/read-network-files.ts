import type { IndiaShapes } from '../data/index.ts';
import { type CsvRow, fieldColumn, parseCsv } from './csv.ts';
import { greatCircleKm, round3 } from './geo.ts';
import { inIndiaBox, insideIndia } from './inside-india.ts';
import { makeNode } from './make-node.ts';
import { type Lane, type NetworkNode, NODE_OPERATORS, NODE_TYPES, type NodeType, type Operator } from './network.ts';
import { LANE_COLUMNS, NODE_COLUMNS } from './network-files.ts';
import { LANE_MODES, type LaneMode, type ResolvedNetworkOptions } from './network-options.ts';
import { nodeDefaults } from './node-defaults.ts';
import { PARENT_TYPES } from './parent-finder.ts';
import type { PlaceContext } from './place-context.ts';
import { defaultMode } from './build-lanes.ts';
import { a, nameHint } from './edit-network.ts';
import type { OptionIssue } from './validate-network-options.ts';

/** A network read from files, before its edits; `parent` -1 where the file left it blank (the network's rules fill it). */
export interface ReadNetwork {
  nodes: NetworkNode[];
  lanes: Lane[];
  /** Nodes whose parent the file left blank. */
  unparented: number[];
  issues: OptionIssue[];
}

const REQUIRED_NODE_COLUMNS = ['name', 'type'];
const REQUIRED_LANE_COLUMNS = ['from', 'to'];

/**
 * Reads nodes.csv and lanes.csv (the format `networkFiles` writes) into nodes and lanes, checking
 * every row and listing every problem with its file, line, column, the value and what is valid:
 * unknown columns, types, operators and modes, numbers out of range, duplicate names, unknown
 * districts, coordinates outside India (with `shapes`: outside every district polygon; without,
 * outside India's extent), parents of the wrong kind, lanes naming unknown nodes, duplicate lanes.
 * Blank cells take the defaults of the node's type (`nodeDefaults`) or of the lane's mode (the
 * network options); a node without coordinates sits at its district's point. Capacities in the
 * files are at full scale and are multiplied by `o.scale`. `stationRadiusKm` is the radius of a
 * station whose file leaves it blank.
 */
export function readNetworkFiles(ctx: PlaceContext, files: { nodes: string; lanes: string }, o: ResolvedNetworkOptions, stationRadiusKm: number, shapes?: IndiaShapes): ReadNetwork {
  const issues: OptionIssue[] = [];
  const { data } = ctx;
  const codeIndex = new Map<number, number>();
  data.districts.forEach((d, i) => d.code !== null && codeIndex.set(d.code, i));

  // ——— nodes.csv ———
  const nodeTable = parseCsv(files.nodes);
  const nodeCells = new Cells('nodes', files.nodes, nodeTable.header, NODE_COLUMNS, REQUIRED_NODE_COLUMNS, issues);
  const defaults = new Map<NodeType, ReturnType<typeof nodeDefaults>>();
  const nodes: NetworkNode[] = [];
  const rowOfName = new Map<string, number>();
  const parentNames: { row: CsvRow; name: string }[] = [];
  for (const row of nodeTable.rows) {
    const c = nodeCells.at(row);
    const before = issues.length;
    const name = c.text('name');
    if (name === '') c.bad('name', name, 'a node name (unique: edits and lanes refer to nodes by name)');
    else if (name.includes('>')) c.bad('name', name, "a name without '>' (lane keys are from>to)");
    else if (rowOfName.has(name)) c.bad('name', name, `a name no other row has: row at line ${rowOfName.get(name)} has it too`);
    const type = c.oneOf('type', NODE_TYPES) as NodeType | undefined;
    const operatorText = c.text('operator');
    const operator = operatorText === '' ? undefined : (c.oneOf('operator', NODE_OPERATORS) as Operator | undefined);
    const district = c.district(codeIndex, ctx);
    const lat = c.number('lat', -90, 90);
    const lon = c.number('lon', -180, 180);
    let point: [number, number] | undefined;
    if (lat !== undefined && lon !== undefined) {
      const inside = shapes ? insideIndia(shapes, lon, lat, ctx.nearestPin(lon, lat)) : inIndiaBox(lon, lat);
      if (!inside) c.bad('lat', `${lat}, ${lon}`, `a point in India (lat ${c.text('lat')}, lon ${c.text('lon')} lies outside ${shapes ? 'every district of India' : "India's extent, lat 6.5–37.2 and lon 68–97.5"})`);
      else point = [lon, lat];
    } else if (c.text('lat') === '' && c.text('lon') === '') {
      if (district === undefined && c.text('districtCode') === '' && c.text('district') === '') c.bad('lat', '', 'coordinates (lat and lon) or a district (districtCode, or district and state)');
      else if (district !== undefined) point = data.districts[district]!.point;
    } else if (c.text('lat') === '' || c.text('lon') === '') {
      c.bad(c.text('lat') === '' ? 'lat' : 'lon', '', 'both lat and lon, or neither (the node then sits at its district\'s point)');
    }
    const at = district ?? (point ? ctx.districtAt(point[0], point[1]) : undefined);
    const state = at !== undefined ? ctx.stateOf[at]! : '';
    if (at !== undefined && c.text('state') !== '' && c.text('state') !== state) c.bad('state', c.text('state'), `"${state}", the state of district ${data.districts[at]!.name} (${data.districts[at]!.code}); leave it blank to take the district's`);
    const pinText = c.text('pin');
    const pin = pinText === '' ? 0 : c.integer('pin', 110_000, 999_999);
    const facilities = c.number('facilities', 1, 1e7) ?? 1;
    const capacity = c.number('capacityPerDay', 0, 1e9);
    const staff = c.number('staff', 0, 1e7);
    const delivers = c.boolean('delivers');
    const radiusKm = c.number('radiusKm', 0, 500);
    const payoutInr = c.number('payoutInr', 0, 100_000);
    if (issues.length > before || type === undefined || point === undefined || at === undefined) {
      if (name !== '' && !rowOfName.has(name)) rowOfName.set(name, row.line);
      continue;
    }
    let d = defaults.get(type);
    if (d === undefined) defaults.set(type, (d = nodeDefaults(type, o, stationRadiusKm)));
    rowOfName.set(name, row.line);
    const parentName = c.text('parent');
    parentNames.push({ row, name: parentName });
    nodes.push(makeNode({
      type, operator: operator ?? d.operator, name, lon: point[0], lat: point[1], district: at, state, circle: ctx.circleOf[at]!,
      facilities, capacityPerDay: (capacity ?? (staff !== undefined && d.perStaff > 0 ? staff * d.perStaff : d.capacityPerDay)) * o.scale,
      staff: staff ?? d.staff, delivers: delivers ?? d.delivers, radiusKm: radiusKm ?? d.radiusKm, payoutInr: payoutInr ?? d.payoutInr, pin: pin ?? 0,
    }));
    nodes[nodes.length - 1]!.id = nodes.length - 1;
  }
  const idOf = new Map(nodes.map((n) => [n.name, n.id]));
  const unparented: number[] = [];
  nodes.forEach((n, i) => {
    const { row, name } = parentNames[i]!;
    const c = nodeCells.at(row);
    const kinds = PARENT_TYPES[n.type];
    if (name === '') {
      if (kinds.length > 0) unparented.push(n.id);
      return;
    }
    const p = idOf.get(name);
    if (kinds.length === 0) c.bad('parent', name, `blank: ${a(n.type)} is a root of its operator's tree (roots are linked to each other by lanes)`);
    else if (p === undefined) c.bad('parent', name, `the name of a node in this file${nameHint(name, idOf.keys())}`);
    else if (!kinds.includes(nodes[p]!.type)) c.bad('parent', name, `${a(kinds.join(' or '))}: ${a(n.type)} hangs from one, and ${name} is ${a(nodes[p]!.type)}`);
    else n.parent = p;
  });

  // ——— lanes.csv ———
  const laneTable = parseCsv(files.lanes);
  const laneCells = new Cells('lanes', files.lanes, laneTable.header, LANE_COLUMNS, REQUIRED_LANE_COLUMNS, issues);
  const lanes: Lane[] = [];
  const timetables = new Map<string, number[]>();
  const modeTimetables = new Map<LaneMode, number[]>();
  const seen = new Map<number, number>();
  for (const row of laneTable.rows) {
    const c = laneCells.at(row);
    const before = issues.length;
    const a = endpoint(c, 'from', idOf, rowOfName, nodes);
    const b = endpoint(c, 'to', idOf, rowOfName, nodes);
    if (a && b && a === b) c.bad('to', b.name, 'a node other than the lane\'s from');
    const modeText = c.text('mode');
    const mode = modeText === '' ? undefined : (c.oneOf('mode', LANE_MODES) as LaneMode | undefined);
    const departures = c.times('departures', timetables);
    const capacity = c.number('capacityPerDeparture', 0, 1e9, true);
    const cost = c.number('costPerParcelKm', 0, 1_000);
    const cv = c.number('travelTimeCv', 0, 5);
    const km = c.number('km', 0, 20_000);
    const minutes = c.number('minutes', 0, 100_000);
    if (issues.length > before || !a || !b) continue;
    // The great circle only where the file leaves the mode or the length blank (an export has both).
    const gc = mode === undefined || km === undefined ? greatCircleKm(a.lon, a.lat, b.lon, b.lat) : 0;
    const m = mode ?? defaultMode(a, b, gc, o);
    const key = (a.id * nodes.length + b.id) * LANE_MODES.length + LANE_MODES.indexOf(m);
    if (seen.has(key)) {
      c.bad('to', b.name, `a lane not listed before: line ${seen.get(key)} has ${a.name}>${b.name} by ${m} already (one lane per pair and mode)`);
      continue;
    }
    seen.set(key, row.line);
    const length = km ?? round3(gc * o.circuity[m]);
    let shared = departures ?? modeTimetables.get(m);
    if (shared === undefined) modeTimetables.set(m, (shared = [...o.departures[m]].sort((x, y) => x - y)));
    lanes.push({
      id: lanes.length, from: a.id, to: b.id, mode: m, km: length, minutes: minutes ?? Math.round((length / o.speedKmh[m]) * 600) / 10,
      departures: shared, capacity: (capacity ?? o.capacityPerDeparture[m]) * o.scale, costPerParcelKm: cost ?? o.costPerParcelKm[m], cv: cv ?? o.travelTimeCv[m],
    });
  }
  return { nodes, lanes, unparented, issues };
}

/** A lane's end, by the node's name in its column; reported when no node has it. */
function endpoint(c: Cells, col: 'from' | 'to', idOf: Map<string, number>, rowOfName: Map<string, number>, nodes: NetworkNode[]): NetworkNode | undefined {
  const name = c.text(col);
  const id = idOf.get(name);
  if (id !== undefined) return nodes[id];
  c.bad(col, name, name === '' ? 'a node name' : `the name of a node in nodes.csv${rowOfName.has(name) ? ' (its row has a problem, listed above)' : nameHint(name, idOf.keys())}`);
  return undefined;
}

/**
 * Reads one row's cells by column name, reporting each bad value with its file, line and column.
 * One reader per file, pointed at each row in turn (`at`): a national file has ~180,000 rows, and a
 * set of closures per row was most of the time it took to read.
 */
class Cells {
  private row: CsvRow = { fields: [], line: 0, offset: 0 };
  private readonly index: Map<string, number>;

  constructor(
    private readonly file: 'nodes' | 'lanes',
    private readonly source: string,
    header: string[],
    known: readonly string[],
    required: readonly string[],
    private readonly issues: OptionIssue[],
  ) {
    this.index = new Map(header.map((h, i) => [h, i]));
    header.forEach((h, i) => {
      if (!known.includes(h)) issues.push({ path: `import.${file}`, message: `line 1, column ${i + 1}: unknown column "${h}"; valid columns: ${known.join(', ')}`, at: { file, line: 1, col: i + 1 } });
    });
    for (const r of required) {
      if (!this.index.has(r)) issues.push({ path: `import.${file}`, message: `line 1: the header has no "${r}" column; ${file}.csv needs ${required.join(' and ')} (valid columns: ${known.join(', ')})`, at: { file, line: 1, col: 1 } });
    }
  }

  at(row: CsvRow): this {
    this.row = row;
    return this;
  }

  text(col: string): string {
    const i = this.index.get(col);
    if (i === undefined) return '';
    const t = this.row.fields[i];
    return t === undefined ? '' : t.length > 0 && (t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32) ? t.trim() : t;
  }

  bad(col: string, value: string, valid: string): void {
    const i = this.index.get(col);
    const row = this.row;
    this.issues.push({
      path: `import.${this.file}`,
      message: `row at line ${row.line}, column "${col}": must be ${valid}, given ${JSON.stringify(value)}`,
      at: { file: this.file, line: row.line, col: i === undefined ? 1 : fieldColumn(this.source, row, Math.min(i, row.fields.length - 1)) },
    });
  }

  number(col: string, min: number, max: number, exclusiveMin = false): number | undefined {
    const t = this.text(col);
    if (t === '') return undefined;
    const x = Number(t);
    if (!Number.isFinite(x) || (exclusiveMin ? x <= min : x < min) || x > max) {
      this.bad(col, t, `a number ${exclusiveMin ? '>' : '≥'} ${min} and ≤ ${max}`);
      return undefined;
    }
    return x;
  }

  integer(col: string, min: number, max: number): number | undefined {
    const x = this.number(col, min, max);
    if (x !== undefined && !Number.isInteger(x)) {
      this.bad(col, this.text(col), `a whole number from ${min} to ${max}`);
      return undefined;
    }
    return x;
  }

  boolean(col: string): boolean | undefined {
    const t = this.text(col);
    if (t === '') return undefined;
    if (t === 'true' || t === 'TRUE' || t === 'True' || t === 'yes' || t === '1') return true;
    if (t === 'false' || t === 'FALSE' || t === 'False' || t === 'no' || t === '0') return false;
    this.bad(col, t, 'true or false');
    return undefined;
  }

  oneOf(col: string, valid: readonly string[]): string | undefined {
    const t = this.text(col);
    if (valid.includes(t)) return t;
    this.bad(col, t, `one of ${valid.join(', ')}`);
    return undefined;
  }

  /** Departure times, HH:MM or minutes, separated by spaces, ascending; the same text gives the same (shared) array. */
  times(col: string, known: Map<string, number[]>): number[] | undefined {
    const t = this.text(col);
    if (t === '') return undefined;
    const hit = known.get(t);
    if (hit !== undefined) return hit;
    const out: number[] = [];
    for (const token of t.split(/[\s;]+/)) {
      if (token === '') continue;
      const hm = /^(\d{1,2}):(\d{2})$/.exec(token);
      const x = hm ? Number(hm[1]) * 60 + Number(hm[2]) : Number(token);
      if (!Number.isFinite(x) || x < 0 || x >= 1440 || (hm !== null && Number(hm[2]) >= 60)) {
        this.bad(col, t, 'departure times of the day, HH:MM (or minutes after midnight) separated by spaces, e.g. "06:00 20:00"');
        return undefined;
      }
      out.push(x);
    }
    if (out.length === 0) return undefined;
    out.sort((a, b) => a - b);
    known.set(t, out);
    return out;
  }

  /** The node's district (dataset index): by districtCode, else by district name (and state), else undefined. */
  district(codeIndex: Map<number, number>, ctx: PlaceContext): number | undefined {
    const data = ctx.data;
    const codeText = this.text('districtCode');
    const name = this.text('district');
    if (codeText !== '') {
      const code = Number(codeText);
      const i = Number.isInteger(code) ? codeIndex.get(code) : undefined;
      if (i === undefined) {
        this.bad('districtCode', codeText, 'a Census 2011 district code, 1 to 640');
        return undefined;
      }
      if (name !== '' && name !== data.districts[i]!.name) this.bad('district', name, `"${data.districts[i]!.name}", the name of district ${code} (or leave it blank)`);
      return i;
    }
    if (name === '') return undefined;
    const state = this.text('state');
    const matches = data.districts.map((d, i) => ({ d, i })).filter(({ d }) => d.code !== null && d.name === name);
    const inState = state === '' ? matches : matches.filter(({ i }) => ctx.stateOf[i] === state);
    if (inState.length === 1) return inState[0]!.i;
    if (matches.length === 0) this.bad('district', name, 'a Census 2011 district name (or give districtCode)');
    else this.bad('district', name, `one district: ${matches.length} are called ${name} (${matches.map(({ d }) => `${d.code} in ${d.state}`).join(', ')}); give districtCode or state`);
    return undefined;
  }
}
