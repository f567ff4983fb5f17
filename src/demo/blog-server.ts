import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalBlog {
  /** The live blog's URL on 127.0.0.1. */
  url: string;
  /** Replaces the page the blog serves from now on. */
  publish(page: string | Uint8Array, contentType?: string): void;
  /** Requests served so far, with whether they were answered 304. */
  requests: { path: string; notModified: boolean }[];
  close(): Promise<void>;
}

/**
 * A live blog served on loopback, the way a newsroom's server does it: one page that
 * changes, with an ETag so unchanged polls cost a 304.
 */
export async function startLocalBlog(path = '/live'): Promise<LocalBlog> {
  let body: Buffer = Buffer.from('');
  let type = 'text/html; charset=utf-8';
  let etag = '"empty"';
  const requests: LocalBlog['requests'] = [];
  const server: Server = createServer((request, response) => {
    const notModified = request.headers['if-none-match'] === etag;
    requests.push({ path: request.url ?? '', notModified });
    if (request.url !== path) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (notModified) {
      response.writeHead(304, { etag }).end();
    } else {
      response
        .writeHead(200, { 'content-type': type, etag, 'content-length': body.length })
        .end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    publish(page, contentType = 'text/html; charset=utf-8') {
      body = Buffer.from(page);
      type = contentType;
      etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
