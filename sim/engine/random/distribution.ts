/**
 * A source of uniform numbers in [0, 1). A stream is such a function, so a draw costs one call;
 * distributions take it as an argument and never hold one (d3's `.source(random)`).
 */
export type Uniform = () => number;

/** A probability distribution: its analytic moments and a sampler fed by a stream. */
export interface Distribution {
  /** The family, as in a spec's `type` (`'exponential'`). */
  readonly name: string;
  /** Analytic mean. */
  readonly mean: number;
  /** Analytic variance. */
  readonly variance: number;
  /**
   * One draw. Allocates nothing and keeps no state between calls: two streams sharing a
   * distribution never see each other's draws.
   */
  sample(u: Uniform): number;
}
