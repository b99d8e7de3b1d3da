import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** package.json's version. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * The commit checked out, read from .git without spawning git (which may be missing, and costs a
 * process): HEAD is either a hash or `ref: refs/heads/…`, found loose or in packed-refs. Null
 * when there is no repository or the ref cannot be found.
 */
export function gitCommit(root = ROOT): string | null {
  try {
    const git = `${root}.git/`;
    if (!existsSync(`${git}HEAD`)) return null;
    const head = readFileSync(`${git}HEAD`, 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (ref === undefined) return null;
    if (existsSync(`${git}${ref}`)) return readFileSync(`${git}${ref}`, 'utf8').trim();
    if (existsSync(`${git}packed-refs`)) {
      for (const line of readFileSync(`${git}packed-refs`, 'utf8').split('\n')) {
        const [hash, name] = line.split(' ');
        if (name === ref && hash !== undefined && /^[0-9a-f]{40}$/.test(hash)) return hash;
      }
    }
    return null;
  } catch {
    return null;
  }
}
