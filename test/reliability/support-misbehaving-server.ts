/**
 * One HTTP server on 127.0.0.1 with a path per way a live blog's server can misbehave:
 * never answering, trickling, redirecting forever, sending too much, compressing a bomb.
 * `/feed/<name>` paths serve whatever the test publishes there.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface MisbehavingServer {
  url(path: string): string;
  /** What `/feed/<name>` serves from now on (status 200). */
  publish(name: string, body: string, contentType?: string): void;
  /** Requests seen per path. */
  hits(path: string): number;
  /** Responses of `/endless` that the client hung up on before the server stopped. */
  readonly endlessClosedByClient: number;
  close(): Promise<void>;
}

const BOMB = gzipSync(Buffer.alloc(20_000_000));

export async function startMisbehavingServer(): Promise<MisbehavingServer> {
  const feeds = new Map<string, { body: string; type: string }>();
  const hits = new Map<string, number>();
  const open = new Set<ServerResponse>();
  let endlessClosedByClient = 0;

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').replace(/\?.*$/, '');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    open.add(response);
    response.on('close', () => open.delete(response));
    if (path === '/hang') return; // accepts, never answers
    if (path === '/trickle') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss><channel>');
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/loop') {
      response.writeHead(302, { location: `/loop?n=${hits.get(path)}` }).end();
      return;
    }
    if (path === '/big') {
      const body = Buffer.alloc(100_000, 'a');
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length });
      response.end(body);
      return;
    }
    if (path === '/endless') {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024, '<p>more</p>');
      let finished = false;
      const pump = () => {
        while (!finished && response.write(chunk)) {
          // keep writing until the socket pushes back
        }
      };
      response.on('drain', pump);
      response.on('close', () => {
        if (!finished) endlessClosedByClient += 1;
        finished = true;
      });
      pump();
      return;
    }
    if (path === '/bomb') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(BOMB);
      return;
    }
    const feed = path.startsWith('/feed/') ? feeds.get(path.slice('/feed/'.length)) : undefined;
    if (!feed) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': feed.type }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    publish: (name, body, type = 'application/rss+xml; charset=utf-8') =>
      void feeds.set(name, { body, type }),
    hits: (path) => hits.get(path) ?? 0,
    get endlessClosedByClient() {
      return endlessClosedByClient;
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of open) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
