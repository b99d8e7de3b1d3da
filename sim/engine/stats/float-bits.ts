/**
 * Exact float decomposition for the quantile sketch's bucket index, with no Math.log.
 *
 * Why: ECMAScript leaves Math.log, Math.log2, Math.exp and Math.pow "implementation-approximated",
 * so their last bit can differ between V8 versions (Node vs Chromium) or engines. A one-ulp
 * difference can move a value across a bucket boundary and make two machines disagree on a
 * sketch. Reading the exponent and mantissa bits is exact, and the few + - * / used afterwards are
 * correctly rounded IEEE-754 operations, so every engine computes the same bits.
 *
 * Internal to `stats/`; not part of the public API.
 */

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
scratch[0] = 1;
// Typed arrays use the platform's byte order; find which 32-bit word holds sign and exponent.
const HI = words[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** 2^-20, 2^-52 and 2^-64, written as the decimals that parse to exactly those powers of two. */
const TWO_TO_MINUS_20 = 9.5367431640625e-7;
const TWO_TO_MINUS_52 = 2.220446049250313e-16;
const TWO_TO_MINUS_64 = 5.421010862427522e-20;

/**
 * A monotone, piecewise-linear stand-in for log2: for x = 2^e · m with m in [1, 2), returns
 * e + (m − 1). It equals log2 at powers of two and its slope with respect to ln x is m, which lies
 * in [1, 2): an interval of width w on this scale spans at most w on the natural-log scale (the
 * property the sketch's error bound rests on). Precondition: x is a positive normal finite double.
 */
export function log2Linear(x: number): number {
  scratch[0] = x;
  const hi = words[HI]!;
  // m − 1 from the 52 fraction bits: 20 in the high word, 32 in the low one. Both products and
  // their sum are exact (52 significant bits at most). Arithmetic on the words is faster than
  // writing a new exponent and reading the double back, which stalls the CPU's store forwarding.
  return (hi >>> 20) - 1023 + ((hi & 0x000fffff) * TWO_TO_MINUS_20 + words[LO]! * TWO_TO_MINUS_52);
}

/** 2^e for an integer e, built from bits (exact wherever 2^e is a representable double). */
export function pow2(e: number): number {
  if (e > 1023) return Infinity;
  if (e >= -1022) {
    words[HI] = (e + 1023) << 20;
    words[LO] = 0;
    return scratch[0]!;
  }
  // Subnormal powers: build a normal one and scale; the product is exact while representable.
  if (e >= -1074) return pow2(e + 64) * TWO_TO_MINUS_64;
  return 0;
}
