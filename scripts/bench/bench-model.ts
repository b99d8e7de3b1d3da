import type { Simulation } from '../../sim/engine/index.ts';

/** A benchmark model, set up and ready: the bench times `sim.run()` alone. */
export interface BenchModel {
  sim: Simulation;
  /** Events by the benchmark's definition (so other engines can be compared on the same work). */
  events: number;
  /** A figure to show the model did the work (mean wait against theory, parcels done). */
  check: () => Record<string, number>;
}
