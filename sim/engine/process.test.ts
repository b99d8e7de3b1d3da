import { describe, expect, it } from 'vitest';
import { Interrupt, type ProcessGenerator, Server, Simulation, type SimEvent } from './index.ts';

describe('the process API', () => {
  it('resumes a process after each timeout with the timeout value', () => {
    const sim = new Simulation();
    const log: string[] = [];
    function* clock(name: string, tick: number): ProcessGenerator {
      for (let i = 0; i < 3; i++) {
        const v: string = yield sim.timeout(tick, `${name}${i}`);
        log.push(`${sim.now}:${v}`);
      }
    }
    sim.process(clock('fast', 1));
    sim.process(clock('slow', 2));
    sim.run();
    // At t = 2 slow's timeout goes first: it was scheduled at t = 0, fast's second one at t = 1.
    expect(log).toEqual(['1:fast0', '2:slow0', '2:fast1', '3:fast2', '4:slow1', '6:slow2']);
  });

  it('makes a process an event: another waits for it and receives its return value', () => {
    const sim = new Simulation();
    function* child(): ProcessGenerator<number> {
      yield sim.timeout(7);
      return 42;
    }
    let got: unknown;
    let at = -1;
    sim.process(
      (function* parent(): ProcessGenerator {
        got = yield sim.process(child());
        at = sim.now;
      })(),
    );
    sim.run();
    expect([got, at]).toEqual([42, 7]);
  });

  it('lets a process wait for one that already finished, and go on at once with its value', () => {
    const sim = new Simulation();
    const quick = sim.process(
      (function* (): ProcessGenerator<string> {
        yield sim.timeout(1);
        return 'done early';
      })(),
    );
    let got = '';
    let at = -1;
    sim.process(
      (function* (): ProcessGenerator {
        yield sim.timeout(5);
        got = yield quick;
        at = sim.now;
      })(),
    );
    sim.run();
    expect([got, at, quick.processed]).toEqual(['done early', 5, true]);
  });

  it('holds for a yielded number of minutes, exactly like a timeout of that length', () => {
    const withHold: string[] = [];
    const withTimeout: string[] = [];
    for (const [log, hold] of [[withHold, true], [withTimeout, false]] as const) {
      const sim = new Simulation();
      const wait = (d: number) => (hold ? d : sim.timeout(d));
      for (const name of ['a', 'b']) {
        sim.process(
          (function* (): ProcessGenerator {
            for (let i = 0; i < 3; i++) {
              yield wait(name === 'a' ? 2 : 3);
              log.push(`${sim.now}:${name}`);
            }
          })(),
        );
      }
      sim.run();
    }
    // At 6, b goes first: its wait was scheduled at 3, a's at 4.
    expect(withHold).toEqual(['2:a', '3:b', '4:a', '6:b', '6:a', '9:b']);
    expect(withHold).toEqual(withTimeout);
  });

  it('interrupts a holding process; the abandoned wake-up does not resume it again', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const p = sim.process(
      (function* (): ProcessGenerator {
        try {
          yield 100;
        } catch (e) {
          log.push(`${sim.now}:${(e as Interrupt).cause}`);
        }
        yield 200; // still holding when the first hold's wake-up comes at 100
        log.push(`${sim.now}:done`);
      })(),
    );
    sim.schedule(10, () => p.interrupt('hub closed'));
    sim.run();
    expect(log).toEqual(['10:hub closed', '210:done']);
  });

  it('anyOf fires at the first event and tells which; allOf waits for all', () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.process(
      (function* (): ProcessGenerator {
        const a = sim.timeout(3, 'a');
        const b = sim.timeout(5, 'b');
        const first: Map<SimEvent<any>, unknown> = yield sim.anyOf([a, b]);
        log.push(`${sim.now}:any:${[...first.values()].join(',')}:${first.has(b)}`);
        const all: Map<SimEvent<any>, unknown> = yield sim.allOf([a, b, sim.timeout(4, 'c')]);
        log.push(`${sim.now}:all:${[...all.values()].join(',')}`);
      })(),
    );
    sim.run();
    expect(log).toEqual(['3:any:a:false', '7:all:a,b,c']);
  });

  it('interrupts a waiting process, which stops waiting and can carry on', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const worker = sim.process(
      (function* (): ProcessGenerator {
        try {
          yield sim.timeout(100);
          log.push('not reached');
        } catch (e) {
          if (!(e instanceof Interrupt)) throw e;
          log.push(`${sim.now}:interrupted by ${String(e.cause)}`);
        }
        yield sim.timeout(5);
        log.push(`${sim.now}:done`);
      })(),
    );
    sim.process(
      (function* (): ProcessGenerator {
        yield sim.timeout(10);
        worker.interrupt('monsoon');
      })(),
    );
    sim.run();
    expect(log).toEqual(['10:interrupted by monsoon', '15:done']);
    expect(sim.now).toBe(100); // the abandoned timeout still fires, harmlessly
  });

  it('throws a failed event into the waiting process, and out of run() when nobody handles it', () => {
    const sim = new Simulation();
    const signal = sim.event<string>();
    let caught = '';
    sim.process(
      (function* (): ProcessGenerator {
        try {
          yield signal;
        } catch (e) {
          caught = (e as Error).message;
        }
      })(),
    );
    sim.schedule(2, () => signal.fail(new Error('bridge down')));
    sim.run();
    expect(caught).toBe('bridge down');

    const sim2 = new Simulation();
    sim2.process(
      (function* (): ProcessGenerator {
        yield sim2.timeout(1);
        throw new Error('parcel lost');
      })(),
    );
    expect(() => sim2.run()).toThrow('parcel lost');
  });

  it('explains what was wrong when a process yields something that is not an event', () => {
    const sim = new Simulation();
    sim.process(
      (function* (): ProcessGenerator {
        yield 'five' as unknown as SimEvent;
      })(),
      'courier',
    );
    expect(() => sim.run()).toThrow(/process "courier" yielded string five; yield an event .* or a number of minutes ≥ 0/);
    const sim2 = new Simulation();
    sim2.process(
      (function* (): ProcessGenerator {
        yield -3;
      })(),
      'rider',
    );
    expect(() => sim2.run()).toThrow(/process "rider" yielded number -3/);
    expect(() => sim.process((() => 1) as unknown as ProcessGenerator)).toThrow(/expected a generator object/);
  });

  it('runs a hand-written iterator as a process, passing values and thrown errors through', () => {
    // Not a native generator: a state machine with next/throw/return, as a transpiler might emit.
    const sim = new Simulation();
    const log: string[] = [];
    let step = 0;
    const iterator = {
      next(value?: unknown): IteratorResult<number | SimEvent<any>, string> {
        step++;
        if (step === 1) return { done: false, value: 2 };
        if (step === 2) return { done: false, value: sim.timeout(3, 'parcel') };
        log.push(`${sim.now}:${String(value)}`);
        return { done: true, value: 'delivered' };
      },
      throw(error: unknown): IteratorResult<number | SimEvent<any>, string> {
        throw error;
      },
      return(value: string): IteratorResult<number | SimEvent<any>, string> {
        return { done: true, value };
      },
      [Symbol.iterator]() {
        return this;
      },
    } as unknown as ProcessGenerator<string>;
    const courier = sim.process(iterator);
    sim.run();
    expect(log).toEqual(['5:parcel']);
    expect(courier.value).toBe('delivered');
  });

  it('serves requests of a priority server lowest number first, FIFO within a priority', () => {
    const sim = new Simulation();
    const server = new Server(sim, { capacity: 1, discipline: 'priority' });
    const log: string[] = [];
    function* job(name: string, priority: number, arrive: number): ProcessGenerator {
      yield sim.timeout(arrive);
      const req = yield server.request(priority);
      log.push(`${sim.now}:${name}`);
      yield sim.timeout(10);
      server.release(req);
    }
    sim.process(job('first', 5, 0));
    sim.process(job('low', 5, 1));
    sim.process(job('high', 1, 2));
    sim.process(job('high2', 1, 3));
    sim.process(job('low2', 5, 4));
    sim.run();
    expect(log).toEqual(['0:first', '10:high', '20:high2', '30:low', '40:low2']);
  });

  it('withdraws a request that loses a race against a timeout (reneging)', () => {
    const sim = new Simulation();
    const server = new Server(sim, { capacity: 1 });
    const log: string[] = [];
    function* customer(name: string, patience: number): ProcessGenerator {
      const req = server.request();
      const result: Map<SimEvent<any>, unknown> = yield sim.anyOf([req, sim.timeout(patience)]);
      if (!result.has(req)) {
        server.release(req);
        log.push(`${sim.now}:${name} reneged`);
        return;
      }
      log.push(`${sim.now}:${name} served`);
      yield sim.timeout(10);
      server.release(req);
    }
    sim.process(customer('a', 100));
    sim.process(customer('b', 3));
    sim.process(customer('c', 50));
    sim.run();
    expect(log).toEqual(['0:a served', '3:b reneged', '10:c served']);
    expect(server.queueLength).toBe(0);
    expect(server.busy).toBe(0);
  });
});
