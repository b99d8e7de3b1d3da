import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './exit-codes.ts';

/**
 * `sim viz [result-dir...]`: serves the browser app on 127.0.0.1 only (Vite's dev server) and
 * prints the address; each result folder opens in the page (`?result=`), read through Vite's
 * `/@fs/` route, which the app's config allows for the project's own folders.
 */
export async function vizCommand(args: { dirs: string[]; port?: number }): Promise<void> {
  const project = fileURLToPath(new URL('../..', import.meta.url));
  const dirs = args.dirs.map((d) => resolve(d));
  for (const dir of dirs) {
    if (!existsSync(resolve(dir, 'summary.json'))) {
      throw new UsageError(`sim viz: ${dir} is not a result folder (no summary.json)`);
    }
  }
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: resolve(project, 'viz/vite.config.ts'),
    server: { host: '127.0.0.1', port: args.port ?? 5173, fs: { allow: [project, ...dirs] } },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${args.port ?? 5173}/`;
  const query = dirs.map((d) => `result=${encodeURIComponent(`/@fs${d}`)}`).join('&');
  console.log(`viz: ${base}${query === '' ? '' : `?${query}`}`);
  console.log('(serving on 127.0.0.1 only; Ctrl-C stops)');
}
