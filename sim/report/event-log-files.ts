import type { ReplicationOutput } from '../run/index.ts';

/**
 * The most events `events.ocel.json` is written for. OCEL's JSON repeats every event's relations
 * and a parcel's attributes (~400 bytes an event against ~100 in events.csv): beyond this the
 * folder keeps the CSV alone and the manifest says why.
 */
export const MAX_OCEL_EVENTS = 200_000;

/** What manifest.json says of the event log (`eventLog`). */
export interface EventLogRecord {
  /** Events written, over all replications. */
  events: number;
  /** Events past `model.eventLog.maxEvents`, counted by the model and not kept. */
  dropped: number;
  /** Bytes of each file written. */
  files: Record<string, number>;
  /** Why events.ocel.json is absent, when it is. */
  note?: string;
}

/** A logged event as it crosses the worker boundary (sim/model's ParcelEvent, typed loosely here). */
type LoggedEvent = { type: string; t: number; parcel: number } & Record<string, unknown>;
type Places = { nodes: Record<number, [string, string, string, string]>; lanes: Record<number, { mode: string; from?: number; to?: number }> };

/** One row of events.csv, before formatting; also the source of an OCEL event. */
interface Row {
  replication: number;
  parcel: number;
  minute: number;
  time: string;
  event: string;
  node?: number;
  to?: number;
  mode?: string;
  attempt?: number;
  success?: boolean;
  refused?: boolean;
  collected?: boolean;
  leadTimeHours?: number;
  district?: string;
  cod?: boolean;
  rural?: boolean;
  lastMileOperator?: string;
}

const CSV_COLUMNS = ['replication', 'parcel', 'minute', 'time', 'event', 'node', 'node_type', 'operator', 'to_node', 'mode', 'attempt', 'success', 'refused', 'collected', 'lead_time_h', 'district', 'cod', 'rural', 'last_mile_operator'] as const;

/**
 * The sampled parcels' event log of a run (`model.eventLog.enabled`), as files of its result
 * folder: `events.csv`, one row per event in replication then time order (parcel ids are per
 * replication; `minute` is simulated minutes since the start, `time` the same as an ISO time in
 * IST; node, its type and operator where the event happened, `to_node` where it goes next), and
 * `events.ocel.json`, the same events as an OCEL 2.0 object-centric event log (objects: parcels
 * and facilities; https://www.ocel-standard.org/) for process-mining tools, when it fits
 * (`MAX_OCEL_EVENTS`). Undefined when no replication logged events. Pure and deterministic.
 */
export function eventLogFiles(
  outputs: readonly ReplicationOutput[],
  startDate: string,
  district: (index: number) => { name: string } | undefined = () => undefined,
): { files: Record<string, string>; record: EventLogRecord } | undefined {
  const logs = outputs.map((o) => o.tables as { eventLog?: LoggedEvent[]; eventLogDropped?: number; eventLogPlaces?: Places });
  if (!logs.some((l) => Array.isArray(l.eventLog))) return undefined;
  const rows: Row[] = [];
  const places: Places[] = [];
  let dropped = 0;
  logs.forEach((l, r) => {
    const replication = outputs[r]!.key.replication;
    places[replication] = l.eventLogPlaces ?? { nodes: {}, lanes: {} };
    dropped += l.eventLogDropped ?? 0;
    for (const e of l.eventLog ?? []) rows.push(rowOf(e, replication, startDate, places[replication]!, district));
  });
  const nodeOf = (row: Row, i: number | undefined) => (i === undefined ? undefined : places[row.replication]!.nodes[i]);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const at = nodeOf(row, row.node);
    const to = nodeOf(row, row.to);
    lines.push(
      [
        row.replication, row.parcel, String(Math.round(row.minute * 1e4) / 1e4), row.time, row.event, csv(at?.[0]), at?.[1], at?.[2], csv(to?.[0]), row.mode, row.attempt, row.success,
        row.refused, row.collected, row.leadTimeHours === undefined ? undefined : Math.round(row.leadTimeHours * 1e4) / 1e4, csv(row.district), row.cod, row.rural, row.lastMileOperator,
      ].map((v) => (v === undefined ? '' : String(v))).join(','),
    );
  }
  const files: Record<string, string> = { 'events.csv': `${lines.join('\n')}\n` };
  let note: string | undefined;
  if (rows.length <= MAX_OCEL_EVENTS) files['events.ocel.json'] = ocelJson(rows, places);
  else note = `events.ocel.json not written: ${rows.length.toLocaleString('en-US')} events, more than the ${MAX_OCEL_EVENTS.toLocaleString('en-US')} it is written for (events.csv holds them all; lower model.eventLog.sampleShare for both)`;
  const sizes = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text).length]));
  return { files, record: { events: rows.length, dropped, files: sizes, ...(note !== undefined && { note }) } };
}

function rowOf(e: LoggedEvent, replication: number, startDate: string, places: Places, district: (index: number) => { name: string } | undefined): Row {
  const row: Row = { replication, parcel: e.parcel, minute: e.t, time: istTime(startDate, e.t), event: e.type };
  const n = (key: string): number => e[key] as number;
  switch (e.type) {
    case 'created':
      Object.assign(row, { node: n('origin'), to: n('lastMile'), district: district(n('district'))?.name ?? String(n('district')), cod: e.cod, rural: e.rural, lastMileOperator: e.operator });
      break;
    case 'departed':
      Object.assign(row, { node: n('from'), to: n('to'), mode: places.lanes[n('lane')]?.mode });
      break;
    case 'handoff':
      Object.assign(row, { node: n('from'), to: n('to') });
      break;
    case 'attempt':
      Object.assign(row, { node: n('node'), attempt: e.attempt, success: e.success, refused: e.refused });
      break;
    case 'outForDelivery':
      Object.assign(row, { node: n('node'), attempt: e.attempt });
      break;
    case 'delivered':
      Object.assign(row, { node: n('node'), collected: e.collected, leadTimeHours: e.leadTimeHours });
      break;
    case 'lost': {
      const lane = places.lanes[n('lane')];
      Object.assign(row, { node: lane?.from, to: lane?.to, mode: lane?.mode });
      break;
    }
    case 'returned':
      break;
    default:
      row.node = n('node');
  }
  return row;
}

/** Event attributes by type, for OCEL's eventTypes (OCEL 2.0 types: string, time, integer, float, boolean). */
const EVENT_ATTRIBUTES: Record<string, [keyof Row, string][]> = {
  created: [],
  packed: [],
  departed: [['mode', 'string']],
  arrived: [],
  handoff: [],
  attempt: [['attempt', 'integer'], ['success', 'boolean'], ['refused', 'boolean']],
  outForDelivery: [['attempt', 'integer']],
  delivered: [['collected', 'boolean'], ['leadTimeHours', 'float']],
  rto: [],
  returned: [],
  lost: [['mode', 'string']],
};

/** OCEL 2.0 JSON: object types parcel and facility; each event relates to its parcel and the facilities where it is (`at`) and goes (`to`). */
function ocelJson(rows: readonly Row[], places: readonly Places[]): string {
  const STATIC = '1970-01-01T00:00:00Z'; // attributes that never change: valid from the epoch
  const parcels = new Map<string, object>();
  const facilities = new Map<string, object>();
  const facility = (replication: number, index: number | undefined): string | undefined => {
    const n = index === undefined ? undefined : places[replication]?.nodes[index];
    if (n === undefined) return undefined;
    const id = `facility-${index}`;
    if (!facilities.has(id)) {
      facilities.set(id, {
        id, type: 'facility',
        attributes: [['name', n[0]], ['type', n[1]], ['operator', n[2]], ['state', n[3]]].map(([name, value]) => ({ name, value, time: STATIC })),
        relationships: [],
      });
    }
    return id;
  };
  const events = rows.map((row, k) => {
    const parcel = `r${row.replication}-parcel-${row.parcel}`;
    if (row.event === 'created') {
      const attributes: [string, unknown][] = [['replication', row.replication], ['district', row.district], ['cod', row.cod], ['rural', row.rural], ['lastMileOperator', row.lastMileOperator]];
      parcels.set(parcel, { id: parcel, type: 'parcel', attributes: attributes.map(([name, value]) => ({ name, value, time: row.time })), relationships: [] });
    } else if (!parcels.has(parcel)) {
      parcels.set(parcel, { id: parcel, type: 'parcel', attributes: [{ name: 'replication', value: row.replication, time: STATIC }], relationships: [] });
    }
    const relationships = [{ objectId: parcel, qualifier: 'parcel' }];
    const at = facility(row.replication, row.node);
    const to = facility(row.replication, row.to);
    if (at !== undefined) relationships.push({ objectId: at, qualifier: 'at' });
    if (to !== undefined) relationships.push({ objectId: to, qualifier: 'to' });
    const attributes = [
      { name: 'minute', value: row.minute },
      ...(EVENT_ATTRIBUTES[row.event] ?? []).filter(([key]) => row[key] !== undefined).map(([key]) => ({ name: key, value: row[key] })),
    ];
    return { id: `r${row.replication}-event-${k}`, type: row.event, time: row.time, attributes, relationships };
  });
  const document = {
    objectTypes: [
      { name: 'parcel', attributes: [['replication', 'integer'], ['district', 'string'], ['cod', 'boolean'], ['rural', 'boolean'], ['lastMileOperator', 'string']].map(([name, type]) => ({ name, type })) },
      { name: 'facility', attributes: ['name', 'type', 'operator', 'state'].map((name) => ({ name, type: 'string' })) },
    ],
    eventTypes: Object.entries(EVENT_ATTRIBUTES).map(([name, attributes]) => ({ name, attributes: [{ name: 'minute', type: 'float' }, ...attributes.map(([a, type]) => ({ name: a, type }))] })),
    objects: [...parcels.values(), ...facilities.values()],
    events,
  };
  return `${JSON.stringify(document)}\n`;
}

/** `minute` minutes after `startDate` 00:00 IST, as ISO 8601 with the +05:30 offset, to the second. */
export function istTime(startDate: string, minute: number): string {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  // The UTC fields of (midnight UTC + the minutes) read as the IST wall clock; no local time zone is used.
  const t = new Date(Date.UTC(y, m - 1, d) + Math.round(minute * 60) * 1000);
  const p = (x: number, w = 2): string => String(x).padStart(w, '0');
  return `${p(t.getUTCFullYear(), 4)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}T${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}+05:30`;
}

function csv(text: string | undefined): string | undefined {
  return text !== undefined && /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
