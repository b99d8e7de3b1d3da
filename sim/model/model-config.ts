/**
 * What a replication simulates, apart from the network: demand, operator policy, customer
 * behaviour, costs and disruptions. A plain JSON object (no functions, no Infinity), so a
 * scenario file can hold it and a patch can address any field; the collections a patch must
 * address one by one (disruptions, node overrides) are maps keyed by id.
 *
 * Units: time in minutes (of the day where it says so), days as counts, money in INR, shares in
 * [0, 1]. Figures cite DOMAIN.md; "assumed" marks a tunable default with no published figure.
 */

import type { CarrierRule } from './carrier-rules.ts';

export type Policy = 'amazon' | 'india-post-rural' | 'shared-warehouses' | 'kirana' | 'b2b';
export const POLICIES: readonly Policy[] = ['amazon', 'india-post-rural', 'shared-warehouses', 'kirana', 'b2b'];

/**
 * Orders by place, one row per place (and date): parcels a day at full scale at a PIN code, a
 * district (Census code: spread over it as the built-in demand is) or an extra demand point of the
 * network (`NetworkOptions.points`, by index). Columns of equal length.
 */
export interface ImportedOrders {
  /** PIN code, or 0. */
  pin: number[];
  /** Census 2011 district code, or 0. */
  district: number[];
  /** Index into the network's extra demand points, or -1. */
  point: number[];
  /** Each row's day (ISO date: those parcels that day), or null when the rows are an average day (shaped by the weekly profile). */
  date: string[] | null;
  parcelsPerDay: number[];
  /** 1 rural, 0 urban, -1 the district's Census split. */
  rural: number[];
}

/** Demand sale days and a festive window: demand up 3–5× on sale days, 1.5–2× over the window; capacity only 1.5–2× (DOMAIN.md, peaks). */
export interface FestiveDisruption {
  type: 'festive';
  /** First and last day of the festive window, ISO dates (inclusive). */
  from: string;
  to: string;
  /** Sale days (ISO dates) inside the window. */
  saleDays: string[];
  /** Demand multiplier on sale days. Default 4 (DOMAIN.md: 3–5×). */
  saleMultiplier?: number;
  /** Demand multiplier on the other window days. Default 1.75 (DOMAIN.md: 1.5–2×). */
  windowMultiplier?: number;
  /** Multiplier of every capacity (pick/pack, linehaul, delivery) over the window. Default 1.75 (DOMAIN.md: 1.5–2×). */
  capacityMultiplier?: number;
}

/** Monsoon in some states: slower linehaul, some post offices closed (DOMAIN.md: June–September; Kerala 2018). */
export interface MonsoonDisruption {
  type: 'monsoon';
  /** States (today's names, as in `NetworkNode.state`). */
  states: string[];
  from: string;
  to: string;
  /**
   * Travel time multiplier on lanes leaving, entering or inside those states; open last-mile
   * nodes there deliver 1 / this of their daily capacity (assumption: riders and postmen slowed
   * as trucks are). Default 1.25 (DOMAIN.md: ×1.1–1.4, C).
   */
  linehaulSlowdown?: number;
  /**
   * Share of post offices, branch offices, India Post hubs, delivery stations and kiranas there
   * closed over the window (no sorting, dispatch or delivery; their parcels wait). Default 0.054
   * (DOMAIN.md: 274 of 5,065 offices, Kerala 2018; the same share assumed for Amazon's stations).
   */
  closedShare?: number;
}

/** One node shut for some days: no departures, no sorting, no delivery (ScheduledDepartures.close). */
export interface HubClosureDisruption {
  type: 'hub-closure';
  /** The node's name (`NetworkNode.name`, stable across region builds). */
  node: string;
  /** First day closed, ISO date. */
  from: string;
  /** Days closed, ≥ 1. */
  days: number;
}

export type Disruption = FestiveDisruption | MonsoonDisruption | HubClosureDisruption;

/** Per-node changes, keyed by node name. */
export interface NodeOverride {
  /** Multiplies the node's daily capacity (pick/pack or delivery). */
  capacityMultiplier?: number;
}

export interface EventLogConfig {
  /** Record parcel events (off by default: it costs memory and time). */
  enabled: boolean;
  /** Share of parcels whose events are recorded, chosen by a keyed draw per parcel. Default 0.001. */
  sampleShare: number;
  /** Most events kept; later ones are counted, not stored. Default 100,000. */
  maxEvents: number;
}

export interface ModelConfig {
  /** First simulated day, ISO date (for weekdays, holidays, disruption dates). Default '2024-10-01'. */
  startDate: string;
  /** Days with orders. Default 14. */
  days: number;
  /**
   * Days after the last order day to let parcels finish (no new orders). Default 10: a parcel India
   * Post returns takes up to ~2 weeks (about 5 days to its first attempt, two more attempts a day
   * apart, 4 days back), and with 7 the last days' returns were still on their way.
   */
  drainDays: number;
  /** India Post holidays (no sorting, no delivery), ISO dates. Default Gandhi Jayanti, Diwali 2024. */
  holidays: string[];
  /**
   * Sampling factor (0, 1]: one parcel in 1/scale is simulated. Capacities come already scaled
   * from the network, so this must equal the network's `options.scale`; omit it to take the
   * network's (one place for the scale).
   */
  scale?: number;
  demand: {
    /**
     * National parcels a day at scale 1, before weekly and festive profiles. Default 1,000,000:
     * an Amazon-like share of India's ~15 M shipments a day (DOMAIN.md: 5.5 bn in FY25, B); with
     * the Census 2011 population ×1.16 (2024) it is ~0.26 parcels per person a year for this
     * operator, against 3–4 for the whole market (DOMAIN.md). A region gets its population share.
     */
    parcelsPerDay: number;
    /** Orders per urban resident relative to a rural one. Default 3 (assumed; DOMAIN.md: tier-2 and smaller send 46–60 % of shipments). */
    urbanWeight: number;
    /** Share of orders in each hour of the day, 24 weights (normalised). Default: evening-heavy (assumed). */
    hourly: number[];
    /** Day multipliers Sunday..Saturday (7, normalised to mean 1). Default flat with a Sunday/Monday rise (assumed). */
    weekly: number[];
    /** COD share of orders in urban areas. Default 0.58; rural 0.75 (DOMAIN.md: 60–65 % overall, higher beyond tier-1). */
    codShareUrban: number;
    codShareRural: number;
    /** Share of parcels shipped from an FC other than the nearest (stock placement). Default 0.2 (assumed). */
    farFcShare: number;
    /**
     * Stock placement: a district's local orders fill its nearest FCs first, each up to this share
     * of its pick/pack capacity, then spill to the next nearest (see `stockPlacement`). Default 0.8
     * (assumed); 0 ships every local order from the district's nearest FC.
     */
    stockPlacementUtilisation: number;
    /**
     * A user's own orders instead of the Census-based demand (`readOrders` makes them from a CSV):
     * their SHA-256 (what a run's hash holds) and their rows. Default none.
     */
    import?: { sha256: string; content: ImportedOrders };
  };
  /** Who carries which leg, by default: a preset rule table (`policyRules`) with `policies`' figures. */
  policy: Policy;
  /**
   * The scenario's own carrier rules, tried before the policy's (`carrierRules`): e.g. India
   * Post carries rural parcels in Bihar only. Default none.
   */
  rules: CarrierRule[];
  policies: {
    indiaPost: {
      /** Real-time tracking and notification on India Post's last mile (raises first-attempt success, cuts dwell). Default false. */
      tracking: boolean;
      /**
       * Without tracking, a parcel goes out this many minutes after the first beat it could have
       * made (it waits to be matched to a beat and the addressee): 1440 = one beat later. Default 1440 (assumed).
       */
      dwellMinutesWithoutTracking: number;
      /** Fee India Post charges per parcel it delivers, INR. Default 40 (assumed: between the metro and rural cost per delivery, DOMAIN.md). */
      feePerParcel: number;
      /**
       * Postmen's beat start, minute of the day: the morning mail run from the hub reaches the
       * office first, then the beat goes out. Default 660 (11:00, assumed).
       */
      beatMinute: number;
      /** A beat's attempts spread over this many minutes. Default 360 (assumed: ~6 h; DOMAIN.md: 2.5 min an accountable article, 60–100 parcels a postman a day). */
      beatSpreadMinutes: number;
      /**
       * India Post staffs a delivery office for the partner volume it is sent: its capacity is at
       * least its expected attempts a working day × `operations.stationHeadroom` (assumed: DOMAIN.md,
       * the tie-up tripled India Post's deliveries of Amazon parcels in 18 months). False keeps the
       * postmen's capacity alone (can India Post absorb it?). Default true.
       */
      staffToLoad: boolean;
      /**
       * Speed Post flies between the six metros' national sorting hubs whatever the distance
       * (DOMAIN.md: rail and air between distant hubs; "24 Speed Post" next day between six
       * metros from March 2026). Default true.
       */
      airBetweenMetros: boolean;
    };
    kirana: {
      /** Share of a covered point's parcels offered to its kirana (up to the store's daily capacity). Default 1. */
      share: number;
      /**
       * When a store starts handing out the day's parcels, minute of the day: after the station's
       * morning van (`delivery-station>kirana` in the timetable, 07:00) has dropped them. Default
       * 600 (10:00, assumed: a shop's round once the drop is in; at the station's own 08:00 wave
       * the drop had not arrived, and every kirana parcel waited a day).
       */
      waveMinute: number;
    };
    sharedWarehouses: {
      /** Share of parcels stocked forward at India Post hubs (Alibaba–China Post model). Default 0.5 (assumed). */
      forwardStockShare: number;
    };
    b2b: {
      /** Share of parcels booked by small sellers at post offices. Default 0.3 (assumed). */
      share: number;
      /** Share of those going to an export hub. Default 0.1 (assumed). */
      exportShare: number;
    };
  };
  operations: {
    /** Pick/pack waves at an FC, minutes of the day. Default hourly 07:00–22:00 (assumed). */
    packWaves: number[];
    /** Pick/pack time after a wave, minutes. Default 120 (assumed). */
    packMinutes: number;
    /** Sorting time at a sort centre or hub, minutes. Default 120 (assumed). */
    sortMinutes: number;
    /** Extra time at a hand-off into the other operator's sorting hub (scanned, re-sorted), minutes; a booking at a post office or a drop at a kirana adds none. Default 120 (assumed). */
    handoffMinutes: number;
    /** Hand-off lane departures (Amazon sort centre → India Post hub), minutes of the day. Default 10:00, 18:00 (assumed). */
    handoffDepartures: number[];
    /**
     * Departures, minutes of the day, by lane kind: `from-type>to-type` (e.g.
     * `sort-centre>delivery-station`), or `from-type>to-type/mode` for one mode, which wins. Lanes
     * of a kind not listed keep the network's departures. Defaults: Amazon's shuttles and night
     * trunks timed to its 08:00 delivery wave, and India Post's Speed Post day (booking cut-off
     * 15:30, evening dispatch, overnight hub to hub, morning run to the delivery office; DOMAIN.md,
     * Speed Post norms); see `DEFAULT_TIMETABLE`.
     */
    timetable: Record<string, number[]>;
    /** Delivery wave start at Amazon stations, minute of the day; parcels must be at the node by then. Default 480 (08:00, assumed). */
    deliveryWaveMinute: number;
    /** Attempts spread over this many minutes after the wave. Default 600 (assumed). */
    deliverySpreadMinutes: number;
    /** Hours between attempts. Default 24 (DOMAIN.md: reattempt after ~24 h). */
    reattemptHours: number;
    /** Attempts before return to origin. Default 3 (DOMAIN.md: 2–3). */
    maxAttempts: number;
    /** Days a return takes to reach its origin. Default 4 (assumed). */
    returnDays: number;
    /**
     * Vehicles per scheduled departure on a lane. The network gives one vehicle's load (road
     * 1,000 parcels); an FC ships ~16,000 parcels a day at 1 M a day over 60 FCs, so a departure
     * slot is a convoy; a region served by one far FC ships more. Default 50 (assumed: linehaul is sized to demand; the last mile binds).
     */
    vehiclesPerDeparture: number;
    /**
     * Capacity follows the load: a delivery station has riders (~30 drops a day each) for its
     * expected attempts a day × this headroom, and an India Post office (`policies.indiaPost.
     * staffToLoad`) at least that per working day (`last-mile-load.ts`). Default 1.2 (assumed:
     * the weekly swing); 0 keeps the network's capacities.
     */
    stationHeadroom: number;
    /** Probability a parcel is lost on a linehaul leg. Default 0.00005 (assumed). */
    lossPerLeg: number;
  };
  customer: {
    /** Probability the customer is reachable at an attempt, by last-mile operator (assumed, tuned to DOMAIN.md: first attempt 67–80 %). */
    availabilityAmazon: number;
    availabilityIndiaPost: number;
    availabilityIndiaPostTracked: number;
    availabilityKirana: number;
    /** Rural availability relative to urban. Default 0.95 (assumed). */
    ruralFactor: number;
    /**
     * Probability a COD customer refuses at the door (→ RTO), by days from order to first
     * attempt: [≤ 2, 3–5, > 5]. Default [0.22, 0.27, 0.35] (DOMAIN.md: RTO 22 %, 27 %, 35 %, FY25).
     */
    codRefusalByDelay: number[];
    /** The same for prepaid parcels. Default [0.02, 0.025, 0.03] (DOMAIN.md: prepaid RTO 2–3 %; with delivery mostly in 1–2 days, 0.015 at ≤ 2 days put the prepaid RTO below 2 %). */
    prepaidRefusalByDelay: number[];
    /** After a failed attempt, the share who collect from the kirana or post office instead. Default 0.3 (assumed). */
    collectShare: number;
  };
  costs: {
    /** Pick/pack per parcel at an FC or forward hub, INR (assumed). Default 12. */
    packPerParcel: number;
    /** Sorting per parcel per sort centre or hub, INR (assumed). Default 3. */
    sortPerParcel: number;
    /** Own last-mile cost per delivery, urban and rural, INR. Default 32 and 60 (DOMAIN.md: metro 25–40, rural 45–80, derived). */
    lastMileUrban: number;
    lastMileRural: number;
    /** A failed attempt, INR. Default 20 (DOMAIN.md: 15–25 more). */
    failedAttempt: number;
    /** A return to origin, INR (extra linehaul and handling). Default 100 (DOMAIN.md: 50–150). */
    rto: number;
    /** A hand-off between operators, INR per parcel (assumed). Default 5. */
    handoff: number;
  };
  /** CO₂ per parcel-km by mode and per last-mile attempt, kg (assumed: truck ~75 g, rail ~20 g, air ~600 g per tonne-km at 2 kg a parcel; two-wheeler ~35 g/km, 2 km a drop). */
  emissions: { road: number; rail: number; air: number; lastMileAttempt: number };
  disruptions: Record<string, Disruption>;
  nodeOverrides: Record<string, NodeOverride>;
  eventLog: EventLogConfig;
}

/** Every `step` minutes from `from` up to (not including) `to`. */
const every = (step: number, from = 0, to = 1440): number[] => Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);

/**
 * Lane departures by kind (assumed timetables; no published Amazon or DoP schedule). Amazon:
 * FC → sort centre shuttles every 2 h; road trunks between sort centres every 4 h; sort centre →
 * station at 00:00 and 03:00 so the night's sort meets the 08:00 wave (DOMAIN.md: next-day in
 * >70 cities), and at 12:00 to stage the next day's. India Post, Speed Post's day (DOMAIN.md,
 * Speed Post norms, DoP memo 2013/2014): booking by 15:30 (cut-off 15:00–16:00), dispatch from
 * the office at 17:00, intra-circle hub → national hub at 20:30 (and 05:00), national hub to
 * national hub overnight at 23:00 and 01:00 (road, rail or air), then the morning run: national
 * hub → intra-circle hub 05:30, hub → office 06:00–09:00, office → branch office 08:00, before
 * the 11:00 beat; a second run at 13:00–14:00 stages the next day's beat.
 */
export const DEFAULT_TIMETABLE: Record<string, number[]> = {
  'fulfilment-centre>sort-centre': every(60),
  'sort-centre>sort-centre/road': every(240),
  'sort-centre>delivery-station': [0, 120, 240, 720],
  'delivery-station>kirana': [420],
  'seller>post-office': [660, 930],
  'post-office>intra-circle-hub': [1020],
  'post-office>national-sorting-hub': [1020],
  'branch-office>post-office': [900],
  'intra-circle-hub>national-sorting-hub': [300, 1230],
  'national-sorting-hub>national-sorting-hub': [60, 1380],
  'national-sorting-hub>intra-circle-hub': [330, 840],
  'national-sorting-hub>post-office': [360, 780],
  'intra-circle-hub>post-office': [540, 780],
  'post-office>branch-office': [480],
};

const HOURLY = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 8, 6, 3];

export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  startDate: '2024-10-01',
  days: 14,
  drainDays: 10,
  holidays: ['2024-10-02', '2024-10-31'],
  demand: {
    parcelsPerDay: 1_000_000,
    urbanWeight: 3,
    hourly: HOURLY,
    weekly: [1.1, 1.1, 1, 0.95, 0.95, 0.95, 0.95],
    codShareUrban: 0.58,
    codShareRural: 0.75,
    farFcShare: 0.2,
    stockPlacementUtilisation: 0.8,
  },
  policy: 'amazon',
  rules: [],
  policies: {
    indiaPost: { tracking: false, dwellMinutesWithoutTracking: 1440, feePerParcel: 40, beatMinute: 660, beatSpreadMinutes: 360, staffToLoad: true, airBetweenMetros: true },
    kirana: { share: 1, waveMinute: 600 },
    sharedWarehouses: { forwardStockShare: 0.5 },
    b2b: { share: 0.3, exportShare: 0.1 },
  },
  operations: {
    packWaves: [420, 480, 540, 600, 660, 720, 780, 840, 900, 960, 1020, 1080, 1140, 1200, 1260, 1320],
    packMinutes: 120,
    sortMinutes: 120,
    handoffMinutes: 120,
    handoffDepartures: [600, 1080],
    timetable: DEFAULT_TIMETABLE,
    deliveryWaveMinute: 480,
    deliverySpreadMinutes: 600,
    reattemptHours: 24,
    maxAttempts: 3,
    returnDays: 4,
    vehiclesPerDeparture: 50,
    stationHeadroom: 1.2,
    lossPerLeg: 0.00005,
  },
  customer: {
    availabilityAmazon: 0.9,
    availabilityIndiaPost: 0.75,
    availabilityIndiaPostTracked: 0.9,
    availabilityKirana: 0.97,
    ruralFactor: 0.95,
    codRefusalByDelay: [0.22, 0.27, 0.35],
    prepaidRefusalByDelay: [0.02, 0.025, 0.03],
    collectShare: 0.3,
  },
  costs: {
    packPerParcel: 12,
    sortPerParcel: 3,
    lastMileUrban: 32,
    lastMileRural: 60,
    failedAttempt: 20,
    rto: 100,
    handoff: 5,
  },
  emissions: { road: 0.00015, rail: 0.00004, air: 0.0012, lastMileAttempt: 0.07 },
  disruptions: {},
  nodeOverrides: {},
  eventLog: { enabled: false, sampleShare: 0.001, maxEvents: 100_000 },
};

/** Defaults for a disruption's optional figures, by type. */
export const DISRUPTION_DEFAULTS = {
  festive: { saleMultiplier: 4, windowMultiplier: 1.75, capacityMultiplier: 1.75 },
  monsoon: { linehaulSlowdown: 1.25, closedShare: 0.054 },
} as const;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type ModelConfigPatch = DeepPartial<ModelConfig>;

/**
 * The default config with `patch` laid over it, object by object (arrays and the disruption and
 * override maps' entries are replaced whole). A convenience for tests and scripts; the scenario
 * layer may resolve its own way.
 */
export function modelConfig(patch: ModelConfigPatch = {}): ModelConfig {
  return merge(DEFAULT_MODEL_CONFIG, patch) as ModelConfig;
}

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return structuredClone(base);
  if (base === null || typeof base !== 'object' || Array.isArray(base) || patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return structuredClone(patch);
  }
  const out: Record<string, unknown> = {};
  const b = base as Record<string, unknown>;
  const p = patch as Record<string, unknown>;
  for (const k of Object.keys(b)) out[k] = merge(b[k], p[k]);
  for (const k of Object.keys(p)) if (!(k in b)) out[k] = structuredClone(p[k]);
  return out;
}

/** Maps whose entries a caller gives whole: a default entry is not added to a given map. */
const WHOLE_MAPS = new Set(['disruptions', 'nodeOverrides', 'timetable']);

/**
 * The config with every field it lacks taken from the defaults (fields added to the model after a
 * caller's config was written, e.g. by the scenario layer), the given fields untouched.
 */
export function withModelDefaults(config: ModelConfig): ModelConfig {
  return fill(DEFAULT_MODEL_CONFIG, config, '') as ModelConfig;
}

function fill(base: unknown, given: unknown, key: string): unknown {
  if (given === undefined) return structuredClone(base);
  if (WHOLE_MAPS.has(key) || base === null || typeof base !== 'object' || Array.isArray(base) || given === null || typeof given !== 'object' || Array.isArray(given)) return given;
  // Copied key by key, not by `{ ...given }`: a spread's first run in a thread gives its copies
  // other hidden classes than later runs, so the first replication's config differed in shape from
  // the next ones', and V8 threw away every function optimised on it (measured: ~40 functions
  // recompiled at each worker's second replication).
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given as Record<string, unknown>)) out[k] = v;
  for (const [k, v] of Object.entries(base as Record<string, unknown>)) out[k] = fill(v, out[k], k);
  return out;
}
