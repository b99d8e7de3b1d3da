import { type Job, type JobDone, type JobExecutor, jobScenarioHash } from '../run/index.ts';
import { UsageError } from './exit-codes.ts';
import { jobKeyText } from './shard-folder.ts';

/**
 * An executor that runs nothing: it answers each job with the output stored under the job's key
 * (the shards' outputs, for `sim merge`). A run done on it goes through the same code as a run on
 * workers, so its result folder is the unsplit run's, byte for byte. A job whose key is not
 * stored is a UsageError: the shards do not hold this run (made from another scenario resolution).
 */
export class StoredOutputs implements JobExecutor {
  readonly size = 1;
  constructor(private readonly outputs: ReadonlyMap<string, JobDone>) {}

  exec(job: Job): Promise<JobDone> {
    const key = { scenarioHash: jobScenarioHash(job), seed: job.seed, replication: job.replication };
    const done = this.outputs.get(jobKeyText(key));
    if (done === undefined) {
      return Promise.reject(
        new UsageError(
          `sim merge: the shards hold no output for replication ${job.replication} of "${job.scenario}" (seed ${JSON.stringify(job.seed)}, hash ${key.scenarioHash.slice(0, 12)}): their scenario resolves to other jobs with this version of sim; merge with the version that made them; nothing was written`,
        ),
      );
    }
    return Promise.resolve(done);
  }

  async close(): Promise<void> {}
}
