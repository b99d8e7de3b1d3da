import type { Network } from '../network/index.ts';
import { type ModelConfig, withModelDefaults } from './model-config.ts';
import { ParcelModel } from './parcel-model.ts';
import { type ReplicationResult, replicationResult } from './replication-result.ts';
import { ModelConfigError, validateModelConfig } from './validate-model-config.ts';

export interface RunHooks {
  /** Called at the end of each simulated day with the time (minutes) and parcels finished so far. */
  progress?: (simMinutes: number, parcelsDone: number) => void;
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
  if (issues.length > 0) throw new ModelConfigError(issues);
  const model = new ParcelModel(config, network, scale, seed, replication);
  model.progress = hooks.progress;
  model.start();
  model.sim.run(model.horizon);
  model.metrics.countInFlight();
  return replicationResult(model);
}
