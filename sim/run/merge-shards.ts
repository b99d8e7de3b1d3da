import type { RunResult } from './run-replications.ts';

/**
 * Puts the shards of one run back together: the result equals, output for output, the unsplit
 * run's, so its summary is byte-identical. Shards may come in any order (and from any machine);
 * they must share scenario hash, seed and replication count, and hold each replication exactly
 * once between them: otherwise this throws, naming what differs or which replications are missing.
 */
export function mergeShards(shards: readonly RunResult[]): RunResult {
  const first = shards[0];
  if (first === undefined) throw new RangeError('mergeShards: given no shards; pass every shard of one run');
  for (const s of shards) {
    for (const field of ['scenarioHash', 'seed', 'replications', 'kind'] as const) {
      if (s[field] !== first[field]) {
        throw new RangeError(`mergeShards: shards are from different runs: ${field} ${JSON.stringify(s[field])} ≠ ${JSON.stringify(first[field])}`);
      }
    }
  }
  const byIndex = new Map<number, RunResult['outputs'][number]>();
  const wall = new Map<number, number>();
  for (const s of shards) {
    s.outputs.forEach((o, i) => {
      const r = o.key.replication;
      if (byIndex.has(r)) throw new RangeError(`mergeShards: replication ${r} appears in more than one shard`);
      if (o.key.scenarioHash !== first.scenarioHash || o.key.seed !== first.seed) {
        throw new RangeError(`mergeShards: replication ${r} has key (${o.key.scenarioHash.slice(0, 12)}, ${JSON.stringify(o.key.seed)}), the run is (${first.scenarioHash.slice(0, 12)}, ${JSON.stringify(first.seed)})`);
      }
      byIndex.set(r, o);
      wall.set(r, s.timing.replicationWallMs[i] ?? Number.NaN);
    });
  }
  const missing: number[] = [];
  for (let r = 0; r < first.replications; r++) if (!byIndex.has(r)) missing.push(r);
  if (missing.length > 0) {
    throw new RangeError(`mergeShards: replications ${missing.join(', ')} of 0..${first.replications - 1} are in no shard; a shard is missing or failed`);
  }
  const order = [...byIndex.keys()].sort((a, b) => a - b);
  if (order.length !== first.replications) {
    throw new RangeError(`mergeShards: shards hold replications outside 0..${first.replications - 1}: ${order.filter((r) => r >= first.replications).join(', ')}`);
  }
  return {
    kind: first.kind,
    scenario: first.scenario,
    scenarioHash: first.scenarioHash,
    seed: first.seed,
    replications: first.replications,
    shard: null,
    outputs: order.map((r) => byIndex.get(r)!),
    timing: { wallMs: Math.max(...shards.map((s) => s.timing.wallMs)), replicationWallMs: order.map((r) => wall.get(r)!) },
  };
}
