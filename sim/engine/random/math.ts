// Math.log, Math.exp and Math.pow may differ in the last bit between V8 versions (Node against
// Chromium), and one bit is enough to send a parcel down another branch. These pure-JS ports of
// FreeBSD's msun give the same bits everywhere. Math.sqrt, Math.floor, Math.abs and + - * / are
// correctly rounded by IEEE 754 and stay. Sampling code must use nothing else: no `**`, no
// Math.sin or Math.cos (math-purity.test.ts checks).
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibPow from '@stdlib/math-base-special-pow';

/** Natural logarithm, bit-identical on every engine. */
export const ln: (x: number) => number = stdlibLn;

/** e^x, bit-identical on every engine. */
export const exp: (x: number) => number = stdlibExp;

/** base^exponent, bit-identical on every engine. */
export const pow: (base: number, exponent: number) => number = stdlibPow;
