import type { ReplicationOutput } from './protocol.ts';

/**
 * JSON that keeps every number exactly: the numbers JSON cannot hold (NaN, ±Infinity, −0) are
 * written as `{"$number":"NaN"}` and so on. Plain JSON would turn them into null or 0, and a
 * summary or table computed from outputs that travelled through a file or Redis would then differ
 * from the local run's by a byte. Objects of the shape `{"$number": …}` never occur in outputs
 * (metrics are numbers, tables plain columns).
 */
export function exactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { $number: Object.is(v, -0) ? '-0' : String(v) } : v));
}

/** Reads what `exactJson` wrote. */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const tag = (value as { $number?: unknown }).$number;
      if (typeof tag === 'string' && SPECIAL.has(tag) && Object.keys(value).length === 1) return SPECIAL.get(tag);
    }
    return value;
  });
}

/** One replication's output as text and back, exactly (see `exactJson`). */
export function encodeOutput(output: ReplicationOutput): string {
  return exactJson(output);
}

export function decodeOutput(text: string): ReplicationOutput {
  return parseExactJson(text) as ReplicationOutput;
}

const SPECIAL = new Map<string, number>([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
]);
