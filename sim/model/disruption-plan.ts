import { type SimCalendar } from '../engine/index.ts';
import { keyedUniform, keyedStreamKey } from '../engine/random/index.ts';
import type { Network } from '../network/index.ts';
import { DISRUPTION_DEFAULTS, type ModelConfig } from './model-config.ts';

export type Window = [from: number, to: number];

export interface Slowdown {
  states: Set<string>;
  from: number;
  to: number;
  factor: number;
}

/** The disruptions and calendar of a run, turned into what the lifecycle looks up. */
export interface DisruptionPlan {
  /** Demand multiplier per order day (festive). */
  demandMultiplier: Float64Array;
  /** Capacity multiplier per simulated day (festive), over the whole horizon. */
  capacityFactor: Float64Array;
  /** India Post's closed days (Sundays and holidays) as minute windows over the horizon. */
  indiaPostClosed: Window[];
  /** Windows in which a node neither sorts, dispatches nor delivers (hub closures, monsoon). */
  nodeClosures: Map<number, Window[]>;
  /**
   * Monsoon windows: linehaul on lanes into, out of or within the states is slower by `factor`,
   * and open last-mile nodes there deliver 1 / `factor` of their daily capacity.
   */
  slowdowns: Slowdown[];
  /** Per node, a capacity multiplier from `nodeOverrides` (1 when none). */
  nodeCapacity: Float64Array;
}

/**
 * Nodes a monsoon can shut (DOMAIN.md, peaks and disruption: Kerala 2018, 274 of 5,065 post
 * offices affected; deliveries suspended in flooded areas for days). India Post's offices and
 * hubs, and also the last mile of Amazon and of kiranas: a flood that shuts a post office shuts
 * the delivery station or shop in the same locality (assumption: the same share of each type).
 * Without Amazon's stations a scenario in a state where Amazon carries ~97 % of parcels barely
 * moved. Sort centres and FCs are left out: a single draw would decide whether a state's one or
 * two big sites close, a lottery per seed; close one by name with a `hub-closure` instead.
 */
const FLOODABLE_TYPES = new Set(['post-office', 'branch-office', 'intra-circle-hub', 'national-sorting-hub', 'delivery-station', 'kirana']);

export function planDisruptions(
  network: Network,
  config: ModelConfig,
  calendar: SimCalendar,
  seed: number | string,
  replication: number,
): DisruptionPlan {
  const horizonDays = config.days + config.drainDays;
  const demandMultiplier = new Float64Array(config.days).fill(1);
  const capacityFactor = new Float64Array(horizonDays + 1).fill(1);
  const nodeClosures = new Map<number, Window[]>();
  const slowdowns: Slowdown[] = [];
  const dayOf = (date: string): number => Math.floor(calendar.timeOf(date) / 1440);
  const close = (node: number, w: Window): void => {
    const list = nodeClosures.get(node);
    if (list) list.push(w);
    else nodeClosures.set(node, [w]);
  };

  for (const [id, d] of Object.entries(config.disruptions)) {
    if (d.type === 'festive') {
      const f = { ...DISRUPTION_DEFAULTS.festive, ...d };
      const from = dayOf(d.from);
      const to = dayOf(d.to);
      const sale = new Set(d.saleDays.map(dayOf));
      for (let day = Math.max(0, from); day <= to && day <= horizonDays; day++) {
        if (day < config.days) {
          const m = sale.has(day) ? f.saleMultiplier : f.windowMultiplier;
          demandMultiplier[day] = Math.max(demandMultiplier[day]!, m);
        }
        // Capacity stays up through the window and the days after it needed to clear the peak.
        capacityFactor[day] = Math.max(capacityFactor[day]!, f.capacityMultiplier);
      }
    } else if (d.type === 'monsoon') {
      const m = { ...DISRUPTION_DEFAULTS.monsoon, ...d };
      const w: Window = [calendar.timeOf(d.from), calendar.timeOf(d.to) + 1440];
      const states = new Set(d.states);
      slowdowns.push({ states, from: w[0], to: w[1], factor: m.linehaulSlowdown });
      // Which offices flood is keyed to the node, so two scenarios close the same ones.
      const key = keyedStreamKey(seed, replication, `monsoon/${id}`);
      for (const n of network.nodes) {
        if (states.has(n.state) && FLOODABLE_TYPES.has(n.type) && keyedUniform(key, n.id, 0) < m.closedShare) close(n.id, w);
      }
    } else {
      const node = nodeIdsByName(network).get(d.node);
      if (node === undefined) {
        throw new Error(`disruptions.${id}.node: no node named ${JSON.stringify(d.node)} in the network (names as in NetworkNode.name)`);
      }
      const from = calendar.timeOf(d.from);
      close(node, [from, from + d.days * 1440]);
    }
  }

  const indiaPostClosed: Window[] = [];
  for (let day = 0; day <= horizonDays + 7; day++) {
    if (!calendar.isWorkingDay(day * 1440)) indiaPostClosed.push([day * 1440, (day + 1) * 1440]);
  }

  const nodeCapacity = new Float64Array(network.nodes.length).fill(1);
  for (const [name, o] of Object.entries(config.nodeOverrides)) {
    const node = nodeIdsByName(network).get(name);
    if (node === undefined) throw new Error(`nodeOverrides: no node named ${JSON.stringify(name)} in the network`);
    if (o.capacityMultiplier !== undefined) nodeCapacity[node] = o.capacityMultiplier;
  }
  return { demandMultiplier, capacityFactor, indiaPostClosed, nodeClosures, slowdowns, nodeCapacity };
}

// Node ids by name, made once per network and only when a hub closure or a node override names
// one: a map of 54,000 names was built for every replication, needed or not.
const idsByName = new WeakMap<Network, Map<string, number>>();

/** The id of the first node called `name`, per network. */
function nodeIdsByName(network: Network): Map<string, number> {
  let ids = idsByName.get(network);
  if (ids === undefined) {
    ids = new Map();
    for (const n of network.nodes) if (!ids.has(n.name)) ids.set(n.name, n.id);
    idsByName.set(network, ids);
  }
  return ids;
}

/** Whether time t lies in one of the windows. */
export function inWindows(windows: Window[] | undefined, t: number): boolean {
  if (windows === undefined) return false;
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i]!;
    if (t >= w[0] && t < w[1]) return true;
  }
  return false;
}

/**
 * The product of the slowdown factors of the windows holding time t in either state (1 when
 * none): a lane is slowed when it leaves, enters or runs inside a flooded state (DOMAIN.md,
 * peaks and disruption: linehaul ×1.1–1.4). Pass the same state twice for a node.
 */
export function slowdownAt(slowdowns: Slowdown[], t: number, stateA: string, stateB: string): number {
  let f = 1;
  for (let i = 0; i < slowdowns.length; i++) {
    const s = slowdowns[i]!;
    if (t >= s.from && t < s.to && (s.states.has(stateA) || s.states.has(stateB))) f *= s.factor;
  }
  return f;
}
