// Scenarios: the schema (one source for validation, JSON Schema and SCHEMA.md), loading YAML and
// JSON files with `extends` and `--set`, validation that lists every problem with file:line:col,
// and the built-in scenarios in `scenarios/`.
export type { Scenario, ScenarioIssue, SourcePosition } from './scenario.ts';
export type { FieldSchema, ObjectField, NumberField, StringField, ArrayField, MapField, UnionField } from './field-schema.ts';
export { SCENARIO_SCHEMA } from './scenario-schema.ts';
export { scenarioDefaults } from './scenario-defaults.ts';
export { loadScenario, findScenario, type LoadOptions, type LoadedScenario } from './load-scenario.ts';
export { resolveLayers } from './resolve-layers.ts';
export { parseLayer, argumentLayer, type ScenarioLayer } from './scenario-layer.ts';
export { parseSet, setPatch, type SetOverride } from './parse-set.ts';
export { mergePatch } from './merge-patch.ts';
export { formatIssue, formatIssues } from './format-issue.ts';
export { parseYamlSafely, YAML_LIMITS, type SafeYaml, type YamlProblem } from './parse-yaml-safely.ts';
export { formatPath, parsePath } from './field-path.ts';
export { didYouMean, editDistance } from './did-you-mean.ts';
export { networkOptions, fieldAt } from './check-resolved.ts';
export { simulationInput } from './simulation-input.ts';
export { sweepPoints, type SweepPointScenario } from './sweep-points.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { scenarioSchemaMarkdown } from './schema-docs.ts';
export { BUILTIN_DIR, builtinNames, listBuiltins } from './builtin-scenarios.ts';
export { checkWorkload, expectedParcels, MAX_PARCELS_PER_REPLICATION } from './check-workload.ts';
export { MAX_SWEEP_POINTS } from './check-resolved.ts';
export { loadPickedScenario } from './load-picked-scenario.ts';
export { readImports, rememberImport, importedText, IMPORT_FIELDS, type ImportRef } from './scenario-imports.ts';
export { readOrders, type OrdersIssue } from './read-orders.ts';
