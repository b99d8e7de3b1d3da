import type { ReplicationOutput } from './protocol.ts';

/**
 * One replication's output as text and back, exactly: JSON, except that the numbers JSON cannot
 * hold (NaN, ±Infinity, −0) are written as `{"$number":"NaN"}` and so on. Plain JSON would turn
 * them into null or 0, and a summary or table computed from outputs that travelled through a file
 * or Redis would then differ from the local run's by a byte. Objects of the shape
 * `{"$number": …}` never occur in outputs (metrics are numbers, tables plain columns).
 */
export function encodeOutput(output: ReplicationOutput): string {
  return JSON.stringify(output, (_key, value: unknown) => (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { $number: Object.is(value, -0) ? '-0' : String(value) } : value));
}

export function decodeOutput(text: string): ReplicationOutput {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const tag = (value as { $number?: unknown }).$number;
      if (keys.length === 1 && typeof tag === 'string' && SPECIAL.has(tag)) return SPECIAL.get(tag);
    }
    return value;
  }) as ReplicationOutput;
}

const SPECIAL = new Map<string, number>([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
]);
