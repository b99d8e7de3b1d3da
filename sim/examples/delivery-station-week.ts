import {
  bernoulli,
  createStream,
  dayIndex,
  lognormalFromMean,
  nhpp,
  Quantiles,
  ScheduledDepartures,
  scheduleCapacity,
  Server,
  Simulation,
  Tally,
} from '../engine/index.ts';

/**
 * An engine example, not the India model: one Amazon sort centre feeding one delivery station for
 * a week, built only from kernel parts. Orders arrive by hour of day (a non-homogeneous Poisson
 * process), sorters work in shifts, a linehaul truck leaves at fixed times with a cut-off, riders
 * go out in two delivery waves of limited size, and a failed attempt waits for the next day's
 * wave; after three failures the parcel returns to origin (RTO). Figures are DOMAIN.md defaults
 * (first attempt ~75 %, ~30 drops a rider a day).
 */
export interface DeliveryStationWeekOptions {
  seed?: number;
  replication?: number;
  days?: number;
  parcelsPerDay?: number;
  riders?: number;
  firstAttemptSuccess?: number;
}

export interface DeliveryStationWeekResult {
  days: number;
  ordered: number;
  delivered: number;
  returned: number;
  inFlight: number;
  leadTimeHours: { mean: number; p50: number; p90: number; p95: number };
  within24h: number;
  within48h: number;
  firstAttemptSuccess: number;
  sorterUtilisation: number;
  truckDepartures: number;
  events: number;
}

// Orders per hour of the day, relative (evening peak of online shopping).
const HOURLY = [2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 8, 9, 9, 8, 6, 4];

export function runDeliveryStationWeek(options: DeliveryStationWeekOptions = {}): DeliveryStationWeekResult {
  const seed = options.seed ?? 1;
  const r = options.replication ?? 0;
  const days = options.days ?? 7;
  const perDay = options.parcelsPerDay ?? 1200;
  const riders = options.riders ?? 55;
  const pSuccess = options.firstAttemptSuccess ?? 0.75;

  const sim = new Simulation();
  const weight = HOURLY.reduce((a, b) => a + b, 0);
  const orders = nhpp({ perHour: HOURLY.map((h) => (h / weight) * perDay), horizon: days * 1440 });
  const orderStream = createStream(seed, r, 'orders');
  const sortStream = createStream(seed, r, 'sort');
  const attemptStream = createStream(seed, r, 'attempts');
  const sortTime = lognormalFromMean(1.5, 0.5); // minutes per parcel per sorter
  const attempt = bernoulli(pSuccess);

  // Parcels are indices into typed arrays, grown by doubling (no object per parcel).
  let orderedAt = new Float64Array(1024);
  let attempts = new Uint8Array(1024);
  let ordered = 0;
  let delivered = 0;
  let returned = 0;
  let firstAttemptOk = 0;
  let firstAttempts = 0;
  const lead = new Quantiles();
  const leadMean = new Tally();
  let within24 = 0;
  let within48 = 0;

  const sorters = new Server(sim, { capacity: 0, name: 'sorters' });
  scheduleCapacity(sim, sorters, [
    { at: 0, capacity: 4 },
    { at: 360, capacity: 10 },
    { at: 1320, capacity: 6 },
  ]);

  // Delivery waves at 09:00 and 14:00, each carrying half of the riders' ~30 drops a day.
  const waves = new ScheduledDepartures<number>(sim, {
    name: 'delivery waves',
    times: [540, 840],
    capacity: riders * 15,
    onDepart: (parcels) => {
      for (const p of parcels) sim.schedule(30 + 240 * attemptStream(), tryDelivery, p);
    },
  });
  // The sort centre's truck to the station: 03:00 and 07:00, loading closes 30 minutes before.
  const truck = new ScheduledDepartures<number>(sim, {
    name: 'linehaul',
    times: [180, 420],
    cutoff: 30,
    onDepart: (parcels) => {
      for (const p of parcels) sim.schedule(90, arriveAtStation, p);
    },
  });

  const arriveAtStation = (p: number): void => waves.add(p);
  const tryDelivery = (p: number): void => {
    const n = ++attempts[p]!;
    const ok = attempt.sample(attemptStream) === 1;
    if (n === 1) {
      firstAttempts++;
      if (ok) firstAttemptOk++;
    }
    if (ok) {
      delivered++;
      const hours = (sim.now - orderedAt[p]!) / 60;
      lead.add(hours);
      leadMean.add(hours);
      if (hours <= 24) within24++;
      if (hours <= 48) within48++;
    } else if (n >= 3) {
      returned++;
    } else {
      // Reattempt on the next day's waves (DOMAIN.md: after ~24 h).
      sim.scheduleAt((dayIndex(sim.now) + 1) * 1440, arriveAtStation, p);
    }
  };
  const sorted = (p: number): void => {
    sorters.release();
    truck.add(p);
  };
  const startSort = (p: number): void => sim.schedule(sortTime.sample(sortStream), sorted, p);
  const order = (): void => {
    const p = ordered++;
    if (p === orderedAt.length) {
      const bigger = new Float64Array(p * 2);
      bigger.set(orderedAt);
      orderedAt = bigger;
      const a = new Uint8Array(p * 2);
      a.set(attempts);
      attempts = a;
    }
    orderedAt[p] = sim.now;
    sorters.seize(startSort, p);
    const next = orders.next(orderStream, sim.now);
    if (next !== Infinity) sim.scheduleAt(next, order);
  };
  const first = orders.next(orderStream, 0);
  if (first !== Infinity) sim.scheduleAt(first, order);

  sim.run(days * 1440);
  const [p50, p90, p95] = lead.quantiles([0.5, 0.9, 0.95]);
  return {
    days,
    ordered,
    delivered,
    returned,
    inFlight: ordered - delivered - returned,
    leadTimeHours: { mean: leadMean.mean, p50: p50!, p90: p90!, p95: p95! },
    within24h: delivered > 0 ? within24 / delivered : 0,
    within48h: delivered > 0 ? within48 / delivered : 0,
    firstAttemptSuccess: firstAttempts > 0 ? firstAttemptOk / firstAttempts : 0,
    sorterUtilisation: sorters.utilization(),
    truckDepartures: truck.departures,
    events: sim.processed,
  };
}
