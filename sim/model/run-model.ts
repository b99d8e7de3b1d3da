import type { Network } from '../network/index.ts';
import { type ModelConfig, withModelDefaults } from './model-config.ts';
import { ParcelModel } from './parcel-model.ts';
import { type ReplicationResult, replicationResult } from './replication-result.ts';
import { ModelConfigError, validateModelConfig } from './validate-model-config.ts';

/**
 * Networks a model has already been made on, in this thread. V8 compiles a closure's code for its
 * one context while its creation site has made only one closure (a "one closure" feedback cell),
 * and throws that code away when the site makes a second. The model's event handlers are such
 * closures, made anew by each replication, so in every worker the code optimised during the first
 * replication was discarded when the second began and compiled again (~15–20 of a worker's ~200
 * optimising compilations, measured with `node --trace-opt --trace-deopt`; with two workers on two
 * cores that compiling takes time from the replications). Making one model, unused, before the
 * first replication on a network leaves every site with two closures before anything is compiled.
 * It costs one constructor (~15 ms at scale 0.01, which also fills the per-network tables the
 * first replication would fill) per network and thread, and changes no result: its draws come from
 * its own keyed streams, and a constructor writes nothing outside its model but those tables.
 */
const primed = new WeakSet<Network>();

/** A model for one replication (validated config), after an unused first one on a new network (see `primed`). */
export function modelOn(config: ModelConfig, network: Network, scale: number, seed: number | string, replication: number): ParcelModel {
  if (!primed.has(network)) {
    primed.add(network);
    new ParcelModel(config, network, scale, seed, replication);
  }
  return new ParcelModel(config, network, scale, seed, replication);
}

export interface RunHooks {
  /** Called at the end of each simulated day with the time (minutes) and parcels finished so far. */
  progress?: (simMinutes: number, parcelsDone: number) => void;
  /**
   * Warm-up deletion: parcels ordered in the first `warmupDays` days (an integer, 0 ≤ it < days)
   * flow through the network as usual (they fill queues and vehicles) but count in no per-parcel
   * metric; the daily series, per-node work and queues and `backlog.max` still cover every day.
   */
  warmupDays?: number;
}

/**
 * One replication: a pure function of its inputs (no I/O, no globals), so the same config,
 * network, seed and replication give the same result, to the bit, in Node and in the browser.
 * Throws `ModelConfigError` listing every invalid field, and an Error when parcels are not
 * conserved (a bug).
 */
export function runModel(given: ModelConfig, network: Network, seed: number | string, replication: number, hooks: RunHooks = {}): ReplicationResult {
  const config = withModelDefaults(given);
  const issues = validateModelConfig(config);
  const scale = config.scale ?? network.options.scale;
  if (config.scale !== undefined && config.scale !== network.options.scale) {
    issues.push({
      path: 'scale',
      message: `must equal the network's scale (${network.options.scale}: capacities are scaled there), given ${config.scale}; omit it to use the network's`,
    });
  }
  const warmup = hooks.warmupDays ?? 0;
  if (!Number.isInteger(warmup) || warmup < 0 || warmup >= config.days) {
    issues.push({ path: 'warmupDays', message: `must be an integer in [0, days − 1] = [0, ${config.days - 1}] (the warm-up's orders are not measured, so some days must remain), given ${warmup}` });
  }
  if (issues.length > 0) throw new ModelConfigError(issues);
  const model = modelOn(config, network, scale, seed, replication);
  model.progress = hooks.progress;
  model.warmupEnd = warmup * 1440;
  model.start();
  model.sim.run(model.horizon);
  model.metrics.countInFlight();
  return replicationResult(model);
}
