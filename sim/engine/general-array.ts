/**
 * An empty array already in V8's most general elements kind (any value). A literal `[]` starts
 * as "small integers" and changes kind, and hidden class, at the first object, `undefined` or
 * fraction stored in it. Code optimised on the arrays of one replication then meets the next
 * replication's fresh arrays, still of the first kind, and is thrown away and compiled again
 * (measured with `--trace-deopt`: "wrong map" / "not a Smi" in `scheduleAt` at every new
 * Simulation). Kinds only ever generalise, so an array emptied after holding `undefined` stays
 * general.
 */
export function generalArray<T>(): T[] {
  const array: T[] = [undefined as T];
  array.length = 0;
  return array;
}
