/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort` does) at every
 * depth, no whitespace: two scenarios that are the same data give the same string, however they
 * were written or merged. Arrays keep their order (order is meaning there). Values JSON cannot
 * carry are refused rather than silently changed (JSON.stringify would turn NaN into null and
 * drop undefined), since a hash over a lossy form could make two different scenarios collide.
 * An imported file, `{ sha256, content }`, is written as its hash alone: the hash names the
 * content, and a national network's files (~15 MB) hashed for every job would cost more than the
 * replication.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} must be a finite number, given ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: ${path} must be a plain object, array, string, number, boolean or null, given ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    const imported = typeof record.sha256 === 'string' && 'content' in record;
    for (const key of Object.keys(record).sort()) {
      // An absent optional field and `undefined` mean the same thing: leave both out.
      if (record[key] === undefined || (imported && key === 'content')) continue;
      parts.push(`${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${path} must be a plain object, array, string, number, boolean or null, given ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return (value as object).constructor?.name ?? 'object';
  return typeof value;
}
