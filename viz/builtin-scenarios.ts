import type { IndiaInput } from '../sim/run/browser.ts';

/**
 * The scenarios the page can run. ADAPTER: `sim/scenario/` (YAML loading, `scenarios/*.yaml`) is
 * not in the tree yet; until it is, the page carries these resolved inputs itself. When the loader
 * lands, bundle `scenarios/*.yaml` with Vite's `?raw` import and resolve them here instead.
 * `tiny` matches the model tests' tiny setup (Hyderabad, scale 0.01, a week of orders).
 */
export interface BuiltinScenario {
  name: string;
  description: string;
  seed: number;
  replications: number;
  /** States a monsoon toggle applies to (the region's own). */
  monsoonStates: string[];
  input: IndiaInput;
}

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  {
    name: 'tiny',
    description: 'Hyderabad district at scale 0.01, 7 order days + 5 drain days',
    seed: 1,
    replications: 2,
    monsoonStates: ['Telangana'],
    input: {
      network: { districts: [536], scale: 0.01 },
      model: { days: 7, drainDays: 5, eventLog: { enabled: true, sampleShare: 0.05, maxEvents: 20_000 } },
    },
  },
  {
    name: 'kerala',
    description: 'Kerala at scale 0.005, 7 order days + 5 drain days',
    seed: 1,
    replications: 2,
    monsoonStates: ['Kerala'],
    input: {
      network: { states: ['Kerala'], scale: 0.005 },
      model: { days: 7, drainDays: 5, eventLog: { enabled: true, sampleShare: 0.01, maxEvents: 20_000 } },
    },
  },
];

/** The key parameters the page lets a researcher change. */
export interface ScenarioParams {
  kiranaCount: number;
  /** Last-mile policy; `india-post-rural` hands rural parcels to India Post. */
  policy: 'amazon' | 'india-post-rural' | 'shared-warehouses' | 'kirana' | 'b2b';
  /** Share of a covered PIN's parcels offered to its kirana (kirana policy). */
  kiranaShare: number;
  demandMultiplier: number;
  monsoon: boolean;
  replications: number;
  seed: number;
}

export const DEFAULT_PARAMS: Omit<ScenarioParams, 'replications' | 'seed'> = {
  kiranaCount: 20_000,
  policy: 'amazon',
  kiranaShare: 1,
  demandMultiplier: 1,
  monsoon: false,
};

/** Default national parcels a day (`DEFAULT_MODEL_CONFIG.demand.parcelsPerDay`), which the multiplier scales. */
const BASE_PARCELS_PER_DAY = 1_000_000;

/**
 * The scenario's input with the page's parameters applied. Parameters left at their defaults add
 * nothing to the input, so an untouched scenario hashes (and summarises) exactly as the CLI's.
 */
export function applyParams(scenario: BuiltinScenario, params: ScenarioParams): IndiaInput {
  const network: Record<string, unknown> = { ...scenario.input.network };
  const model: Record<string, unknown> = structuredClone(scenario.input.model);
  if (params.kiranaCount !== DEFAULT_PARAMS.kiranaCount) network.kiranaCount = params.kiranaCount;
  if (params.policy !== DEFAULT_PARAMS.policy) model.policy = params.policy;
  if (params.kiranaShare !== DEFAULT_PARAMS.kiranaShare) model.policies = { kirana: { share: params.kiranaShare } };
  if (params.demandMultiplier !== DEFAULT_PARAMS.demandMultiplier) model.demand = { parcelsPerDay: BASE_PARCELS_PER_DAY * params.demandMultiplier };
  if (params.monsoon) {
    // The whole run: a monsoon window is a date range, and the scenarios start on the default start date.
    model.disruptions = { monsoon: { type: 'monsoon', states: scenario.monsoonStates, from: '2024-10-01', to: '2024-10-31' } };
  }
  return { network, model };
}
