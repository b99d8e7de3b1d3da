import type { Simulation } from '../../sim/engine/index.ts';

/** A benchmark model, set up and ready: the bench times `sim.run()` alone. */
export interface BenchModel {
  /** What the bench times and counts: `sim.run()` and `sim.processed`. */
  sim: Pick<Simulation, 'run' | 'processed'>;
  /** Events by the benchmark's definition (so other engines can be compared on the same work). */
  events: number;
  /** A figure to show the model did the work (mean wait against theory, parcels done). */
  check: () => Record<string, number>;
}
