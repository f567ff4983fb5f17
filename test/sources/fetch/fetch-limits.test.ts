import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeAllServers,
  fetchFailure,
  loopbackFetcher,
  startHttpServer,
  startRawServer,
} from './local-servers.ts';

afterEach(closeAllServers);

const quick = { timeoutMs: 300 };

describe('createHttpFetcher: time budget', () => {
  it('times out on a server that never answers', async () => {
    const server = await startHttpServer(() => {});

    const error = await fetchFailure(loopbackFetcher(quick)({ url: server.url() }));

    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${server.url()} did not answer within 300 ms (FETCH_TIMEOUT_MS)`);
  });

  it('times out on a server that trickles its body forever (slow-loris)', async () => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const drip = setInterval(() => response.write('.'), 30);
      response.on('close', () => clearInterval(drip));
    });

    const error = await fetchFailure(loopbackFetcher(quick)({ url: server.url() }));

    expect(error.kind).toBe('timeout');
  });

  it('stops when the caller aborts', async () => {
    const server = await startHttpServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);

    const error = await fetchFailure(loopbackFetcher()({ url: server.url() }, controller.signal));

    expect(error.kind).toBe('network');
    expect(error.message).toBe(`fetching ${server.url()} was cancelled`);
  });
});

describe('createHttpFetcher: size budget', () => {
  const limit = { maxBytes: 5_000 };

  it('refuses a body whose declared length is over the limit', async () => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-length': 6_000 });
      response.end('x'.repeat(6_000));
    });

    const error = await fetchFailure(loopbackFetcher(limit)({ url: server.url() }));

    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      `the body of ${server.url()} is larger than the 5 kB limit (FETCH_MAX_BYTES)`,
    );
  });

  it('stops reading an undeclared body as soon as it passes the limit', async () => {
    const server = await startHttpServer((_request, response) => {
      const chunk = 'x'.repeat(1_000);
      const flood = setInterval(() => response.write(chunk), 1);
      response.on('close', () => clearInterval(flood));
    });

    const error = await fetchFailure(loopbackFetcher(limit)({ url: server.url() }));

    expect(error.kind).toBe('too-large');
  });

  it.each([
    ['gzip', gzipSync(Buffer.alloc(20_000_000))],
    ['br', brotliCompressSync(Buffer.alloc(20_000_000))],
  ])('counts the decompressed size of a %s bomb', async (encoding, bomb) => {
    expect(bomb.length).toBeLessThan(limit.maxBytes * 5);
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-encoding': encoding, 'content-length': bomb.length });
      response.end(bomb);
    });

    const error = await fetchFailure(loopbackFetcher(limit)({ url: server.url() }));

    expect(error.kind).toBe('too-large');
  });

  it('accepts a body of exactly the limit', async () => {
    const server = await startHttpServer((_request, response) => response.end('x'.repeat(5_000)));

    const result = await loopbackFetcher(limit)({ url: server.url() });

    expect(result.status === 'ok' && result.body.length).toBe(5_000);
  });
});

describe('createHttpFetcher: bodies cut short', () => {
  it('reports a body shorter than its Content-Length as truncated', async () => {
    const server = await startRawServer((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part of it');
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url }));

    expect(error.kind).toBe('truncated');
    expect(error.message).toBe(`the body of ${server.url} was cut short`);
  });

  it('reports a connection reset in the middle of a chunked body as truncated', async () => {
    const server = await startRawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n', () =>
        setTimeout(() => socket.resetAndDestroy(), 20),
      );
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url }));

    expect(error.kind).toBe('truncated');
  });

  it('reports a gzip stream that ends early as truncated', async () => {
    const whole = gzipSync(Buffer.from('Air-raid alert in Kyiv. '.repeat(200)));
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end(whole.subarray(0, whole.length - 20));
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url() }));

    expect(error.kind).toBe('truncated');
  });

  it('reports a body that is not the compression it claims', async () => {
    const server = await startHttpServer((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end('this is plain text, not gzip');
    });

    const error = await fetchFailure(loopbackFetcher()({ url: server.url() }));

    expect(error.kind).toBe('network');
    expect(error.message).toBe(`the body of ${server.url()} could not be decompressed`);
  });
});
