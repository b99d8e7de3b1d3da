import { createStream, ln } from '../../sim/engine/random/index.ts';
import { type ProcessGenerator, Server, Simulation } from '../../sim/engine/index.ts';
import type { BenchModel } from './bench-model.ts';

/**
 * `tandem`: 1,000 parallel chains of 5 stations, 2 servers each, exponential service at rate 0.8
 * per server; 200,000 parcels arrive as a Poisson stream of total rate 1,000, each picks a chain
 * uniformly at random, passes its 5 stations in order, then travels for uniform(2, 8).
 * Events = 12 per parcel by definition (arrival, 5 × (start, end of service), end of travel).
 */
const CHAINS = 1000;
const STATIONS = 5;
const SERVERS = 2;
const SERVICE_RATE = 0.8;
const ARRIVAL_RATE = 1000;

function stations(sim: Simulation): Server[] {
  const all: Server[] = [];
  for (let i = 0; i < CHAINS * STATIONS; i++) all.push(new Server(sim, { capacity: SERVERS }));
  return all;
}

export function tandemCallback(parcels: number, seed = 1): BenchModel {
  const sim = new Simulation();
  const servers = stations(sim);
  const arrivals = createStream(seed, 0, 'arrivals');
  const routing = createStream(seed, 0, 'routing');
  const services = createStream(seed, 0, 'services');
  const travel = createStream(seed, 0, 'travel');
  // Struct of arrays: a parcel is an index.
  const station = new Int32Array(parcels);
  let arrived = 0;
  let done = 0;

  const travelled = (): void => {
    done++;
  };
  const endService = (p: number): void => {
    servers[station[p]!]!.release();
    if ((station[p]! + 1) % STATIONS !== 0) {
      station[p]!++;
      servers[station[p]!]!.seize(startService, p);
    } else {
      sim.schedule(2 + 6 * travel(), travelled, p);
    }
  };
  const startService = (p: number): void => {
    sim.schedule(-ln(1 - services()) / SERVICE_RATE, endService, p);
  };
  const arrive = (): void => {
    const p = arrived++;
    if (arrived < parcels) sim.schedule(-ln(1 - arrivals()) / ARRIVAL_RATE, arrive);
    station[p] = Math.floor(routing() * CHAINS) * STATIONS;
    servers[station[p]!]!.seize(startService, p);
  };
  sim.schedule(-ln(1 - arrivals()) / ARRIVAL_RATE, arrive);
  return { sim, events: 12 * parcels, check: () => ({ parcelsDone: done }) };
}

/** The process API, holding with `yield minutes` (or, with `timeouts`, with `yield sim.timeout(minutes)`). */
export function tandemGenerator(parcels: number, seed = 1, timeouts = false): BenchModel {
  const sim = new Simulation();
  const servers = stations(sim);
  const arrivals = createStream(seed, 0, 'arrivals');
  const routing = createStream(seed, 0, 'routing');
  const services = createStream(seed, 0, 'services');
  const travel = createStream(seed, 0, 'travel');
  let done = 0;

  function* parcel(): ProcessGenerator {
    const first = Math.floor(routing() * CHAINS) * STATIONS;
    for (let s = first; s < first + STATIONS; s++) {
      const server = servers[s]!;
      const req = yield server.request();
      const service = -ln(1 - services()) / SERVICE_RATE;
      yield timeouts ? sim.timeout(service) : service;
      server.release(req);
    }
    const trip = 2 + 6 * travel();
    yield timeouts ? sim.timeout(trip) : trip;
    done++;
  }
  function* source(): ProcessGenerator {
    for (let i = 0; i < parcels; i++) {
      const gap = -ln(1 - arrivals()) / ARRIVAL_RATE;
      yield timeouts ? sim.timeout(gap) : gap;
      sim.process(parcel());
    }
  }
  sim.process(source());
  return { sim, events: 12 * parcels, check: () => ({ parcelsDone: done }) };
}
