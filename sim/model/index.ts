// The parcel model: one replication as a pure function of config, network, seed and replication.
export { runModel, type RunHooks } from './run-model.ts';
export {
  DEFAULT_MODEL_CONFIG, DISRUPTION_DEFAULTS, POLICIES, modelConfig,
  type ModelConfig, type ModelConfigPatch, type Policy, type Disruption, type FestiveDisruption,
  type MonsoonDisruption, type HubClosureDisruption, type NodeOverride, type EventLogConfig, type ImportedOrders,
} from './model-config.ts';
export { validateModelConfig, ModelConfigError, type ConfigIssue } from './validate-model-config.ts';
export type { ReplicationResult, OperatorBalance } from './replication-result.ts';
export { EventLog, type ParcelEvent, type ParcelEventType, type ParcelEventListener } from './parcel-event.ts';
export { COST_COMPONENTS } from './slice-table.ts';
export { STAGES, type Stage } from './parcel-store.ts';
export type { NodeColumns, LaneColumns } from './replication-result.ts';
export { NATIONAL_POPULATION, NATIONAL_URBAN } from './demand.ts';
export {
  carrierRules, policyRules, FIRST_MILES, LAST_MILE_CARRIERS, LINEHAULS,
  type CarrierRule, type FirstMile, type LastMileCarrier, type Linehaul,
} from './carrier-rules.ts';
export { demandProblems } from './demand-problems.ts';
export { SPEED_POST_CLASSES, SPEED_POST_NORM_DAYS } from './speed-post-norms.ts';
