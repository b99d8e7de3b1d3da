import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { RedisAddress } from './redis-url.ts';

/** How long Redis may stay silent before a run or a worker gives up on it (documented in docs/scale-out.md). */
export const REDIS_GRACE_MS = 10_000;

/** Redis cannot be reached, or stopped answering: the message says where and why (exit 1). */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

/**
 * Connection options for BullMQ's own connections: retry forever, quickly (BullMQ's blocking
 * connections need `maxRetriesPerRequest: null`); whether Redis is really gone is decided by a
 * `RedisLink` beside them, which then closes everything.
 */
export function connectionOptions(a: RedisAddress): BullRedisOptions {
  return {
    ...addressOptions(a),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(200 * times, 1000),
  };
}

function addressOptions(a: RedisAddress) {
  return {
    host: a.host,
    port: a.port,
    db: a.db,
    ...(a.username !== undefined && { username: a.username }),
    ...(a.password !== undefined && { password: a.password }),
    ...(a.tls && { tls: {} }),
  };
}

/** Errors that will not go away by waiting: nothing listens there, no such host, wrong credentials. */
const HOPELESS = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|NOAUTH|WRONGPASS|invalid password|ERR AUTH/i;

/**
 * A plain connection that watches Redis: `open` fails fast (QueueUnavailableError) when Redis
 * cannot be reached, and once open it pings every second; when no ping has been answered for
 * `graceMs` it calls `onLost` once, so the run or worker stops with a clear error instead of
 * waiting forever. Its client also serves small commands (outputs).
 */
// Elapsed times on the monotonic clock (performance.now): a wall clock set back or forward by NTP
// must not declare Redis lost, and sim/ reads no wall clock (DESIGN.md, determinism).
export class RedisLink {
  private timer: NodeJS.Timeout | undefined;
  private lastOk = performance.now();
  private lastTick = performance.now();
  private lastError = 'no answer';
  private lost = false;

  private constructor(
    readonly client: Redis,
    private readonly address: RedisAddress,
  ) {}

  static async open(address: RedisAddress, onLost: (error: QueueUnavailableError) => void, graceMs = REDIS_GRACE_MS): Promise<RedisLink> {
    const client = new Redis({ ...addressOptions(address), lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, retryStrategy: () => 500 });
    const link = new RedisLink(client, address);
    client.on('error', (error: Error) => {
      link.lastError = error.message || error.name;
    });
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timeout);
        client.off('ready', ready);
        client.off('error', failFast);
        client.disconnect();
        const hint = /NOAUTH|WRONGPASS|password|AUTH/i.test(why) ? 'give the password in the URL: redis://:PASSWORD@HOST:PORT' : 'is redis-server running there, and reachable from this machine?';
        reject(new QueueUnavailableError(`cannot reach Redis at ${address.shown}: ${why.replace(/\.$/, '')}; ${hint}`));
      };
      const ready = (): void => {
        clearTimeout(timeout);
        client.off('error', failFast);
        resolve();
      };
      const failFast = (error: Error): void => {
        if (HOPELESS.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)) fail(error.message);
      };
      const timeout = setTimeout(() => fail(`no answer within ${graceMs / 1000} s (${link.lastError})`), graceMs);
      client.once('ready', ready);
      client.on('error', failFast);
      client.connect().catch(() => {}); // failures arrive as 'error' events
    });
    link.lastOk = performance.now();
    link.lastTick = performance.now();
    // Not unref'd: while a run waits on Redis, this timer alone may be what keeps the process alive to notice.
    link.timer = setInterval(() => link.check(onLost, graceMs), 1000);
    return link;
  }

  private check(onLost: (error: QueueUnavailableError) => void, graceMs: number): void {
    if (this.lost) return;
    const now = performance.now();
    // A tick seconds late means this process was not running (a blocked event loop, a suspended
    // machine), not that Redis was silent: give Redis a fresh grace from now.
    if (now - this.lastTick > 3000) this.lastOk = now;
    this.lastTick = now;
    if (now - this.lastOk > graceMs) {
      this.lost = true;
      this.close();
      onLost(new QueueUnavailableError(`lost Redis at ${this.address.shown}: no answer for ${graceMs / 1000} s (${this.lastError})`));
      return;
    }
    const ping = this.client.ping();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 2000).unref());
    Promise.race([ping, timeout]).then(
      () => {
        this.lastOk = performance.now();
      },
      (error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
      },
    );
  }

  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.client.disconnect();
  }
}
