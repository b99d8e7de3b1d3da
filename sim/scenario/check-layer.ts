import type { FieldSchema, ObjectField } from './field-schema.ts';
import { describeField, leafProblem, showValue } from './describe-field.ts';
import { didYouMean } from './did-you-mean.ts';
import { type FieldPath, formatPath, getAt } from './field-path.ts';
import { isPlainObject } from './merge-patch.ts';
import type { ScenarioIssue } from './scenario.ts';
import type { ScenarioLayer } from './scenario-layer.ts';

/**
 * Checks one layer against the schema: unknown fields (with a did-you-mean), types, ranges,
 * enums, dates, list lengths and order. A layer is a patch, so fields may be missing (required
 * fields are checked once the layers are merged) and `null` deletes. A disruption that names no
 * `type` in this layer is checked as the type it has once merged.
 */
export function checkLayer(layer: ScenarioLayer, schema: ObjectField, merged: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  checkValue(schema, layer.data, [], merged, schema, (path, message, key = false) => {
    issues.push({ path: formatPath(path), message, at: layer.locate(path, key) });
  });
  return issues;
}

/** Receives each problem: where (and whether the key rather than the value is at fault) and what. */
export type Report = (path: FieldPath, message: string, key?: boolean) => void;

/** Checks `value` against `field` at `path`, reporting each problem; `root` is searched for a field put at the wrong level. */
export function checkValue(field: FieldSchema, value: unknown, path: FieldPath, merged: unknown, root: ObjectField, report: Report): void {
  const walk = (field: FieldSchema, value: unknown, path: FieldPath, inList: boolean): void => {
    if (value === null && !inList && path.length > 0) return;
    switch (field.kind) {
      case 'array': {
        if (!Array.isArray(value)) return report(path, `must be ${describeField(field)}, given ${showValue(value)}`);
        if ((field.minItems !== undefined && value.length < field.minItems) || (field.maxItems !== undefined && value.length > field.maxItems)) {
          return report(path, `must be ${describeField(field)}, given ${value.length} item${value.length === 1 ? '' : 's'}: ${showValue(value)}`);
        }
        value.forEach((item, i) => walk(field.items, item, [...path, i], true));
        if (field.ascending) {
          value.forEach((item, i) => {
            const before = value[i - 1];
            if (i > 0 && typeof item === 'number' && typeof before === 'number' && !(item > before)) report([...path, i], `must be greater than the one before (${before}), given ${item}`);
          });
        }
        return;
      }
      case 'object': {
        if (!isPlainObject(value)) return report(path, `must be ${describeField(field)}, given ${showValue(value)}`);
        for (const [k, v] of Object.entries(value)) {
          const child = field.fields[k];
          if (child === undefined) report([...path, k], unknownField(k, field, path, root), true);
          else walk(child, v, [...path, k], false);
        }
        return;
      }
      case 'map': {
        if (!isPlainObject(value)) return report(path, `must be ${describeField(field)}, given ${showValue(value)}`);
        for (const [k, v] of Object.entries(value)) walk(field.values, v, [...path, k], false);
        return;
      }
      case 'union': {
        if (!isPlainObject(value)) return report(path, `must be ${describeField(field)}, given ${showValue(value)}`);
        const tag = value[field.tag] ?? (getAt(merged, [...path, field.tag]) as unknown);
        const variants = Object.keys(field.variants);
        if (typeof tag === 'string' && Object.hasOwn(field.variants, tag)) return walk(field.variants[tag]!, value, path, false);
        if (tag !== undefined && tag !== null) {
          const hint = typeof tag === 'string' ? didYouMean(tag, variants) : undefined;
          report([...path, field.tag], `must be one of ${variants.join(', ')}, given ${showValue(tag)}${hint ? ` (did you mean "${hint}"?)` : ''}`);
        }
        // Without a usable tag, check the fields against every variant: a field no variant knows is still a typo.
        const all: ObjectField = { kind: 'object', doc: '', fields: Object.assign({}, ...Object.values(field.variants).map((v) => v.fields)) };
        for (const k of Object.keys(value)) if (!Object.hasOwn(all.fields, k)) report([...path, k], unknownField(k, all, path, root), true);
        return;
      }
      default: {
        const problem = leafProblem(field, value);
        if (problem === undefined) return;
        const hint = field.kind === 'string' && field.enum && typeof value === 'string' ? didYouMean(value, field.enum) : undefined;
        report(path, hint ? `${problem} (did you mean "${hint}"?)` : problem);
      }
    }
  };
  walk(field, value, path, false);
}

function unknownField(key: string, parent: ObjectField, path: FieldPath, root: ObjectField): string {
  const names = Object.keys(parent.fields);
  const near = didYouMean(key, names);
  const elsewhere = near === undefined ? fieldIndex(root).get(key.toLowerCase()) : undefined;
  const hint = near !== undefined ? ` (did you mean "${near}"?)` : elsewhere !== undefined ? ` (it belongs in ${elsewhere})` : '';
  return `unknown field "${key}"${hint}; valid fields${path.length > 0 ? ` in ${formatPath(path)}` : ''}: ${names.join(', ')}`;
}

const indexes = new WeakMap<ObjectField, Map<string, string>>();

/** Field name (lower case) → the first path where the schema has it, to catch a field put at the wrong level (`policy` → `model.policy`). */
function fieldIndex(root: ObjectField): Map<string, string> {
  let index = indexes.get(root);
  if (index !== undefined) return index;
  const found = new Map<string, string>();
  const visit = (field: FieldSchema, path: string[]): void => {
    if (field.kind === 'object') {
      for (const [k, f] of Object.entries(field.fields)) {
        const p = [...path, k];
        if (!found.has(k.toLowerCase())) found.set(k.toLowerCase(), p.join('.'));
        visit(f, p);
      }
    } else if (field.kind === 'map') visit(field.values, [...path, `<${field.key.replace(/^an? /, '')}>`]);
    else if (field.kind === 'union') for (const variant of Object.values(field.variants)) visit(variant, path);
  };
  visit(root, []);
  index = found;
  indexes.set(root, index);
  return index;
}
