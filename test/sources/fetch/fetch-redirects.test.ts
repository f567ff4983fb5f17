import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAllServers,
  fetchFailure,
  loopbackFetcher,
  startHttpServer,
} from './local-servers.ts';

afterEach(closeAllServers);

describe('createHttpFetcher: redirects', () => {
  it('follows a chain of relative and absolute redirects to the final URL', async () => {
    const server = await startHttpServer((request, response) => {
      if (request.url === '/old') response.writeHead(301, { location: 'newer' });
      else if (request.url === '/newer') response.writeHead(302, { location: server.url('/a/b') });
      else if (request.url === '/a/b') response.writeHead(307, { location: '../live?p=1' });
      else if (request.url === '/live?p=1') response.writeHead(200, { etag: '"final"' });
      else response.writeHead(404);
      response.end(request.url === '/live?p=1' ? 'the live blog' : 'moved');
    });

    const result = await loopbackFetcher()({ url: server.url('/old') });

    expect(result).toMatchObject({
      status: 'ok',
      etag: '"final"',
      finalUrl: server.url('/live?p=1'),
    });
    expect(result.status === 'ok' && Buffer.from(result.body).toString()).toBe('the live blog');
    expect(server.requests.map((request) => request.path)).toEqual([
      '/old',
      '/newer',
      '/a/b',
      '/live?p=1',
    ]);
  });

  it('stops an endless redirect loop after maxRedirects hops', async () => {
    const server = await startHttpServer((request, response) => {
      const step = Number(request.url?.slice(1)) || 0;
      response.writeHead(308, { location: `/${step + 1}` });
      response.end();
    });

    const error = await fetchFailure(loopbackFetcher({ maxRedirects: 3 })({ url: server.url() }));

    expect(error.kind).toBe('too-many-redirects');
    expect(error.message).toBe(`${server.url()} redirected more than 3 times`);
    expect(server.requests).toHaveLength(4);
  });

  it.each([
    ['file:///etc/passwd', 'file:'],
    ['gopher://127.0.0.1:6379/_FLUSHALL', 'gopher:'],
  ])('refuses a redirect to %s', async (location, scheme) => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(302, { location });
      response.end();
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url() }));

    expect(error.kind).toBe('bad-url');
    expect(error.message).toContain(`only http(s) URLs can be followed: ${scheme} is not allowed`);
  });

  it('refuses a redirect that carries credentials without repeating them', async () => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(302, { location: 'http://admin:hunter2@127.0.0.1/' });
      response.end();
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url() }));

    expect(error.kind).toBe('bad-url');
    expect(error.message).not.toContain('hunter2');
  });

  it('re-checks the address of every hop: allowed 127.0.0.2 may not lead to 127.0.0.1', async () => {
    const inner = await startHttpServer((_request, response) => response.end('internal admin'));
    const outer = await startHttpServer((_request, response) => {
      response.writeHead(302, { location: inner.url('/admin') });
      response.end();
    }, '127.0.0.2');

    const fetchSource = loopbackFetcher({ allowPrivate: ['127.0.0.2/32'] });
    const error = await fetchFailure(fetchSource({ url: outer.url('/live') }));

    expect(error.kind).toBe('blocked-address');
    expect(error.message).toBe(
      `refusing to fetch ${inner.url('/admin')} (redirected from ${outer.url('/live')}): ` +
        '127.0.0.1 is a loopback address (set ALLOW_PRIVATE_SOURCES to allow it)',
    );
    expect(outer.requests).toHaveLength(1);
    expect(inner.requests).toHaveLength(0);
  });

  it('re-checks hops reached by host name too', async () => {
    const inner = await startHttpServer((_request, response) => response.end('internal admin'));
    const outer = await startHttpServer((_request, response) => {
      response.writeHead(303, { location: `http://intranet.example:${inner.port}/` });
      response.end();
    }, '127.0.0.2');
    const lookup = ((_host, _options, callback) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }])) as import('node:net').LookupFunction;

    const fetchSource = loopbackFetcher({ allowPrivate: ['127.0.0.2/32'], lookup });
    const error = await fetchFailure(fetchSource({ url: outer.url() }));

    expect(error.kind).toBe('blocked-address');
    expect(error.message).toContain('it resolves to 127.0.0.1, a loopback address');
    expect(inner.requests).toHaveLength(0);
  });
});
