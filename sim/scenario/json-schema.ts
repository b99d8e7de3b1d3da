import type { FieldSchema, ObjectField } from './field-schema.ts';
import { getAt } from './field-path.ts';
import { SCENARIO_SCHEMA } from './scenario-schema.ts';
import { scenarioDefaults } from './scenario-defaults.ts';

type Json = Record<string, unknown>;

/**
 * The scenario schema as JSON Schema (draft-07), for editors (`# yaml-language-server: $schema=…`)
 * and other tools. A file is a patch, so nothing but `question` is required and any field may be
 * `null` (delete: back to the base's or the default value); defaults are shown as `default`.
 */
export function scenarioJsonSchema(): Json {
  const defaults = scenarioDefaults();
  const root = convert(SCENARIO_SCHEMA, defaults, []) as Json;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/india-parcel-sim/scenario.schema.json',
    title: 'India parcel-network simulator scenario',
    ...root,
  };
}

function convert(field: FieldSchema, defaults: unknown, path: string[]): Json {
  const base: Json = { description: field.unit ? `${field.doc} Unit: ${field.unit}.` : field.doc };
  const d = path.length > 0 ? getAt(defaults, path) : undefined;
  if (d !== undefined && field.kind !== 'object') base.default = d;
  switch (field.kind) {
    case 'number':
      return {
        ...base,
        type: field.integer ? 'integer' : 'number',
        ...(field.exclusiveMin ? { exclusiveMinimum: field.min } : { minimum: field.min }),
        maximum: field.max,
      };
    case 'string':
      return {
        ...base,
        type: 'string',
        ...(field.enum && { enum: [...field.enum] }),
        ...(field.format === 'date' && { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
        ...(field.pattern && { pattern: field.pattern.regex }),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'seed':
      return { ...base, type: ['integer', 'string'], minimum: 0 };
    case 'any':
      return base;
    case 'array':
      return {
        ...base,
        type: 'array',
        items: convert(field.items, undefined, []),
        ...(field.minItems !== undefined && { minItems: field.minItems }),
        ...(field.maxItems !== undefined && { maxItems: field.maxItems }),
      };
    case 'object':
      return object(field, defaults, path, base);
    case 'map':
      return { ...base, type: 'object', additionalProperties: nullable(convert(field.values, undefined, [])) };
    case 'union':
      return {
        ...base,
        type: 'object',
        properties: { [field.tag]: { type: 'string', enum: Object.keys(field.variants) } },
        anyOf: Object.entries(field.variants).map(([tag, v]) => {
          const o = object(v, undefined, [], { description: v.doc });
          return { ...o, properties: { ...(o.properties as Json), [field.tag]: { const: tag } } };
        }),
      };
  }
}

function object(field: ObjectField, defaults: unknown, path: string[], base: Json): Json {
  const properties: Json = {};
  for (const [k, child] of Object.entries(field.fields)) properties[k] = nullable(convert(child, defaults, [...path, k]));
  return {
    ...base,
    type: 'object',
    properties,
    additionalProperties: false,
    ...(path.length === 0 && { required: ['question'] }),
  };
}

/** A patch may set any field to null (delete it). */
function nullable(schema: Json): Json {
  // `type: [t, 'null']` rather than anyOf, so editors still complete the fields of t.
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...(schema.type as string[]), 'null'] };
  return schema;
}
