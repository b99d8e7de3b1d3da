/** A typed array that can grow: the kinds the kernel and the model keep growing tables in. */
type Growable = Float64Array | Int32Array;

/** A copy of `values` in a store of at least `needed` entries, at least doubled so growth is rare. */
export function grown<A extends Growable>(values: A, needed: number): A {
  let size = Math.max(8, values.length * 2);
  while (size < needed) size *= 2;
  const next = new (values.constructor as new (length: number) => A)(size);
  next.set(values);
  return next;
}
