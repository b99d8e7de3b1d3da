#!/usr/bin/env node
// `npm test`: installs what the tests need when it is missing, then typechecks and runs every test.
// Plain JavaScript on purpose: it must run on a fresh clone before `npm ci` has installed tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Dependencies: install from the lock file when node_modules is missing or older than the lock.
const marker = join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(marker) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log('npm test: installing dependencies (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
}

// The queue tests run against Debian's redis-server. Installed here, before any test starts, so
// it never races another apt-get (the browser tests install Chromium); sim/queue/redis-test-server.ts
// installs it too when vitest runs alone.
if (process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log('npm test: installing redis-server (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
run(join(root, 'node_modules', '.bin', 'vitest'), ['run', ...process.argv.slice(2)]);
