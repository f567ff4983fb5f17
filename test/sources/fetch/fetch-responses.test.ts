import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAllServers,
  fetchFailure,
  loopbackFetcher,
  startHttpServer,
  USER_AGENT,
} from './local-servers.ts';

const LIVE_BLOG = '<html><body><article>Air-raid alert in Kyiv</article></body></html>';
const ETAG = '"v42"';
const LAST_MODIFIED = 'Mon, 24 Nov 2025 10:00:00 GMT';

afterEach(closeAllServers);

describe('createHttpFetcher: answers', () => {
  it('returns the body with its validators, sending an honest User-Agent', async () => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        etag: ETAG,
        'last-modified': LAST_MODIFIED,
      });
      response.end(LIVE_BLOG);
    });

    const result = await loopbackFetcher()({ url: server.url('/live?x=1') });

    expect(result).toMatchObject({
      status: 'ok',
      contentType: 'text/html; charset=utf-8',
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      finalUrl: server.url('/live?x=1'),
    });
    expect(result.status === 'ok' && Buffer.from(result.body).toString()).toBe(LIVE_BLOG);
    expect(server.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(server.requests[0]?.path).toBe('/live?x=1');
  });

  it('sends the stored validators and reports not-modified on 304', async () => {
    const server = await startHttpServer((request, response) => {
      const fresh = request.headers['if-none-match'] === ETAG;
      response.writeHead(fresh ? 304 : 200, { etag: ETAG });
      response.end(fresh ? undefined : LIVE_BLOG);
    });

    const result = await loopbackFetcher()({
      url: server.url(),
      etag: ETAG,
      lastModified: LAST_MODIFIED,
    });

    expect(result).toEqual({ status: 'not-modified', finalUrl: server.url() });
    expect(server.requests[0]?.headers['if-none-match']).toBe(ETAG);
    expect(server.requests[0]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('drops a stored validator that could not be sent as a header instead of failing', async () => {
    const server = await startHttpServer((_request, response) => response.end(LIVE_BLOG));

    const result = await loopbackFetcher()({ url: server.url(), etag: '"a"\r\nX-Injected: 1' });

    expect(result.status).toBe('ok');
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]?.headers['x-injected']).toBeUndefined();
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decompresses a %s body', async (encoding, compress) => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding });
      response.end(compress(Buffer.from(LIVE_BLOG)));
    });

    const result = await loopbackFetcher()({ url: server.url() });

    expect(result.status === 'ok' && Buffer.from(result.body).toString()).toBe(LIVE_BLOG);
    expect(server.requests[0]?.headers['accept-encoding']).toContain(encoding);
  });

  it.each([
    [404, 'Not Found'],
    [500, 'Internal Server Error'],
    [403, 'Forbidden'],
  ])('fails on %i with the standard reason and nothing the server sent', async (code, reason) => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(code, 'secret reason phrase', { 'x-secret-header': 'secret-header' });
      response.end('secret body text');
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url('/gone') }));

    expect(error.kind).toBe('http-status');
    expect(error.status).toBe(code);
    expect(error.message).toBe(`${server.url('/gone')} answered ${code} ${reason}`);
    expect(error.message).not.toMatch(/secret/);
  });

  it('fails with a network error when nothing listens', async () => {
    const server = await startHttpServer(() => {});
    const url = server.url();
    await server.close();

    const error = await fetchFailure(loopbackFetcher()({ url }));

    expect(error.kind).toBe('network');
    expect(error.message).toBe(`could not fetch ${url}: connection refused`);
  });

  it('refuses a URL that is not http(s) before doing anything', async () => {
    const error = await fetchFailure(loopbackFetcher()({ url: 'file:///etc/passwd' }));

    expect(error.kind).toBe('bad-url');
    expect(error.message).toBe('only http(s) URLs can be followed: file: is not allowed');
  });
});
