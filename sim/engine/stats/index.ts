/** Statistics collectors for simulation runs: deterministic, and mergeable across replications and shards. */
export { Counter } from './counter.ts';
export { DailyLevel } from './daily-level.ts';
export { DailySeries } from './daily-series.ts';
export { Histogram, type HistogramJSON } from './histogram.ts';
export { type QuantileBucket, Quantiles, type QuantilesJSON, type QuantilesOptions } from './quantiles.ts';
export { Tally, type TallyJSON } from './tally.ts';
export { TimeWeighted } from './time-weighted.ts';
