import { describe, expect, it } from 'vitest';
import { Container, type ProcessGenerator, Simulation, Store } from './index.ts';

describe('Store and Container', () => {
  it('a bounded store makes producers wait for room and consumers wait for items', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim, { capacity: 2 });
    const log: string[] = [];
    sim.process(
      (function* (): ProcessGenerator {
        for (const p of ['p1', 'p2', 'p3', 'p4']) {
          yield store.put(p);
          log.push(`${sim.now}:put ${p}`);
        }
      })(),
    );
    sim.process(
      (function* (): ProcessGenerator {
        for (let i = 0; i < 4; i++) {
          yield sim.timeout(5);
          const item: string = yield store.get();
          log.push(`${sim.now}:got ${item}`);
        }
      })(),
    );
    sim.run();
    expect(log).toEqual([
      '0:put p1', '0:put p2',
      // The get frees the room the waiting put needs, so the put completes right after it.
      '5:got p1', '5:put p3',
      '10:got p2', '10:put p4',
      '15:got p3', '20:got p4',
    ]);
  });

  it('a filtered get takes the first matching item and does not block other getters', () => {
    const sim = new Simulation();
    const store = new Store<{ id: number; cod: boolean }>(sim);
    const got: string[] = [];
    store.getItem((who: string, item) => got.push(`${who}:${item.id}`), 'cod-only', (p) => p.cod);
    store.getItem((who: string, item) => got.push(`${who}:${item.id}`), 'any');
    store.putItem({ id: 1, cod: false });
    store.putItem({ id: 2, cod: false });
    store.putItem({ id: 3, cod: true });
    expect(got).toEqual(['any:1', 'cod-only:3']);
    expect(store.items.map((p) => p.id)).toEqual([2]);
  });

  it('a container lets a get wait until the level suffices, first come first served', () => {
    const sim = new Simulation();
    const cash = new Container(sim, { capacity: 100, initial: 10, name: 'cash' });
    const log: string[] = [];
    cash.getAmount(30, (who: string, n) => log.push(`${sim.now}:${who} took ${n}`), 'A');
    cash.getAmount(5, (who: string, n) => log.push(`${sim.now}:${who} took ${n}`), 'B');
    sim.schedule(4, () => cash.putAmount(25, () => log.push(`${sim.now}:put 25`)));
    sim.run();
    // B could be served from 10, but A is ahead of it; at t=4 the level is 35: A takes 30, then B 5.
    expect(log).toEqual(['4:put 25', '4:A took 30', '4:B took 5']);
    expect(cash.level).toBe(0);
    expect(() => cash.getAmount(101, () => {})).toThrow(/container "cash": get amount must be in \(0, 100\], given 101/);
  });
});
