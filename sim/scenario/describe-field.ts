import { parseIsoDate } from '../engine/index.ts';
import type { FieldSchema, NumberField } from './field-schema.ts';

/** What is valid for a field, in words: "an integer in [1, 1000]", "one of amazon, kirana". */
export function describeField(field: FieldSchema): string {
  switch (field.kind) {
    case 'number':
      return describeNumber(field);
    case 'string':
      if (field.enum) return `one of ${field.enum.join(', ')}`;
      if (field.format === 'date') return 'an ISO date YYYY-MM-DD';
      if (field.pattern) return `a string of ${field.pattern.meaning}`;
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'seed':
      return 'an integer ≥ 0 or a string';
    case 'array': {
      const n = field.minItems !== undefined && field.minItems === field.maxItems ? `${field.minItems} ` : field.minItems ? 'a non-empty ' : '';
      let list = n === '' ? 'a list' : n === 'a non-empty ' ? 'a non-empty list' : `a list of ${n}items`;
      if (field.maxItems !== undefined && field.minItems !== field.maxItems) list += ` of at most ${field.maxItems.toLocaleString('en-US')} items`;
      return `${list}${field.ascending ? ', ascending,' : ''} of ${plural(describeField(field.items))}`;
    }
    case 'object':
      return `an object with fields ${Object.keys(field.fields).join(', ')}`;
    case 'map':
      return `an object keyed by ${field.key}`;
    case 'union':
      return `an object with ${field.tag}: ${Object.keys(field.variants).join(' | ')}`;
    case 'any':
      return 'anything';
  }
}

function describeNumber(f: NumberField): string {
  const what = f.integer ? 'an integer' : 'a number';
  const lo = f.exclusiveMin ? '(' : '[';
  const unit = f.unit && f.unit !== 'share' ? ` (${f.unit})` : '';
  if (f.unit === 'share' && f.min === 0 && f.max === 1 && !f.exclusiveMin) return 'a share in [0, 1]';
  return `${what} in ${lo}${fmt(f.min)}, ${fmt(f.max)}]${unit}`;
}

const fmt = (x: number): string => (Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(x));

/** "an integer in [0, 10]" → "integers in [0, 10]", roughly: for "a list of …". */
function plural(text: string): string {
  return text.replace(/^an? (integer|number|share|string|ISO date|object)/, (_, w: string) => `${w}s`).replace(/^one of/, 'values among');
}

/** A value as a person would type it: strings quoted, objects as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Whether `value` fits a leaf field (number, string, boolean, seed); objects and arrays are checked by the walker. */
export function leafProblem(field: FieldSchema, value: unknown): string | undefined {
  const bad = (): string => `must be ${describeField(field)}, given ${showValue(value)}`;
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad();
      if (field.integer && !Number.isInteger(value)) return bad();
      if ((field.exclusiveMin ? value <= field.min : value < field.min) || value > field.max) return bad();
      return undefined;
    }
    case 'string': {
      if (typeof value !== 'string') return bad();
      if (field.enum && !field.enum.includes(value)) return bad();
      if (field.format === 'date') {
        try {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error();
          parseIsoDate(value);
          // parseIsoDate may roll 2024-02-30 over to March: a date must survive the round trip.
          const d = new Date(`${value}T00:00:00Z`);
          if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new Error();
        } catch {
          return bad();
        }
      }
      if (field.pattern && !new RegExp(field.pattern.regex).test(value)) return bad();
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : bad();
    case 'seed':
      return (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER) || (typeof value === 'string' && value !== '') ? undefined : bad();
    default:
      return undefined;
  }
}
