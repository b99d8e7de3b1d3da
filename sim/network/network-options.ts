import type { NodeType, Operator } from './network.ts';

/** A transport mode of a lane. */
export type LaneMode = 'road' | 'rail' | 'air';

export const LANE_MODES: readonly LaneMode[] = ['road', 'rail', 'air'];

/** Per-mode values; every mode must be given when the option is given. */
export type ByMode<T> = Record<LaneMode, T>;

/**
 * What to build. Every field is optional; defaults (in `NETWORK_DEFAULTS`) come from DOMAIN.md where
 * it has a figure, and say "assumed" where it has none.
 */
export interface NetworkOptions {
  /** Kirana ('I Have Space') stores, national total. Default 20,000 (DOMAIN.md, 2019, seed). */
  kiranaCount?: number;
  /** Largest towns (by population) the kirana stores are spread over. Default 400 (DOMAIN.md: ~350–420 towns). */
  kiranaTowns?: number;
  /** Kirana delivery radius range, km. Default [2, 4] (DOMAIN.md). */
  kiranaRadiusKm?: [number, number];
  /** Kirana parcels a day range. Default [20, 40] (DOMAIN.md). */
  kiranaParcelsPerDay?: [number, number];
  /** Kirana payout per delivery attempt, INR. Default [20, 25] (DOMAIN.md, 2017 B). */
  kiranaPayoutInr?: [number, number];
  /** Urban residents per Amazon delivery station. Default 200,000 (DOMAIN.md: 1 per 150–300k, derived). */
  residentsPerStation?: number;
  /** Share of PIN codes Amazon reaches directly; the station radius is calibrated to it. Default 14,000/19,100 (DOMAIN.md, 2019). */
  amazonDirectPinShare?: number;
  /** Amazon fulfilment centres; spread over the clusters of `FC_CLUSTERS` in proportion. Default 60 (DOMAIN.md). */
  fulfilmentCentres?: number;
  /** Amazon sort centres. Default 50 (DOMAIN.md: 2.2 M ft² in 19 states; derived). */
  sortCentres?: number;
  /** India Post national sorting hubs. Default 94 (DOMAIN.md, DoP memo 2024). */
  nationalSortingHubs?: number;
  /** India Post intra-circle hubs. Default 149 (DOMAIN.md, DoP memo 2024). */
  intraCircleHubs?: number;
  /** Postmen over all delivery post offices. Default 44,888 (DOMAIN.md: 19,053 delivery POs, Lok Sabha 2015-16). */
  postmen?: number;
  /** Sellers (SMEs, artisans) per million people, for B2B first-mile pickup. Default 5 (assumed). */
  sellersPerMillion?: number;
  /** One node per district for its branch offices (true), or one node per branch office. Default true. */
  aggregateBranchOffices?: boolean;
  /** Road/rail distance over the great circle. Default road 1.3, rail 1.2, air 1.0 (derived: typical detour factors). */
  circuity?: ByMode<number>;
  /** Average linehaul speed, km/h. Default road 40, rail 45, air 500 (assumed; block speed incl. taxi). */
  speedKmh?: ByMode<number>;
  /** Departure times, minutes after midnight. Default road 06:00 and 20:00, rail 22:00, air 23:00 (assumed night linehaul). */
  departures?: ByMode<number[]>;
  /** Parcels per departure at full scale. Default road 1,000, rail 5,000, air 8,000 (assumed). */
  capacityPerDeparture?: ByMode<number>;
  /** Linehaul cost, INR per parcel-km. Default road 0.05, rail 0.02, air 0.3 (assumed). */
  costPerParcelKm?: ByMode<number>;
  /** Coefficient of variation of travel time (lognormal). Default road 0.25, rail 0.15, air 0.1 (assumed). */
  travelTimeCv?: ByMode<number>;
  /** Lanes at least this long go by rail (or air between air cities). Default 500 km (DOMAIN.md: long routes >500 km). */
  longHaulKm?: number;
  /** India Post hub-to-hub lanes at least this long go by air. Default 1,500 km (assumed). */
  postAirKm?: number;
  /** Sampling factor, 0 < scale ≤ 1: capacities are multiplied by it, facility counts are not. Default 1. */
  scale?: number;
  /** Build only these states (Census 2011 names, plus 'Telangana'). Default: all. */
  states?: string[];
  /** Build only these Census 2011 district codes. Default: all. */
  districts?: number[];
  /**
   * A network read from files (`sim network --export` writes them) instead of the built one: the
   * texts of nodes.csv and lanes.csv with their SHA-256 (what a run's hash and cache key hold).
   */
  import?: { nodes: ImportedText; lanes: ImportedText };
  /** Nodes added, changed or (`null`) removed, by name. */
  nodes?: Record<string, NodeEdit | null>;
  /** Lanes added, changed or (`null`) closed, keyed `from>to` or `from>to/mode` (node names). */
  lanes?: Record<string, LaneEdit | null>;
  /** Demand points beyond the PINs and urban cells (orders imported by coordinates). */
  points?: DemandPoints;
}

/** A file's text and its SHA-256 (hex): hashes and cache keys hold the hash, not the text (`canonicalJson`). */
export interface ImportedText {
  sha256: string;
  content: string;
}

/** Extra demand points: coordinates, dataset district, 1 when urban. */
export interface DemandPoints {
  lon: number[];
  lat: number[];
  district: number[];
  urban: number[];
}

/**
 * A node added (an object with `type` and a place) or changed (any of its fields) by name.
 * Capacities are per day at full scale (the scenario's scale applies); `district` is a Census
 * code, placing the node at the district's point when no coordinates are given.
 */
export interface NodeEdit {
  type?: NodeType;
  operator?: Operator;
  lat?: number;
  lon?: number;
  district?: number;
  capacityPerDay?: number;
  staff?: number;
  facilities?: number;
  delivers?: boolean;
  radiusKm?: number;
  payoutInr?: number;
  pin?: number;
  /** The node it hangs from in its operator's tree (its route up), by name; default by the network's rules. */
  parent?: string;
}

/** A lane added or changed: capacity per departure at full scale; departures in minutes of the day. */
export interface LaneEdit {
  mode?: LaneMode;
  departures?: number[];
  capacityPerDeparture?: number;
  costPerParcelKm?: number;
  travelTimeCv?: number;
  /** Route length; default great circle × the mode's circuity. */
  km?: number;
  /** Mean travel time; default km ÷ the mode's speed. */
  minutes?: number;
}

export type ResolvedNetworkOptions = Required<Omit<NetworkOptions, 'states' | 'districts' | 'import' | 'points'>> & {
  states: string[] | null;
  districts: number[] | null;
  import?: NetworkOptions['import'];
  points?: DemandPoints;
};

export const NETWORK_DEFAULTS: ResolvedNetworkOptions = {
  kiranaCount: 20_000,
  kiranaTowns: 400,
  kiranaRadiusKm: [2, 4],
  kiranaParcelsPerDay: [20, 40],
  kiranaPayoutInr: [20, 25],
  residentsPerStation: 200_000,
  amazonDirectPinShare: 14_000 / 19_100,
  fulfilmentCentres: 60,
  sortCentres: 50,
  nationalSortingHubs: 94,
  intraCircleHubs: 149,
  postmen: 44_888,
  sellersPerMillion: 5,
  aggregateBranchOffices: true,
  circuity: { road: 1.3, rail: 1.2, air: 1.0 },
  speedKmh: { road: 40, rail: 45, air: 500 },
  departures: { road: [360, 1200], rail: [1320], air: [1380] },
  capacityPerDeparture: { road: 1_000, rail: 5_000, air: 8_000 },
  costPerParcelKm: { road: 0.05, rail: 0.02, air: 0.3 },
  travelTimeCv: { road: 0.25, rail: 0.15, air: 0.1 },
  longHaulKm: 500,
  postAirKm: 1_500,
  scale: 1,
  states: null,
  districts: null,
  nodes: {},
  lanes: {},
};
