import { createStream, ln } from '../../sim/engine/random/index.ts';
import type { BenchModel } from './bench-model.ts';

/**
 * `mm1` without the engine: the loop a person would write by hand for this one model (a binary
 * heap of (time, sequence) on typed arrays, a kind per event, no handlers, no slots). It draws
 * the same numbers in the same order as `mm1Callback`, so its mean wait must be identical.
 *
 * It is the yardstick for this shared machine, whose speed swings by a third from one minute to
 * the next: the engine issue measured this kind of loop at ~11 M events/s "here", so a run that
 * shows it at 7 says the machine is at 64 % of that day's speed, and the engine's figures beside
 * it can be read in proportion.
 */
const LAMBDA = 0.9;
const MU = 1.0;
const ARRIVAL = 0;
const DEPARTURE = 1;

export function mm1Handwritten(customers: number, seed = 1): BenchModel {
  const arrivals = createStream(seed, 0, 'arrivals');
  const services = createStream(seed, 0, 'services');
  let waitSum = 0;
  let processed = 0;

  const run = (): number => {
    // The calendar: a binary heap keyed by (time, seq); at most two events wait in an M/M/1.
    const times = new Float64Array(8);
    const seqs = new Float64Array(8);
    const kinds = new Int8Array(8);
    let size = 0;
    let seq = 0;
    const push = (time: number, kind: number): void => {
      let i = size++;
      const s = seq++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (times[p]! < time || (times[p] === time && seqs[p]! < s)) break;
        times[i] = times[p]!;
        seqs[i] = seqs[p]!;
        kinds[i] = kinds[p]!;
        i = p;
      }
      times[i] = time;
      seqs[i] = s;
      kinds[i] = kind;
    };
    const pop = (): void => {
      const n = --size;
      const t = times[n]!;
      const s = seqs[n]!;
      const k = kinds[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (times[c + 1]! < times[c]! || (times[c + 1] === times[c] && seqs[c + 1]! < seqs[c]!))) c++;
        if (t < times[c]! || (t === times[c] && s < seqs[c]!)) break;
        times[i] = times[c]!;
        seqs[i] = seqs[c]!;
        kinds[i] = kinds[c]!;
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      kinds[i] = k;
    };

    // Waiting customers' arrival times, a ring buffer.
    let ring = new Float64Array(1024);
    let head = 0;
    let waiting = 0;
    let busy = false;
    let arrived = 0;
    let now = 0;
    push(-ln(1 - arrivals()) / LAMBDA, ARRIVAL);
    while (size > 0) {
      now = times[0]!;
      const kind = kinds[0]!;
      pop();
      processed++;
      if (kind === ARRIVAL) {
        arrived++;
        if (arrived < customers) push(now - ln(1 - arrivals()) / LAMBDA, ARRIVAL);
        if (!busy) {
          busy = true;
          push(now - ln(1 - services()) / MU, DEPARTURE);
        } else {
          if (waiting === ring.length) {
            const bigger = new Float64Array(ring.length * 2);
            for (let i = 0; i < waiting; i++) bigger[i] = ring[(head + i) & (ring.length - 1)]!;
            ring = bigger;
            head = 0;
          }
          ring[(head + waiting++) & (ring.length - 1)] = now;
        }
      } else if (waiting > 0) {
        waitSum += now - ring[head]!;
        head = (head + 1) & (ring.length - 1);
        waiting--;
        push(now - ln(1 - services()) / MU, DEPARTURE);
      } else {
        busy = false;
      }
    }
    return processed;
  };

  return {
    sim: {
      run,
      get processed() {
        return processed;
      },
    },
    events: 2 * customers,
    check: () => ({ meanWait: waitSum / customers, theory: LAMBDA / (MU * (MU - LAMBDA)) }),
  };
}
