// comlink ships `node-adapter.mjs` with a `node-adapter.d.ts` beside it; TypeScript looks for
// `.d.mts` next to an `.mjs`, so point it at the shipped types.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
