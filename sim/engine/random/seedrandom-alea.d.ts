// @types/seedrandom types only the package root, whose default generator is the slow ARC4; we
// import Alea's own file, so it needs its own declaration.
declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
  }
  function alea(seed?: string): AleaPrng;
  export = alea;
}
