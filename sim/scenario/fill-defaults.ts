import type { FieldSchema } from './field-schema.ts';
import { isPlainObject } from './merge-patch.ts';
import { disruptionDefaults } from './scenario-defaults.ts';

/**
 * Lays merged layers over the defaults: every field the schema knows is present, in schema
 * order (so a manifest reads the same way as SCHEMA.md). A field deleted by `null` in a patch
 * falls back to its default here. Fields the schema does not know are dropped (they were reported
 * as unknown); values of the wrong type are kept as given (they were reported too).
 */
export function fillDefaults(field: FieldSchema, defaults: unknown, merged: unknown): unknown {
  if (merged === undefined) return structuredClone(defaults);
  if (field.kind === 'object' && isPlainObject(merged)) {
    const out: Record<string, unknown> = {};
    const d = isPlainObject(defaults) ? defaults : {};
    for (const [k, child] of Object.entries(field.fields)) {
      const v = fillDefaults(child, d[k], merged[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (field.kind === 'map' && isPlainObject(merged)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(merged)) out[k] = fillDefaults(field.values, undefined, v);
    return out;
  }
  if (field.kind === 'union' && isPlainObject(merged)) {
    const tag = merged[field.tag];
    const variant = typeof tag === 'string' ? field.variants[tag] : undefined;
    return variant === undefined ? structuredClone(merged) : fillDefaults(variant, disruptionDefaults(tag), merged);
  }
  return structuredClone(merged);
}
