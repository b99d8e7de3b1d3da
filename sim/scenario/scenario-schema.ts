/**
 * The scenario file, field by field: the source of truth for validation, `scenario.schema.json`
 * and `scenarios/SCHEMA.md`. Ranges follow `validateModelConfig` and `validateNetworkOptions`,
 * which still run on the resolved scenario; docs follow `model-config.ts` and
 * `network-options.ts`, which cite DOMAIN.md. Defaults live in `scenario-defaults.ts`.
 */
import { FIRST_MILES, LAST_MILE_CARRIERS, LINEHAULS, POLICIES } from '../model/index.ts';
import { LANE_MODES, NODE_OPERATORS, NODE_TYPES } from '../network/index.ts';
import type { ArrayField, FieldSchema, MapField, NumberField, ObjectField, StringField, UnionField } from './field-schema.ts';

const num = (doc: string, min: number, max: number, unit?: string, extra: Partial<NumberField> = {}): NumberField => ({ kind: 'number', doc, min, max, ...(unit !== undefined && { unit }), ...extra });
const int = (doc: string, min: number, max: number, unit?: string): NumberField => num(doc, min, max, unit, { integer: true });
const share = (doc: string): NumberField => num(doc, 0, 1, 'share');
const inr = (doc: string): NumberField => num(doc, 0, 100_000, 'INR');
const bool = (doc: string): FieldSchema => ({ kind: 'boolean', doc });
const str = (doc: string, extra: Partial<StringField> = {}): StringField => ({ kind: 'string', doc, ...extra });
const date = (doc: string): StringField => str(doc, { format: 'date' });
const arr = (doc: string, items: FieldSchema, extra: Partial<ArrayField> = {}): ArrayField => ({ kind: 'array', doc, items, ...extra });
const obj = (doc: string, fields: Record<string, FieldSchema>, required?: readonly string[]): ObjectField => ({ kind: 'object', doc, fields, ...(required && { required }) });
const minutesOfDay = (doc: string): ArrayField => arr(doc, int('A minute of the day.', 0, 1439, 'minutes'), { minItems: 1, maxItems: 1440, ascending: true, unit: 'minutes of the day' });
const range = (doc: string, lo: number, hi: number, unit: string): ArrayField =>
  arr(doc, num(`A bound in [${lo}, ${hi}].`, lo, hi, unit), { minItems: 2, maxItems: 2, unit, ascending: false });
const byMode = (doc: string, item: NumberField): ObjectField =>
  obj(doc, { road: { ...item, doc: `Road. ${item.doc}` }, rail: { ...item, doc: `Rail. ${item.doc}` }, air: { ...item, doc: `Air. ${item.doc}` } }, ['road', 'rail', 'air']);

const NETWORK: ObjectField = obj(
  'How the network is built (a subset of `NetworkOptions`; the region and the scale are set at the top level).',
  {
    kiranaCount: int("Kirana ('I Have Space') stores, national total (DOMAIN.md: ~20,000 in 2019; >28,000 in 2020–22; Flipkart's 50,000); at most 200,000.", 0, 200_000, 'stores'),
    kiranaTowns: int('Largest towns (by population) the kirana stores are spread over (DOMAIN.md: ~350–420 towns).', 1, 10_000, 'towns'),
    kiranaRadiusKm: range('Kirana delivery radius, [low, high] (DOMAIN.md: 2–4 km).', 0.1, 50, 'km'),
    kiranaParcelsPerDay: range('Kirana parcels a day, [low, high] (DOMAIN.md: 20–40).', 1, 10_000, 'parcels a day'),
    kiranaPayoutInr: range('Kirana payout per delivery attempt, [low, high] (DOMAIN.md: ₹20–25).', 0, 1_000, 'INR'),
    residentsPerStation: num('Urban residents per Amazon delivery station (DOMAIN.md: 1 per 150–300k, derived); at least 20,000 (some 19,000 stations).', 20_000, 100_000_000, 'residents'),
    amazonDirectPinShare: share("Share of PIN codes Amazon reaches directly; the station radius is calibrated to it (DOMAIN.md: 14,000 of ~19,100 in 2019)."),
    fulfilmentCentres: int('Amazon fulfilment centres, spread over the FC clusters in proportion (DOMAIN.md: >60).', 1, 500, 'centres'),
    sortCentres: int('Amazon sort centres (DOMAIN.md: 2.2 M ft² in 19 states, derived); at most 300, since every pair is linked (lanes grow with the square).', 1, 300, 'centres'),
    nationalSortingHubs: int('India Post national sorting hubs (DOMAIN.md: 94, DoP memo 2024); at most 300, since every pair is linked.', 1, 300, 'hubs'),
    intraCircleHubs: int('India Post intra-circle hubs (DOMAIN.md: 149, DoP memo 2024).', 0, 2_000, 'hubs'),
    postmen: int('Postmen over all delivery post offices (DOMAIN.md: 44,888 in 2015-16).', 0, 10_000_000, 'postmen'),
    sellersPerMillion: num('Sellers (SMEs, artisans) per million people, for B2B first-mile pickup (assumed 5); at most 100 (some 120,000 sellers).', 0, 100, 'sellers per million'),
    aggregateBranchOffices: bool('One node per district for its branch offices (true), or one node per branch office (false).'),
    circuity: byMode('Road/rail distance over the great circle (derived: typical detour factors).', num('Factor in [1, 3].', 1, 3, 'factor')),
    speedKmh: byMode('Average linehaul speed, block speed including stops (assumed).', num('Speed > 0.', 0, 2_000, 'km/h', { exclusiveMin: true })),
    departures: obj(
      'Linehaul departure times by mode, minutes after midnight (assumed night linehaul).',
      {
        road: arr('Road departures.', int('A minute of the day.', 0, 1439, 'minutes'), { minItems: 1, maxItems: 1440 }),
        rail: arr('Rail departures.', int('A minute of the day.', 0, 1439, 'minutes'), { minItems: 1, maxItems: 1440 }),
        air: arr('Air departures.', int('A minute of the day.', 0, 1439, 'minutes'), { minItems: 1, maxItems: 1440 }),
      },
      ['road', 'rail', 'air'],
    ),
    capacityPerDeparture: byMode('Parcels per departure at full scale (assumed).', num('Parcels > 0.', 0, 10_000_000, 'parcels', { exclusiveMin: true })),
    costPerParcelKm: byMode('Linehaul cost per parcel-km (assumed).', num('INR per parcel-km.', 0, 1_000, 'INR per parcel-km')),
    travelTimeCv: byMode('Coefficient of variation of travel time, lognormal (assumed).', num('CV in [0, 5].', 0, 5, 'CV')),
    longHaulKm: num('Lanes at least this long go by rail, or by air between air cities (DOMAIN.md: long routes > 500 km).', 0, 10_000, 'km'),
    postAirKm: num('India Post hub-to-hub lanes at least this long go by air (assumed).', 0, 10_000, 'km'),
    import: obj(
      "A network read from files instead of the built one (`sim network <scenario> --export DIR` writes them; `scenarios/own-network/` has a small one): paths relative to this file. Capacities in the files are at full scale; the scenario's scale applies. Edits (`network.nodes`, `network.lanes`) apply on top. Every bad row is reported with its file, line and column.",
      {
        nodes: str('nodes.csv: one row per node: name, type, operator, lat, lon (or districtCode / district and state), capacityPerDay, staff, delivers, radiusKm, payoutInr, pin, facilities, parent (the node it hangs from in its tree, by name; blank: by the network\'s rules). Blank cells take the defaults of the node\'s type.'),
        lanes: str('lanes.csv: one row per lane: from, to (node names), mode, departures (HH:MM separated by spaces), capacityPerDeparture, costPerParcelKm, travelTimeCv, km, minutes. Blank cells take the mode\'s defaults; a parent link without a lane gets one each way.'),
      },
      ['nodes', 'lanes'],
    ),
    nodes: {
      kind: 'map',
      doc: "Nodes added, changed or removed, by name (as `sim network <scenario> --nodes` lists them). An object adds a node (it needs `type` and a place: lat and lon, or a district) or changes the fields it gives; `null` removes the node. Nodes that hung from a removed one (its stations, offices, hubs) hang from the next nearest of its kind, and catchments, routes and stock placement are rebuilt from the result, so its traffic reroutes.",
      key: "a node's name",
      nullable: 'removes the node',
      values: obj('A node to add, or the fields of one to change.', {
        type: str('What the node is (needed to add one).', { enum: NODE_TYPES }),
        operator: str("Who runs it; default by type (amazon for FCs, sort centres and stations; india-post for hubs and offices; kirana; seller).", { enum: NODE_OPERATORS }),
        lat: num('Latitude (with lon); must lie in India.', -90, 90, 'degrees'),
        lon: num('Longitude (with lat).', -180, 180, 'degrees'),
        district: int("Census 2011 district code: the node's district, and its place (the district's point) when no lat/lon is given.", 1, 640, 'code'),
        capacityPerDay: num('Parcels a day it can handle (pick/pack, sort, deliver) at full scale; default by type (FC 60,000, sort centre 100,000, national hub 10,000, …), or staff × parcels a member of staff handles.', 0, 1e9, 'parcels a day'),
        staff: num('Riders (station), postmen (post office), Gramin Dak Sevaks (branch offices); capacity follows staff when no capacityPerDay is given.', 0, 1e7, 'staff'),
        facilities: num('How many facilities the node stands for (an aggregated node).', 1, 1e7, 'facilities'),
        delivers: bool('Delivers to addresses (stations, kiranas, delivery post offices, branch offices).'),
        radiusKm: num("Service radius: a station reaches directly the points within it (default the network's calibrated radius), a kirana store its 2–4 km.", 0, 500, 'km'),
        payoutInr: num('Kirana payout per delivery attempt.', 0, 100_000, 'INR'),
        pin: int("A post office's PIN code: that PIN's orders go to it when it delivers.", 0, 999_999, 'PIN'),
        parent: str("The node it hangs from in its operator's tree, by name (its route up: a station's sort centre, an office's hub); default the nearest of that kind by the network's rules."),
      }),
    } satisfies MapField,
    lanes: {
      kind: 'map',
      doc: "Lanes added, changed or closed, keyed `from>to` or `from>to/mode` (node names; a key without a mode addresses the pair's lanes). An object adds a lane (when the pair has none of that mode) or changes the fields it gives; `null` closes it. A node whose lane to its parent is closed hangs from the next nearest of that kind; roots (sort centres, national hubs) route around a closed lane between them. A lane added from a node to one of its parent's kind makes that its parent. Between two nodes with several lanes, parcels take the fastest.",
      key: 'a lane, from>to or from>to/mode',
      nullable: 'closes the lane',
      values: obj('A lane to add, or the fields of one to change.', {
        mode: str('Transport mode; default by length (road below network.longHaulKm; rail, or air between air cities and distant India Post hubs, beyond).', { enum: LANE_MODES }),
        departures: minutesOfDay("Departure times, minutes after midnight, ascending; default the mode's (network.departures)."),
        capacityPerDeparture: num("Parcels per departure at full scale; default the mode's.", 0, 1e9, 'parcels', { exclusiveMin: true }),
        costPerParcelKm: num("Linehaul cost; default the mode's.", 0, 1_000, 'INR per parcel-km'),
        travelTimeCv: num("Coefficient of variation of travel time; default the mode's.", 0, 5, 'CV'),
        km: num("Route length; default great circle × the mode's circuity.", 0, 20_000, 'km', { exclusiveMin: true }),
        minutes: num("Mean travel time; default km ÷ the mode's speed.", 0, 100_000, 'minutes', { exclusiveMin: true }),
      }),
    } satisfies MapField,
  },
);

const FESTIVE: ObjectField = obj(
  'Sale days and a festive window: demand up 3–5× on sale days, 1.5–2× over the window; capacity only 1.5–2× (DOMAIN.md, peaks).',
  {
    type: str("'festive'.", { enum: ['festive'] }),
    from: date('First day of the festive window (inclusive).'),
    to: date('Last day of the festive window (inclusive).'),
    saleDays: arr('Sale days inside the window.', date('A sale day.'), { maxItems: 366 }),
    saleMultiplier: num('Demand multiplier on sale days (DOMAIN.md: 3–5×).', 0, 50, 'factor'),
    windowMultiplier: num('Demand multiplier on the other window days (DOMAIN.md: 1.5–2×).', 0, 50, 'factor'),
    capacityMultiplier: num('Multiplier of every capacity over the window (DOMAIN.md: 1.5–2×).', 1, 10, 'factor'),
  },
  ['type', 'from', 'to', 'saleDays'],
);
const MONSOON: ObjectField = obj(
  'Monsoon in some states: slower linehaul, some post offices closed (DOMAIN.md: June–September; Kerala 2018).',
  {
    type: str("'monsoon'.", { enum: ['monsoon'] }),
    states: arr("States (today's names, as in the network).", str('A state name.'), { minItems: 1, maxItems: 40 }),
    from: date('First day of the monsoon window (inclusive).'),
    to: date('Last day of the monsoon window (inclusive).'),
    linehaulSlowdown: num('Travel time multiplier on lanes leaving, entering or inside those states; open last-mile nodes there deliver 1/factor of their capacity (DOMAIN.md: ×1.1–1.4).', 1, 10, 'factor'),
    closedShare: share('Share of post offices, branch offices, India Post hubs, delivery stations and kirana stores there closed over the window (DOMAIN.md: 274 of 5,065 offices, Kerala 2018).'),
  },
  ['type', 'states', 'from', 'to'],
);
const HUB_CLOSURE: ObjectField = obj(
  'One node shut for some days: no departures, no sorting, no delivery.',
  {
    type: str("'hub-closure'.", { enum: ['hub-closure'] }),
    node: str("The node's name, as `sim network` and nodes.csv show it (e.g. 'Cochin NSH')."),
    from: date('First day closed.'),
    days: int('Days closed.', 1, 366, 'days'),
  },
  ['type', 'node', 'from', 'days'],
);
const DISRUPTION: UnionField = { kind: 'union', doc: 'A disruption, by its `type`.', tag: 'type', variants: { festive: FESTIVE, monsoon: MONSOON, 'hub-closure': HUB_CLOSURE } };

const MODEL: ObjectField = obj(
  'What a replication simulates apart from the network (a subset of `ModelConfig`; `days` and `scale` are set at the top level).',
  {
    startDate: date('First simulated day (for weekdays, holidays and disruption dates).'),
    drainDays: int('Days after the last order day to let parcels finish (no new orders).', 0, 60, 'days'),
    holidays: arr('India Post holidays (no sorting, no delivery).', date('A holiday.'), { maxItems: 1_000 }),
    policy: str('Who carries which parcel, as a preset rule table (the manifest shows it resolved as `carriers`): Amazon alone (India Post where Amazon does not reach); India Post on rural last miles; shared warehouses (Alibaba–China Post); kirana last mile; B2B first mile.', { enum: POLICIES }),
    rules: arr(
      "The scenario's own carrier rules, tried in order before the policy's: a parcel takes the first rule whose conditions it meets, whose `share` its draw falls in and whose carrier can take it (a kirana store with room, a seller in the drawn district); else the next. E.g. `- { when: { area: rural, states: [Bihar] }, lastMile: india-post }`: India Post carries rural parcels in Bihar only.",
      obj('One rule: conditions, then who carries each leg.', {
        when: obj('Conditions, all of which must hold (none: every parcel).', {
          area: str("The order's area.", { enum: ['urban', 'rural'] }),
          states: arr("The order's state, today's names (as in the network).", str('A state name.'), { maxItems: 100 }),
          districts: arr("The order's district, Census 2011 codes.", int('A district code.', 1, 640, 'code'), { maxItems: 1_000 }),
          direct: bool("The order's point lies within its nearest delivery station's reach."),
          cod: bool('Cash on delivery.'),
          kirana: bool("A kirana store's radius covers the order's point."),
        }),
        share: share('The share of the parcels reaching this rule and meeting its conditions that it takes (default 1).'),
        firstMile: str("Where the parcel starts: fc (an Amazon FC by stock placement, the default), india-post-hub (forward stock at the district's India Post hub), seller (a small seller booking at a post office); the last two travel with India Post.", { enum: FIRST_MILES }),
        linehaul: str("Who carries an FC's parcel for India Post's last mile between cities: amazon (to the sort centre nearest the destination, handed over there; the default) or india-post (handed over at the sort centre nearest the FC).", { enum: LINEHAULS }),
        lastMile: str("Who delivers: amazon (the point's nearest delivery station), india-post (its delivery post office; a rural parcel's branch office), kirana (a store covering the point, with room today).", { enum: LAST_MILE_CARRIERS }),
        exportShare: share("The share of this rule's parcels that go abroad through the export hub (with lastMile india-post)."),
      }),
      { maxItems: 1_000 },
    ),
    demand: obj('Orders.', {
      parcelsPerDay: num('National parcels a day at scale 1, before weekly and festive profiles (DOMAIN.md: ~15 M shipments a day in the market; default an Amazon-like share).', 0, 1e9, 'parcels a day'),
      urbanWeight: num('Orders per urban resident relative to a rural one (assumed).', 0, 100, 'factor'),
      hourly: arr('Share of orders in each hour of the day, 24 weights (normalised; assumed evening-heavy).', num('A weight ≥ 0.', 0, 1e9, 'weight'), { minItems: 24, maxItems: 24 }),
      weekly: arr('Day multipliers Sunday..Saturday, 7 weights (normalised to mean 1; assumed).', num('A weight ≥ 0.', 0, 1e9, 'weight'), { minItems: 7, maxItems: 7 }),
      codShareUrban: share('Cash-on-delivery share of orders in urban areas (DOMAIN.md: 60–65 % overall).'),
      codShareRural: share('Cash-on-delivery share in rural areas (DOMAIN.md: higher beyond tier-1).'),
      farFcShare: share('Share of parcels shipped from an FC other than the nearest (stock placement; assumed).'),
      stockPlacementUtilisation: share("Stock placement: a district's local orders fill its nearest FCs up to this share of their pick/pack capacity, then spill to the next nearest; 0 ships from the nearest FC (assumed)."),
      import: str("A user's orders instead of the Census-based demand (parcelsPerDay is then ignored): a CSV path relative to this file, with `parcelsPerDay` (full scale; the scenario's scale applies) and a place per row: `pin`, `district` (Census 2011 code) or `lat` and `lon`; optionally `date` (YYYY-MM-DD: that day's parcels, every row then has one; the weekly profile is not applied) and `area` (urban or rural; default by whether the place lies in a town). The hourly profile, and for undated rows the weekly one, are this scenario's (`hourly`, `weekly`). Every bad row is reported with its line and column."),
    }),
    policies: obj('Settings of each operator policy.', {
      indiaPost: obj("India Post's last mile.", {
        tracking: bool("Real-time tracking and notification on India Post's last mile (Amazon's 2014 proposal): raises first-attempt success, cuts dwell."),
        dwellMinutesWithoutTracking: num('Extra dwell at the delivery office before a parcel goes out, without tracking (assumed).', 0, 14_400, 'minutes'),
        feePerParcel: inr('Fee India Post charges per parcel it delivers (assumed).'),
        beatMinute: int("Postmen's beat start, minute of the day, after the morning mail run reaches the office (assumed 11:00).", 0, 1439, 'minute of the day'),
        beatSpreadMinutes: num("A beat's attempts spread over this many minutes (assumed ~6 h; DOMAIN.md: 60–100 parcels a postman a day).", 0, 1439, 'minutes'),
        staffToLoad: bool("India Post staffs a delivery office for the partner volume it is sent: its capacity is at least the expected attempts a working day × operations.stationHeadroom (assumed: the Amazon tie-up tripled India Post's deliveries of Amazon parcels in 18 months, DOMAIN.md); false keeps its postmen's capacity alone."),
        airBetweenMetros: bool("Speed Post flies between the six metros' national sorting hubs (DOMAIN.md: \"24 Speed Post\" next day between six metros from March 2026)."),
      }),
      kirana: obj("Kirana ('I Have Space') last mile.", {
        share: share("Share of a covered point's parcels offered to its kirana, up to the store's daily capacity."),
        waveMinute: int("When a store starts handing out the day's parcels, after the station's morning van (timetable delivery-station>kirana, 07:00) has dropped them (assumed 10:00).", 0, 1439, 'minute of the day'),
      }),
      sharedWarehouses: obj('Shared warehouses and sorting (Alibaba–China Post model).', {
        forwardStockShare: share('Share of parcels stocked forward at India Post hubs (assumed).'),
      }),
      b2b: obj('B2B first mile from small sellers through post offices.', {
        share: share('Share of parcels booked by small sellers at post offices (assumed).'),
        exportShare: share('Share of those going to an export hub (assumed).'),
      }),
    }),
    operations: obj('Timings and limits of operations.', {
      packWaves: minutesOfDay('Pick/pack waves at an FC, minutes of the day, ascending (assumed hourly 07:00–22:00).'),
      packMinutes: num('Pick/pack time after a wave (assumed).', 0, 2_880, 'minutes'),
      sortMinutes: num('Sorting time at a sort centre or hub (assumed).', 0, 2_880, 'minutes'),
      handoffMinutes: num("Extra time at a hand-off into the other operator's sorting hub (Amazon sort centre → India Post hub): scanned and re-sorted (assumed); a booking at a post office or a drop at a kirana adds none.", 0, 2_880, 'minutes'),
      handoffDepartures: minutesOfDay('Hand-off lane departures (Amazon sort centre → India Post hub), minutes of the day, ascending (assumed).'),
      timetable: {
        kind: 'map',
        doc: 'Lane departures by lane kind, `from-type>to-type` or `from-type>to-type/mode` (which wins), minutes of the day; kinds not listed keep the network\'s departures, and so does a lane with departures of its own (imported or edited, not its mode\'s default) (defaults: Amazon shuttles and night trunks, the Speed Post day; DOMAIN.md).',
        key: 'a lane kind, e.g. sort-centre>delivery-station',
        values: minutesOfDay('Departures of that kind of lane.'),
      } satisfies MapField,
      deliveryWaveMinute: int("Delivery wave start at Amazon's stations, minute of the day; parcels must be at the node by then (assumed 08:00).", 0, 1439, 'minute of the day'),
      deliverySpreadMinutes: num('Attempts spread over this many minutes after the wave (assumed).', 0, 1439, 'minutes'),
      reattemptHours: num('Hours between attempts (DOMAIN.md: reattempt after ~24 h).', 1, 240, 'hours'),
      maxAttempts: int('Attempts before return to origin (DOMAIN.md: 2–3).', 1, 10, 'attempts'),
      returnDays: num('Days a return takes to reach its origin (assumed).', 0, 60, 'days'),
      vehiclesPerDeparture: num('Vehicles per scheduled departure on a lane: a departure slot is a convoy sized to demand (assumed).', 0.001, 1e6, 'vehicles'),
      stationHeadroom: num("Capacity follows the load: a station has riders (~30 drops a day each) for its expected attempts a day × this, and an India Post office (policies.indiaPost.staffToLoad) at least that a working day; 0 keeps the network's (assumed 1.2: the weekly swing).", 0, 100, 'factor'),
      lossPerLeg: share('Probability a parcel is lost on a linehaul leg (assumed).'),
    }),
    customer: obj('Customers at the door (tuned to DOMAIN.md: first attempt 67–80 %).', {
      availabilityAmazon: share('Probability the customer is reachable at an Amazon attempt (assumed).'),
      availabilityIndiaPost: share('The same for India Post without tracking (assumed).'),
      availabilityIndiaPostTracked: share('The same for India Post with tracking (assumed).'),
      availabilityKirana: share('The same at a kirana store (assumed).'),
      ruralFactor: share('Rural availability relative to urban (assumed).'),
      codRefusalByDelay: arr('Probability a COD customer refuses at the door, by days from order to first attempt: [≤ 2, 3–5, > 5] (DOMAIN.md: RTO 22 %, 27 %, 35 %).', share('A share.'), { minItems: 3, maxItems: 3 }),
      prepaidRefusalByDelay: arr('The same for prepaid parcels (DOMAIN.md: prepaid RTO 2–3 %).', share('A share.'), { minItems: 3, maxItems: 3 }),
      collectShare: share('After a failed attempt, the share who collect from the kirana or post office instead (assumed).'),
    }),
    costs: obj('Costs (DOMAIN.md: cost per delivery, derived).', {
      packPerParcel: inr('Pick/pack per parcel at an FC or forward hub (assumed).'),
      sortPerParcel: inr('Sorting per parcel per sort centre or hub (assumed).'),
      lastMileUrban: inr('Own last-mile cost per urban delivery (DOMAIN.md: metro ₹25–40).'),
      lastMileRural: inr('Own last-mile cost per rural delivery (DOMAIN.md: rural ₹45–80).'),
      failedAttempt: inr('A failed attempt (DOMAIN.md: ₹15–25 more).'),
      rto: inr('A return to origin, extra linehaul and handling (DOMAIN.md: ₹50–150).'),
      handoff: inr('A hand-off between operators, per parcel (assumed).'),
    }),
    emissions: obj('CO₂ per parcel-km by mode and per last-mile attempt (assumed).', {
      road: num('Road, per parcel-km.', 0, 100, 'kg CO₂'),
      rail: num('Rail, per parcel-km.', 0, 100, 'kg CO₂'),
      air: num('Air, per parcel-km.', 0, 100, 'kg CO₂'),
      lastMileAttempt: num('One last-mile attempt.', 0, 100, 'kg CO₂'),
    }),
    disruptions: { kind: 'map', doc: 'Disruptions by id (a patch addresses one by its id; `null` deletes it).', key: 'a disruption id', values: DISRUPTION } satisfies MapField,
    nodeOverrides: {
      kind: 'map',
      doc: "Per-node changes, keyed by the node's name (as `sim network` shows it).",
      key: "a node's name",
      values: obj('Changes to one node.', { capacityMultiplier: num("Multiplies the node's daily capacity (pick/pack or delivery).", 0, 100, 'factor') }),
    } satisfies MapField,
    eventLog: obj('Parcel event log (off by default: it costs memory and time). `sim run` writes it to the result folder as events.csv (one row per event) and events.ocel.json (OCEL 2.0, for process-mining tools; up to 200,000 events); manifest.json says how many and how big.', {
      enabled: bool('Record parcel events.'),
      sampleShare: share('Share of parcels whose events are recorded, chosen by a keyed draw per parcel.'),
      maxEvents: int('Most events kept a replication; later ones are counted, not stored (each costs ~150 bytes in memory and ~100 in events.csv).', 0, 1_000_000, 'events'),
    }),
  },
);

export const SCENARIO_SCHEMA: ObjectField = obj(
  'A what-if scenario: what to build, what to simulate and how often. Layers resolve as defaults ← base (`extends`) ← this file ← `--set`.',
  {
    name: str('Short name, used in result folder names. Default: the file name without its extension.', {
      pattern: { regex: '^[a-z0-9][a-z0-9-]*$', meaning: 'lower-case letters, digits and dashes, starting with a letter or digit' },
    }),
    question: str('The question this scenario answers, in a sentence (required in every file).'),
    extends: str("A base scenario this one patches: a built-in name (`baseline`) or a path relative to this file (`./base.yaml`)."),
    seed: { kind: 'seed', doc: 'Random seed: an integer ≥ 0 or a string. Two runs with the same seed give the same bytes.' },
    replications: int('Independent replications; the summary gives mean and 95 % CI over them.', 1, 1_000, 'replications'),
    days: int('Days with orders (parcels then get `model.drainDays` to finish).', 1, 366, 'days'),
    warmupDays: int(
      'Warm-up: parcels ordered in the first warmupDays days flow through the network (they fill queues and vehicles, as a network already running would have) but count in no per-parcel metric (counts, lead times, shares, costs, km and CO₂ per parcel, districts.csv, the lead-time histogram); daily.csv, nodes.csv, node utilisation and queues and backlog.max cover every day. Less than days; 0 measures every parcel.',
      0, 365, 'days'),
    scale: num('Sampling: one parcel in 1/scale is simulated, capacities scaled to match. Counts in results are simulated parcels.', 0, 1, 'share', { exclusiveMin: true }),
    region: obj('Which part of India to build; both empty means all of India.', {
      states: arr("Build only these states (Census 2011 names plus 'Telangana').", str('A state name.'), { maxItems: 40 }),
      districts: arr('Build only these Census 2011 district codes (1–640).', int('A district code.', 1, 640, 'code'), { maxItems: 640 }),
    }),
    network: NETWORK,
    model: MODEL,
    sweep: {
      kind: 'map',
      doc: 'A grid for `sim sweep`: parameter path → values (e.g. `network.kiranaCount: [20000, 28000, 50000]`); every combination is a point, all with common random numbers.',
      key: 'a parameter path',
      values: arr('Values of the parameter, each valid for it.', { kind: 'any', doc: 'A value.' }, { minItems: 1, maxItems: 100 }),
    } satisfies MapField,
  },
  ['question'],
);
