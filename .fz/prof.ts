import { loadOrExit } from '../sim/cli/load-or-exit.ts';
await loadOrExit('tiny', {});
const t0 = performance.now();
for (let i = 0; i < 100; i++) await loadOrExit('tiny', { set: ['model.policy=kirana'] });
console.log('tiny', ((performance.now() - t0) / 100).toFixed(1), 'ms');
