import { createStream, exponential, type ProcessGenerator, Server, Simulation } from '../engine/index.ts';

/** The README's first model: three parcels queue for one sorter (SimPy style). */
export function firstModel(): string[] {
  const sim = new Simulation();
  const sorter = new Server(sim, { capacity: 1 });
  const sortTime = exponential(1 / 4); // mean 4 minutes
  const u = createStream(42, 0, 'sort');
  const log: string[] = [];

  function* parcel(name: string): ProcessGenerator {
    const request = yield sorter.request();
    log.push(`${sim.now.toFixed(2)}  ${name} starts sorting`);
    yield sim.timeout(sortTime.sample(u));
    sorter.release(request);
    log.push(`${sim.now.toFixed(2)}  ${name} sorted`);
  }

  for (const name of ['A', 'B', 'C']) sim.process(parcel(name));
  sim.run();
  return log;
}

// Run as a script (`npx tsx sim/examples/first-model.ts`, as the README does), it prints the
// lines; imported (the test, the docs), it prints nothing.
if (typeof process !== 'undefined' && import.meta.filename !== undefined && import.meta.filename === process.argv[1]) {
  for (const line of firstModel()) console.log(line);
}
