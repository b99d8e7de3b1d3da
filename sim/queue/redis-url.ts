/** Where Redis is, from a `--queue` URL. */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL without its password, for messages, logs and manifests. */
  shown: string;
}

/**
 * `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS), as Redis clients write it;
 * port 6379 and database 0 by default. Anything else throws a RangeError naming the value and
 * what is valid.
 */
export function parseRedisUrl(text: string): RedisAddress {
  const bad = (why: string): never => {
    throw new RangeError(`--queue ${JSON.stringify(text)}: ${why}; give redis://HOST:PORT (e.g. redis://127.0.0.1:6379, redis://:password@queue.example:6379/2, or rediss:// for TLS)`);
  };
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    bad('is not a URL');
  }
  const u = url!;
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') bad(`has scheme ${u.protocol.replace(/:$/, '')}, not redis or rediss`);
  if (u.hostname === '') bad('names no host');
  const port = u.port === '' ? 6379 : Number(u.port);
  const path = u.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : /^\d+$/.test(path) ? Number(path) : Number.NaN;
  if (!Number.isInteger(db)) bad(`has path /${path}, where only a database number may stand`);
  if (u.search !== '' || u.hash !== '') bad('has a query or fragment, which is not read');
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const address: RedisAddress = { host, port, db, tls: u.protocol === 'rediss:', shown: `${u.protocol}//${u.username === '' ? '' : `${decodeURIComponent(u.username)}@`}${u.host}${db === 0 ? '' : `/${db}`}` };
  if (u.username !== '') address.username = decodeURIComponent(u.username);
  if (u.password !== '') address.password = decodeURIComponent(u.password);
  return address;
}
