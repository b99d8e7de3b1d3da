import type { LaneMode, ResolvedNetworkOptions } from './network-options.ts';

export type NodeType =
  | 'fulfilment-centre'
  | 'sort-centre'
  | 'delivery-station'
  | 'kirana'
  | 'national-sorting-hub'
  | 'intra-circle-hub'
  | 'post-office'
  | 'branch-office'
  | 'seller';

export const NODE_TYPES: readonly NodeType[] = [
  'fulfilment-centre', 'sort-centre', 'delivery-station', 'kirana',
  'national-sorting-hub', 'intra-circle-hub', 'post-office', 'branch-office', 'seller',
];

export type Operator = 'amazon' | 'india-post' | 'kirana' | 'seller';

export const NODE_OPERATORS: readonly Operator[] = ['amazon', 'india-post', 'kirana', 'seller'];

/**
 * A facility. Every node has every field (0, -1 or '' where it does not apply), so all nodes share
 * one shape. Its id is its index in `Network.nodes`.
 */
export interface NetworkNode {
  id: number;
  type: NodeType;
  operator: Operator;
  name: string;
  lon: number;
  lat: number;
  /** Index into the dataset's districts (`IndiaData.districts`). */
  district: number;
  /** State today (Census 2011 state, with Telangana split off). */
  state: string;
  /** India Post circle of the node's district. */
  circle: string;
  /** How many facilities the node stands for: 1, or the branch offices of a district when aggregated. */
  facilities: number;
  /** Parcels a day it can handle (sort, deliver, hold), already multiplied by `scale`. */
  capacityPerDay: number;
  /** Postmen (delivery post office), riders (delivery station), Gramin Dak Sevaks (branch offices). */
  staff: number;
  /** Delivers to addresses (delivery station, kirana, delivery post office, branch office). */
  delivers: boolean;
  /** Service radius, km (kirana; delivery station: the calibrated direct-reach radius); 0 otherwise. */
  radiusKm: number;
  /** Kirana payout per delivery attempt, INR; 0 otherwise. */
  payoutInr: number;
  /** A post office's or (unaggregated) branch office's PIN code; 0 otherwise. A PIN's orders go to its delivery office. */
  pin: number;
  /**
   * The next node up its operator's tree, -1 at a root: FC → sort centre, station → sort centre,
   * kirana → station, office → hub, intra-circle hub → national hub, branch office → delivery office,
   * seller → delivery office. Roots (sort centres, national hubs) are linked in a full mesh.
   */
  parent: number;
}

export interface Lane {
  id: number;
  from: number;
  to: number;
  mode: LaneMode;
  /** Route length: great circle × circuity, rounded to 0.001 km. */
  km: number;
  /** Mean travel time, minutes (km / speed). */
  minutes: number;
  /**
   * Departure times, minutes after midnight, ascending. Read-only and shared: lanes with the same
   * timetable hold the same array (a national network has 125,000 lanes and three timetables).
   */
  departures: readonly number[];
  /** Parcels per departure, already multiplied by `scale`. */
  capacity: number;
  costPerParcelKm: number;
  /** Coefficient of variation of travel time (lognormal). */
  cv: number;
}

/**
 * Who serves each demand point and district of the region: node ids, -1 where none. The demand
 * points are the region's PIN codes (where rural orders go), then its urban cells (where urban
 * orders go: each district's urban residents in equal shares, at its towns by population, spread
 * over each town as its delivery stations are; see `urbanCells`). Orders that went to a PIN drew
 * a metro's whole demand onto the few PIN points the dataset places in it, and so onto one or two
 * of its stations, while the rest idled (issue 19).
 */
export interface Catchments {
  /** Per point: its PIN code, ascending over the PINs; 0 for an urban cell. */
  pointPin: number[];
  /** Per point: its dataset PIN index; -1 for an urban cell. */
  pointIndex: number[];
  /** Per point: 1 for an urban cell, 0 for a PIN. */
  pointUrban: number[];
  /** Per point: [lon, lat] (a PIN's GeoNames point, a cell's centre), 4 decimals. */
  pointLon: number[];
  pointLat: number[];
  /** Nearest delivery station; `pointDirect[k]` is 1 when it lies within the station radius (Amazon delivers itself). */
  pointStation: number[];
  pointDirect: number[];
  /** A PIN's delivery post office (its head or first sub office), else (and for a cell) the nearest one. */
  pointPostOffice: number[];
  /** Nearest kirana store whose radius covers the point; -1 when none does. */
  pointKirana: number[];
  /** The point's district (dataset index), for demand sampled by district (model). */
  pointDistrict: number[];
  /** Region districts (dataset indices), their Census 2011 codes, and their serving station, delivery post office and India Post hub. */
  district: number[];
  districtCode: number[];
  districtStation: number[];
  districtPostOffice: number[];
  districtHub: number[];
  /** Census 2011 population [total, rural, urban] per region district, for demand (model). */
  districtPopulation: [number, number, number][];
}

/**
 * What a scenario's edits did to the network it was built from, for maps and reports (node and
 * lane ids of this network; removed nodes and closed lanes by where they were). Absent on a network
 * without edits, and not carried in columns: the model does not read it.
 */
export interface NetworkEdits {
  addedNodes: number[];
  changedNodes: number[];
  removedNodes: { name: string; type: NodeType; lon: number; lat: number }[];
  /** Lanes an edit added, and those added to link a new or re-hung node to its parent. */
  addedLanes: number[];
  changedLanes: number[];
  closedLanes: { from: [number, number]; to: [number, number]; mode: LaneMode }[];
}

export interface Network {
  seed: number | string;
  options: ResolvedNetworkOptions;
  nodes: NetworkNode[];
  lanes: Lane[];
  catchments: Catchments;
  /** Each state (today's names) and the states it borders (the dataset's `stateNeighbours`): Speed Post's distance classes. */
  stateNeighbours: Record<string, string[]>;
  /** The delivery-station radius calibrated so that `amazonDirectPinShare` of all PINs lie within it, km. */
  stationRadiusKm: number;
  /** What the scenario's edits did (see `NetworkEdits`); absent without edits. */
  edits?: NetworkEdits;
}
