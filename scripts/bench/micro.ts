import { Bench } from 'tinybench';
import { Simulation } from '../../sim/engine/index.ts';
import { createStream, exponential, lognormalFromMean, poisson } from '../../sim/engine/random/index.ts';
import { Quantiles, Tally } from '../../sim/engine/stats/index.ts';

const BATCH = 10_000;

/** Micro-benchmarks of the kernel's parts with tinybench; each task does BATCH operations. */
export async function micro(json: boolean): Promise<void> {
  const u = createStream(1, 0, 'micro');
  const exp1 = exponential(1);
  const logn = lognormalFromMean(30, 10);
  const pois = poisson(25);
  const tally = new Tally();
  const quantiles = new Quantiles();
  let sink = 0;

  const bench = new Bench({ time: 300 });
  bench
    .add('schedule+step (heap, 1k pending)', () => {
      const sim = new Simulation();
      const noop = (): void => {};
      for (let i = 0; i < 1000; i++) sim.schedule(u() * 100, noop);
      for (let i = 0; i < BATCH; i++) {
        sim.step();
        sim.schedule(u() * 100, noop);
      }
    })
    .add('schedule+step (zero-delay FIFO)', () => {
      const sim = new Simulation();
      const noop = (): void => {};
      for (let i = 0; i < BATCH; i++) {
        sim.schedule(0, noop);
        sim.step();
      }
    })
    .add('stream draw (alea)', () => {
      for (let i = 0; i < BATCH; i++) sink += u();
    })
    .add('exponential.sample', () => {
      for (let i = 0; i < BATCH; i++) sink += exp1.sample(u);
    })
    .add('lognormal.sample', () => {
      for (let i = 0; i < BATCH; i++) sink += logn.sample(u);
    })
    .add('poisson(25).sample', () => {
      for (let i = 0; i < BATCH; i++) sink += pois.sample(u);
    })
    .add('Tally.add', () => {
      for (let i = 0; i < BATCH; i++) tally.add(i);
    })
    .add('Quantiles.add', () => {
      for (let i = 0; i < BATCH; i++) quantiles.add(1 + (i % 5000));
    });
  await bench.run();
  if (!Number.isFinite(sink)) console.log(sink); // keep the work observable
  if (!json) console.log(`\nmicro-benchmarks (tinybench; ns per operation, ${BATCH} operations per sample)\n`);
  for (const task of bench.tasks) {
    const result = task.result as { latency?: { mean: number } };
    const nsPerOp = result.latency === undefined ? NaN : (result.latency.mean * 1e6) / BATCH;
    if (json) console.log(JSON.stringify({ name: `micro:${task.name}`, nsPerOp: Math.round(nsPerOp * 10) / 10 }));
    else console.log(`${task.name.padEnd(36)}${nsPerOp.toFixed(1).padStart(8)} ns`);
  }
}
