import { parseDocument, parse } from 'yaml';
for (const n of [1000, 10000, 100000]) {
  const t0 = performance.now();
  try { const d = parseDocument('a: ' + '['.repeat(n) + ']'.repeat(n)); console.log(n, 'errors', d.errors.length, d.errors[0]?.message.slice(0,80)); const js = d.toJS(); console.log('toJS ok'); JSON.stringify(js); console.log('json ok'); structuredClone(js); console.log('clone ok'); } catch (e) { console.log(n, 'threw', (e as Error).name, (e as Error).message.slice(0, 100)); }
  console.log((performance.now() - t0).toFixed(0), 'ms');
}
for (const n of [1000, 10000]) {
  try { const d = parseDocument('a:\n' + Array.from({length: n}, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n')); console.log(n, 'map errors', d.errors.length); d.toJS(); console.log('ok'); } catch (e) { console.log(n, 'threw', (e as Error).message.slice(0, 100)); }
}
