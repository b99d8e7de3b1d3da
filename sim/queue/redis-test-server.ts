import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Debian's redis-server, installed when missing. The queue's tests run against a real Redis,
 * never a mock, and CI runs `npm test` as root on a fresh machine, so the tests install the
 * package themselves (as the browser tests do with Chromium); without root they fail with the
 * command to run.
 */
export function ensureRedisServer(): string {
  const found = (): boolean => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (found()) return 'redis-server';
  if (process.getuid?.() !== 0) {
    throw new Error('the queue tests need redis-server: run "apt-get update && apt-get install -y redis-server" as root (the tests do it themselves when run as root)');
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // npm test installs it before the tests start; this is for vitest run alone. Wait for another apt-get rather than fail.
  execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  if (!found()) throw new Error('apt-get installed redis-server, yet it does not run');
  return 'redis-server';
}

export interface TestRedis {
  port: number;
  url: string;
  process: ChildProcess;
  /** Ends it (SIGKILL when `hard`: Redis vanishes as when its machine dies). */
  stop(hard?: boolean): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (free when asked: the caller binds it at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('freePort: no port');
  return address.port;
}

/** A throwaway redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<TestRedis> {
  const binary = ensureRedisServer();
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--maxmemory-policy', 'noeviction'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`redis-server on port ${port} did not start within 10 s:\n${log}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timeout);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`redis-server on port ${port} exited with code ${code}:\n${log}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: child,
    async stop(hard = false) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(hard ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}
