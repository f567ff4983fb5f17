import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAllServers,
  fetchFailure,
  loopbackFetcher,
  startHttpServer,
} from './local-servers.ts';

afterEach(closeAllServers);

/** A resolver that answers every name with the given addresses and records what was asked. */
function fakeDns(...addresses: string[]): LookupFunction & { asked: string[] } {
  const asked: string[] = [];
  const lookup = ((hostname, _options, callback) => {
    asked.push(hostname);
    const answer: LookupAddress[] = addresses.map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    queueMicrotask(() => callback(null, answer));
  }) as LookupFunction;
  return Object.assign(lookup, { asked });
}

const brokenDns = ((_hostname, _options, callback) => {
  const error = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
  queueMicrotask(() => callback(error, []));
}) as LookupFunction;

describe('createHttpFetcher: addresses behind host names', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['10.0.0.5', 'a private-network address'],
    ['169.254.169.254', 'a link-local address'],
  ])('refuses a public-looking host that resolves to %s', async (address, description) => {
    const server = await startHttpServer((_request, response) => response.end('internal'));
    const lookup = fakeDns(address);

    const url = `http://news.example:${server.port}/live`;
    const error = await fetchFailure(loopbackFetcher({ allowPrivate: false, lookup })({ url }));

    expect(error.kind).toBe('blocked-address');
    expect(error.message).toBe(
      `refusing to fetch ${url}: it resolves to ${address}, ${description} ` +
        '(set ALLOW_PRIVATE_SOURCES to allow it)',
    );
    expect(lookup.asked).toEqual(['news.example']);
    expect(server.requests).toHaveLength(0);
  });

  it('connects to the resolved address when the operator allows its range', async () => {
    const server = await startHttpServer((_request, response) => response.end('snapshot'));
    const lookup = fakeDns('127.0.0.1');

    const url = `http://blog-mirror.internal:${server.port}/`;
    const result = await loopbackFetcher({ lookup })({ url });

    expect(result.status === 'ok' && Buffer.from(result.body).toString()).toBe('snapshot');
    expect(server.requests[0]?.headers.host).toBe(`blog-mirror.internal:${server.port}`);
  });

  it('connects only to the allowed address when a name resolves to several', async () => {
    const allowed = await startHttpServer((_request, response) => response.end('allowed'));
    // Same port on another loopback address: connecting there would answer differently.
    const refused = await startHttpServer(
      (_request, response) => response.end('refused'),
      '127.0.0.2',
      allowed.port,
    );
    const lookup = fakeDns('127.0.0.2', '10.0.0.5', '127.0.0.1');

    const url = `http://mixed.example:${allowed.port}/`;
    const result = await loopbackFetcher({ lookup })({ url });

    expect(result.status === 'ok' && Buffer.from(result.body).toString()).toBe('allowed');
    expect(refused.requests).toHaveLength(0);
  });

  it('reports a name that does not resolve', async () => {
    const url = 'http://no-such-host.example/';
    const error = await fetchFailure(loopbackFetcher({ lookup: brokenDns })({ url }));

    expect(error.kind).toBe('dns');
    expect(error.message).toBe(`could not find the address of ${url} (ENOTFOUND)`);
  });
});

describe('createHttpFetcher: literal addresses', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1', 'a loopback address'],
    ['[::1]', '::1', 'a loopback address'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1', 'a loopback address'],
    ['2130706433', '127.0.0.1', 'a loopback address'],
    ['0x7f.1', '127.0.0.1', 'a loopback address'],
    ['0.0.0.0', '0.0.0.0', 'an unspecified address'],
    ['10.0.0.5', '10.0.0.5', 'a private-network address'],
    ['169.254.169.254', '169.254.169.254', 'a link-local address'],
    ['[fc00::1]', 'fc00::1', 'a unique-local (private IPv6) address'],
  ])('refuses http://%s without connecting', async (host, shown, description) => {
    const server = await startHttpServer((_request, response) => response.end('internal'));
    const lookup = fakeDns('127.0.0.1');

    const fetchSource = loopbackFetcher({ allowPrivate: false, lookup });
    const error = await fetchFailure(fetchSource({ url: `http://${host}:${server.port}/` }));

    expect(error.kind).toBe('blocked-address');
    expect(error.message).toContain(`: ${shown} is ${description} (set ALLOW_PRIVATE_SOURCES`);
    expect(server.requests).toHaveLength(0);
    expect(lookup.asked).toEqual([]);
  });

  it('reaches a literal loopback address the operator allowed', async () => {
    const server = await startHttpServer((_request, response) => response.end('snapshot'));

    const result = await loopbackFetcher({ allowPrivate: ['127.0.0.1/32'] })({ url: server.url() });

    expect(result.status).toBe('ok');
  });
});
