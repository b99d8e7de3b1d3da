// The browser's view of sim/scenario (for viz/): everything in index.ts that needs no file access.
// `loadScenario` and the built-in listing read `scenarios/` with node:fs; a page bundles those
// files' text instead and resolves them with the same `parseLayer` + `resolveLayers` the CLI uses
// (viz/builtin-scenarios.ts), so the page runs exactly what `sim run <name>` runs.
export type { Scenario, ScenarioIssue, SourcePosition } from './scenario.ts';
export type { FieldSchema, ObjectField, NumberField, StringField, ArrayField, MapField, UnionField } from './field-schema.ts';
export { SCENARIO_SCHEMA } from './scenario-schema.ts';
export { scenarioDefaults } from './scenario-defaults.ts';
export { resolveLayers } from './resolve-layers.ts';
export { parseLayer, argumentLayer, type ScenarioLayer } from './scenario-layer.ts';
export { parseSet, setPatch, type SetOverride } from './parse-set.ts';
export { mergePatch } from './merge-patch.ts';
export { formatIssue } from './format-issue.ts';
export { formatPath, parsePath } from './field-path.ts';
export { didYouMean, editDistance } from './did-you-mean.ts';
export { networkOptions, fieldAt } from './check-resolved.ts';
export { simulationInput } from './simulation-input.ts';
export { loadPickedScenario } from './load-picked-scenario.ts';
export { readImports, rememberImport, IMPORT_FIELDS } from './scenario-imports.ts';
