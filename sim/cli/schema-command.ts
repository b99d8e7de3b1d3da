import { scenarioJsonSchema, scenarioSchemaMarkdown } from '../scenario/index.ts';

/** `sim schema`: the scenario JSON Schema (draft-07), or with --markdown the field reference (scenarios/SCHEMA.md). */
export function schemaCommand(args: { markdown?: boolean }): void {
  process.stdout.write(args.markdown ? scenarioSchemaMarkdown() : `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
