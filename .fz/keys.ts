import { parseDocument } from 'yaml';
for (const n of [2000, 5000, 10000, 20000, 100000]) {
  const many = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
  let t0 = performance.now(); parseDocument(many, { prettyErrors: false, uniqueKeys: false }); console.log(n, 'keys', (performance.now() - t0).toFixed(0), 'ms', many.length, 'bytes');
}
