import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ManyBlogsServer {
  /** One URL per blog on 127.0.0.1. */
  urls: string[];
  /** Requests answered so far, by status. */
  served: { ok: number; notModified: number };
  /** Requests so far, per blog (by index). */
  fetches: number[];
  close(): Promise<void>;
}

/**
 * One loopback server for many live blogs (`/blog/<n>`), each a fixed document with an
 * ETag, answering 304 to a matching If-None-Match like a newsroom's CDN.
 */
export async function startManyBlogs(
  count: number,
  documentFor: (index: number) => string,
  contentType = 'text/html; charset=utf-8',
): Promise<ManyBlogsServer> {
  const bodies = Array.from({ length: count }, (_, i) => Buffer.from(documentFor(i)));
  const etags = bodies.map(
    (body) => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`,
  );
  const served = { ok: 0, notModified: 0 };
  const fetches = bodies.map(() => 0);
  const server = createServer((request, response) => {
    const index = Number(/^\/blog\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    const body = bodies[index];
    const etag = etags[index];
    if (body !== undefined) fetches[index] = (fetches[index] ?? 0) + 1;
    if (body === undefined || etag === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (request.headers['if-none-match'] === etag) {
      served.notModified += 1;
      response.writeHead(304, { etag }).end();
    } else {
      served.ok += 1;
      response.writeHead(200, { 'content-type': contentType, etag, 'content-length': body.length });
      response.end(body);
    }
  });
  // Every fetch opens its own connection (the fetcher pools nothing), so allow a deep backlog.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 1024, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urls: bodies.map((_, i) => `http://127.0.0.1:${port}/blog/${i}`),
    served,
    fetches,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
