import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from './index.ts';

describe('parseRedisUrl', () => {
  it('reads host, port, database, credentials and TLS, and never shows the password', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6390')).toEqual({ host: '127.0.0.1', port: 6390, db: 0, tls: false, shown: 'redis://127.0.0.1:6390' });
    expect(parseRedisUrl('redis://queue.example')).toMatchObject({ host: 'queue.example', port: 6379, db: 0 });
    const secret = parseRedisUrl('rediss://sim:p%40ss@10.0.0.5:6380/2');
    expect(secret).toEqual({ host: '10.0.0.5', port: 6380, db: 2, tls: true, username: 'sim', password: 'p@ss', shown: 'rediss://sim@10.0.0.5:6380/2' });
    expect(parseRedisUrl('redis://:only-a-password@[::1]:6379')).toMatchObject({ host: '::1', password: 'only-a-password', shown: 'redis://[::1]:6379' });
  });

  it('refuses anything else, naming the value and showing what is valid', () => {
    for (const [text, why] of [
      ['localhost:6379', 'has scheme localhost, not redis or rediss'],
      ['http://x', 'has scheme http'],
      ['redis://h/abc', 'has path /abc, where only a database number may stand'],
      ['redis://h?db=2', 'has a query or fragment'],
      ['not a url', 'is not a URL'],
    ]) {
      expect(() => parseRedisUrl(text!), text).toThrow(`--queue ${JSON.stringify(text)}: ${why}`);
      expect(() => parseRedisUrl(text!)).toThrow('give redis://HOST:PORT');
    }
  });
});
