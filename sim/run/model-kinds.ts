import { canonicalJson } from './canonical-json.ts';
import type { ExampleInput, IndiaInput, Job, ModelKind } from './protocol.ts';

/** What the India network of a job depends on: its network options and the seed. */
export function indiaNetworkKey(input: IndiaInput, seed: number | string): string {
  return canonicalJson([input.network, seed]);
}

/** What a model kind gives back for one replication; the runner adds the job's key. */
export interface KindResult {
  metrics: Record<string, number>;
  tables: Record<string, unknown>;
  events: number;
}

/** How one model kind runs a replication. Inputs arrive as plain JSON (they crossed a worker boundary). */
export interface ModelKindRunner<Input> {
  /** Simulated minutes one replication covers, for progress fractions. */
  horizonMinutes(input: Input): number;
  /** Whether the model can discard its first `warmupDays` of observations. */
  supportsWarmup: boolean;
  /**
   * Optional: what every replication of this input and seed builds first and could share, as a
   * key (cheap, no building) and a builder whose value crosses a worker boundary cheaply. The
   * runner builds it once on the main thread and gives it to each worker (`SharedSetup`).
   */
  share?: {
    key(input: Input, seed: number | string): string;
    build(input: Input, seed: number | string): Promise<unknown>;
  };
  /** `shared`: the value `share.build` made for this input and seed, when the runner has one. */
  run(
    input: Input,
    seed: number | string,
    replication: number,
    warmupDays: number | undefined,
    progress: (simMinutes: number, parcelsDone: number) => void,
    shared?: unknown,
  ): Promise<KindResult>;
}

type Runners = { [K in ModelKind]: ModelKindRunner<Extract<Job, { kind: K }>['input']> };

/**
 * The registry of model kinds: a new model plugs in by adding its input to `Job` in protocol.ts
 * and an entry here. A static table, not a mutable `register()`, because a worker is a fresh
 * module graph: whatever the main thread registered at run time would be missing there. Models
 * load lazily, so a worker running the example never parses the India dataset.
 */
export const MODEL_KINDS: Runners = {
  example: {
    horizonMinutes: (input: ExampleInput) => (input.days ?? 7) * 1440,
    supportsWarmup: false,
    async run(input, seed, replication) {
      const { runDeliveryStationWeek } = await import('../examples/index.ts');
      const r = runDeliveryStationWeek({ ...input, seed: Number(seed), replication });
      // Flat names in the India model's style, in a fixed order.
      const metrics: Record<string, number> = {
        'parcels.created': r.ordered,
        'parcels.delivered': r.delivered,
        'parcels.returned': r.returned,
        'parcels.inFlight': r.inFlight,
        'leadTime.hours.mean': r.leadTimeHours.mean,
        'leadTime.hours.p50': r.leadTimeHours.p50,
        'leadTime.hours.p90': r.leadTimeHours.p90,
        'leadTime.hours.p95': r.leadTimeHours.p95,
        'delivered.within24h.share': r.within24h,
        'delivered.within48h.share': r.within48h,
        'firstAttempt.success.share': r.firstAttemptSuccess,
        'sorter.utilisation': r.sorterUtilisation,
        'linehaul.departures': r.truckDepartures,
      };
      return { metrics, tables: {}, events: r.events };
    },
  },
  india: {
    horizonMinutes(input: IndiaInput) {
      const model = input.model as { days?: number; drainDays?: number };
      return ((model.days ?? 14) + (model.drainDays ?? 10)) * 1440;
    },
    supportsWarmup: true,
    share: {
      key: (input: IndiaInput, seed) => indiaNetworkKey(input, seed),
      async build(input: IndiaInput, seed) {
        const { indiaNetworkColumns } = await import('./india-kind.ts');
        return indiaNetworkColumns(input, seed);
      },
    },
    async run(input, seed, replication, warmupDays, progress, shared) {
      const { runIndiaReplication } = await import('./india-kind.ts');
      return runIndiaReplication(input, seed, replication, warmupDays, progress, shared);
    },
  },
};

export function modelKind(kind: string): ModelKindRunner<unknown> {
  if (!Object.hasOwn(MODEL_KINDS, kind)) {
    throw new Error(`unknown model kind ${JSON.stringify(kind)}: valid kinds are ${Object.keys(MODEL_KINDS).join(', ')}`);
  }
  return MODEL_KINDS[kind as ModelKind] as ModelKindRunner<unknown>;
}
