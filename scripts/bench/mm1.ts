import { ln, createStream } from '../../sim/engine/random/index.ts';
import { type ProcessGenerator, Server, Simulation } from '../../sim/engine/index.ts';
import type { BenchModel } from './bench-model.ts';

/**
 * `mm1`: M/M/1 with λ = 0.9, μ = 1.0 and 1,000,000 customers; events = 2 per customer (arrival,
 * departure). Defined exactly so other engines can run the same work (SimPy 3 takes ~15 s here).
 */
const LAMBDA = 0.9;
const MU = 1.0;

export function mm1Callback(customers: number, seed = 1): BenchModel {
  const sim = new Simulation();
  const server = new Server(sim, { capacity: 1 });
  const arrivals = createStream(seed, 0, 'arrivals');
  const services = createStream(seed, 0, 'services');
  let arrived = 0;
  let waitSum = 0;
  const arrivalTime = new Float64Array(customers);

  const depart = (): void => server.release();
  const start = (id: number): void => {
    waitSum += sim.now - arrivalTime[id]!;
    sim.schedule(-ln(1 - services()) / MU, depart);
  };
  const arrive = (): void => {
    const id = arrived++;
    arrivalTime[id] = sim.now;
    if (arrived < customers) sim.schedule(-ln(1 - arrivals()) / LAMBDA, arrive);
    server.seize(start, id);
  };
  sim.schedule(-ln(1 - arrivals()) / LAMBDA, arrive);
  return {
    sim,
    events: 2 * customers,
    check: () => ({ meanWait: waitSum / customers, theory: LAMBDA / (MU * (MU - LAMBDA)) }),
  };
}

export function mm1Generator(customers: number, seed = 1): BenchModel {
  const sim = new Simulation();
  const server = new Server(sim, { capacity: 1 });
  const arrivals = createStream(seed, 0, 'arrivals');
  const services = createStream(seed, 0, 'services');
  let waitSum = 0;

  function* customer(): ProcessGenerator {
    const arrivedAt = sim.now;
    const req = yield server.request();
    waitSum += sim.now - arrivedAt;
    yield sim.timeout(-ln(1 - services()) / MU);
    server.release(req);
  }
  function* source(): ProcessGenerator {
    for (let i = 0; i < customers; i++) {
      yield sim.timeout(-ln(1 - arrivals()) / LAMBDA);
      sim.process(customer());
    }
  }
  sim.process(source());
  return {
    sim,
    events: 2 * customers,
    check: () => ({ meanWait: waitSum / customers, theory: LAMBDA / (MU * (MU - LAMBDA)) }),
  };
}
