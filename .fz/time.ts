import { loadOrExit } from '../sim/cli/load-or-exit.ts';
for (const ref of ['tiny', 'baseline', 'monsoon-kerala', 'festive-peak', 'kirana-i-have-space']) {
  await loadOrExit(ref, {});
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) await loadOrExit(ref, { set: ['model.policy=kirana'] });
  console.log(ref, ((performance.now() - t0) / 10).toFixed(1), 'ms');
}
