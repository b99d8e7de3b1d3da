import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Debian's Chromium, installed when missing. Playwright's own browser download cannot work on
 * these machines (closed network), and CI runs as root, so the test installs the package itself
 * rather than skipping; without root it fails with the command to run.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`browser tests need ${CHROMIUM}: run "apt-get update && apt-get install -y chromium" as root (the tests do it themselves when run as root)`);
  }
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** The production build (`npm run build:viz`) into dist/viz; what the tests serve. */
export async function buildViz(): Promise<string> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'viz/vite.config.ts'), logLevel: 'warn' });
  return join(root, 'dist/viz');
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv', '.png': 'image/png' };

/**
 * Serves `dir` under a sub-path (`/some/where/`) on 127.0.0.1, so the test proves the build's
 * asset paths are relative (an absolute `/assets/…` would 404 there).
 */
export async function serveStatic(dir: string, prefix = '/some/where/'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${prefix}`, server };
}

/** Headless Chromium with the flags this machine needs (closed network) and a fresh profile. */
export async function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'viz-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Opens the app at `url` in a new page of `context`, collecting its console errors and uncaught
 * exceptions into `errors`, and waits until it is ready (and, with `network`, until the national
 * network is drawn).
 */
export async function openApp(context: BrowserContext, url: string, errors: string[], network = false): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.evaluate(() => (globalThis as unknown as { viz: { ready: Promise<void> } }).viz.ready);
  if (network) await page.evaluate(() => (globalThis as unknown as { viz: { networkReady: Promise<void> } }).viz.networkReady);
  return page;
}
