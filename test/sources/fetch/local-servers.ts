import { once } from 'node:events';
import http, { type IncomingHttpHeaders, type RequestListener } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import {
  createHttpFetcher,
  FetchError,
  type HttpFetcher,
  type HttpFetcherOptions,
} from '../../../src/sources/fetch.ts';

/** An HTTP server on a loopback address that records the headers of every request it sees. */
export interface LocalServer {
  url: (path?: string) => string;
  port: number;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

const open: { close: () => Promise<void> }[] = [];

export async function startHttpServer(
  handler: RequestListener,
  host = '127.0.0.1',
  port = 0,
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    handler(request, response);
  });
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    server.close();
  };
  open.push({ close });
  return {
    url: (path = '/') => `http://${host}:${address.port}${path}`,
    port: address.port,
    requests,
    close,
  };
}

/** A TCP server answering with raw bytes, for responses Node's HTTP server refuses to produce. */
export async function startRawServer(
  onConnection: (socket: net.Socket) => void,
): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => onConnection(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  open.push({
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  });
  return { url: `http://127.0.0.1:${port}/`, connections: () => connections };
}

/** Closes every server started since the last call (use in afterEach). */
export async function closeAllServers(): Promise<void> {
  await Promise.all(open.splice(0).map((server) => server.close()));
}

export const USER_AGENT = 'liveblog-alerts-test/0.1 (+https://example.org/liveblog-alerts)';

/** A fetcher allowed to reach 127.0.0.1 only, with budgets small enough for quick tests. */
export function loopbackFetcher(overrides: Partial<HttpFetcherOptions> = {}): HttpFetcher {
  return createHttpFetcher({
    userAgent: USER_AGENT,
    timeoutMs: 2_000,
    maxBytes: 100_000,
    maxRedirects: 5,
    allowPrivate: ['127.0.0.1/32'],
    ...overrides,
  });
}

/** The FetchError a promise rejects with (fails the test when it resolves or throws another). */
export async function fetchFailure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail, but it succeeded');
}
