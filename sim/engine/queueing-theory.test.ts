/**
 * The engine against queueing theory. Each test runs independent replications (replication r
 * draws from streams keyed by r), and asserts that the analytic value lies inside the 99 %
 * Student-t confidence interval of the replication means, and that the interval is tight
 * (half-width under a stated share of the value), so passing means something.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { type ProcessGenerator, Server, Simulation } from './index.ts';
import { createStream, exponential, type Uniform } from './random/index.ts';
import { Tally } from './stats/index.ts';

interface Interval {
  mean: number;
  lo: number;
  hi: number;
  halfWidth: number;
}

function ci99(values: number[]): Interval {
  const tally = new Tally();
  for (const v of values) tally.add(v);
  const halfWidth = tQuantile(0.995, values.length - 1) * tally.sd / Math.sqrt(values.length);
  return { mean: tally.mean, lo: tally.mean - halfWidth, hi: tally.mean + halfWidth, halfWidth };
}

/** The analytic value lies in the 99 % CI, and the CI is narrower than ±`relative` of it. */
function expectWithin(values: number[], analytic: number, relative: number): void {
  const ci = ci99(values);
  const summary = `CI [${ci.lo.toFixed(4)}, ${ci.hi.toFixed(4)}] vs theory ${analytic.toFixed(4)}`;
  expect(ci.lo, summary).toBeLessThanOrEqual(analytic);
  expect(ci.hi, summary).toBeGreaterThanOrEqual(analytic);
  expect(ci.halfWidth / analytic, `half-width too wide to mean anything: ${summary}`).toBeLessThan(relative);
}

const replications = <T,>(n: number, run: (r: number) => T): T[] => Array.from({ length: n }, (_, r) => run(r));

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1; // Σ_{k<c} a^k / k!
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const rho = a / c;
  return last / (1 - rho) / (sum + last / (1 - rho));
}

interface QueueRun {
  meanWait: number; // Wq of customers arriving after the warm-up
  meanInSystem: number; // L, time-averaged after the warm-up
}

/**
 * A G/G/c queue on the callback API: arrivals at rate λ, service times from `service`, c servers,
 * FIFO. Statistics start after `warmup` minutes (warm-up deletion) and cover `horizon` minutes.
 */
function ggc(r: number, lambda: number, c: number, service: (u: Uniform) => number, warmup: number, horizon: number): QueueRun {
  const sim = new Simulation();
  const server = new Server(sim, { capacity: c });
  const interarrival = exponential(lambda);
  const ua = createStream(2024, r, 'arrivals');
  const us = createStream(2024, r, 'services');
  const waits = new Tally();
  const depart = (): void => server.release();
  const start = (arrivedAt: number): void => {
    if (arrivedAt >= warmup) waits.add(sim.now - arrivedAt);
    sim.schedule(service(us), depart);
  };
  const arrive = (): void => {
    sim.schedule(interarrival.sample(ua), arrive);
    server.seize(start, sim.now);
  };
  sim.schedule(interarrival.sample(ua), arrive);
  sim.run(warmup);
  server.resetStats();
  sim.run(warmup + horizon);
  return { meanWait: waits.mean, meanInSystem: server.meanBusy() + server.meanQueueLength() };
}

describe('the engine against queueing theory', () => {
  it('M/M/1 with λ = 0.9, μ = 1 has Wq = 9 and L = 9', () => {
    const service = exponential(1);
    const runs = replications(30, (r) => ggc(r, 0.9, 1, (u) => service.sample(u), 5_000, 200_000));
    expectWithin(runs.map((x) => x.meanWait), 9, 0.08);
    expectWithin(runs.map((x) => x.meanInSystem), 9, 0.08);
  });

  it('M/M/3 with λ = 2.4, μ = 1 has Wq = C(3, 2.4) / (cμ − λ) (Erlang C)', () => {
    // Hand check: Σ_{k<3} 2.4^k/k! = 6.28, 2.4³/3! = 2.304, C = 11.52 / (6.28 + 11.52) = 0.6472.
    expect(erlangC(3, 2.4)).toBeCloseTo(0.647191, 5);
    const analytic = erlangC(3, 2.4) / (3 - 2.4); // = 1.07865
    const service = exponential(1);
    const runs = replications(20, (r) => ggc(r, 2.4, 3, (u) => service.sample(u), 2_000, 60_000));
    expectWithin(runs.map((x) => x.meanWait), analytic, 0.05);
  });

  it('M/D/1 with λ = 0.8, D = 1 has Wq = λ·E[S²] / (2(1 − ρ)) = 2 (Pollaczek–Khinchine)', () => {
    const runs = replications(20, (r) => ggc(r, 0.8, 1, () => 1, 2_000, 60_000));
    expectWithin(runs.map((x) => x.meanWait), 2, 0.05);
  });

  it('a two-class non-preemptive priority M/M/1 matches Cobham: Wq1 = W0/(1−σ1), Wq2 = W0/((1−σ1)(1−σ2))', () => {
    // λ1 = 0.3 (urgent), λ2 = 0.5, μ = 1 for both: W0 = Σ λi E[Si²] / 2 = 0.8 · 2 / 2 = 0.8.
    const w0 = 0.8;
    const wq1 = w0 / (1 - 0.3); // 1.142857
    const wq2 = w0 / ((1 - 0.3) * (1 - 0.8)); // 5.714286
    const runs = replications(20, (r) => {
      const sim = new Simulation();
      const server = new Server(sim, { capacity: 1, discipline: 'priority' });
      const service = exponential(1);
      const us = createStream(7, r, 'services');
      const waits = [new Tally(), new Tally()];
      const warmup = 2_000;
      // Arrival times and classes packed in a number: class in the fraction would be fragile, so
      // keep a small object per customer; this test is about correctness, not speed.
      const depart = (): void => server.release();
      const start = (c: { cls: number; at: number }): void => {
        if (c.at >= warmup) waits[c.cls]!.add(sim.now - c.at);
        sim.schedule(service.sample(us), depart);
      };
      for (const [cls, rate] of [[0, 0.3], [1, 0.5]] as const) {
        const ua = createStream(7, r, `arrivals/${cls}`);
        const gap = exponential(rate);
        const arrive = (): void => {
          sim.schedule(gap.sample(ua), arrive);
          server.seize(start, { cls, at: sim.now }, cls);
        };
        sim.schedule(gap.sample(ua), arrive);
      }
      sim.run(warmup + 80_000);
      return [waits[0]!.mean, waits[1]!.mean] as const;
    });
    expectWithin(runs.map((x) => x[0]), wq1, 0.05);
    expectWithin(runs.map((x) => x[1]), wq2, 0.06);
  });

  it('a tandem Jackson network (three M/M/1 in series, process API) has sojourn Σ 1/(μi − λ)', () => {
    // λ = 0.5; μ = 1, 0.8, 1.2 → 1/0.5 + 1/0.3 + 1/0.7 = 6.7619
    const mus = [1, 0.8, 1.2];
    const analytic = mus.reduce((s, mu) => s + 1 / (mu - 0.5), 0);
    const runs = replications(20, (r) => {
      const sim = new Simulation();
      const stations = mus.map((_, i) => new Server(sim, { capacity: 1, name: `station ${i}` }));
      const services = mus.map((mu) => exponential(mu));
      const streams = mus.map((_, i) => createStream(11, r, `service/${i}`));
      const ua = createStream(11, r, 'arrivals');
      const gap = exponential(0.5);
      const sojourn = new Tally();
      const warmup = 2_000;
      function* parcel(): ProcessGenerator {
        const arrivedAt = sim.now;
        for (let i = 0; i < stations.length; i++) {
          const req = yield stations[i]!.request();
          yield sim.timeout(services[i]!.sample(streams[i]!));
          stations[i]!.release(req);
        }
        if (arrivedAt >= warmup) sojourn.add(sim.now - arrivedAt);
      }
      function* source(): ProcessGenerator {
        for (;;) {
          yield sim.timeout(gap.sample(ua));
          sim.process(parcel());
        }
      }
      sim.process(source());
      sim.run(warmup + 60_000);
      return sojourn.mean;
    });
    expectWithin(runs, analytic, 0.05);
  });

  it('M/M/1/K with λ = 1, μ = 1.25, K = 5 blocks a share (1 − ρ)ρ^K / (1 − ρ^(K+1)) of arrivals', () => {
    const rho = 0.8;
    const analytic = ((1 - rho) * rho ** 5) / (1 - rho ** 6); // 0.08882
    const runs = replications(20, (r) => {
      const sim = new Simulation();
      const server = new Server(sim, { capacity: 1 });
      const gap = exponential(1);
      const service = exponential(1.25);
      const ua = createStream(5, r, 'arrivals');
      const us = createStream(5, r, 'services');
      let arrivals = 0;
      let blocked = 0;
      const depart = (): void => server.release();
      const start = (): void => sim.schedule(service.sample(us), depart);
      const arrive = (): void => {
        sim.schedule(gap.sample(ua), arrive);
        arrivals++;
        if (server.busy + server.queueLength >= 5) blocked++;
        else server.seize(start);
      };
      sim.schedule(gap.sample(ua), arrive);
      sim.run(100_000);
      return blocked / arrivals;
    });
    expectWithin(runs, analytic, 0.05);
  });
});
