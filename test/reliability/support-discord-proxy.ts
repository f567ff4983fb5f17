/**
 * An HTTP proxy in front of the local Discord (what DISCORD_API_URL may point at in
 * production: a rate-limit proxy). It forwards everything, except the answers a test plants:
 * any status, with any body, even one that quotes the request's Authorization header back.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlantedAnswer {
  method?: string;
  /** Tested against the path under /api/v10, e.g. `/channels/123/messages`. */
  path: RegExp;
  status: number;
  body: (authorization: string | undefined) => unknown;
  times?: number;
}

export interface DiscordProxy {
  apiUrl: string;
  /** Where requests go; set once the local Discord runs. */
  target: string;
  plant(answer: PlantedAnswer): void;
  /** How many planted answers were served. */
  readonly served: number;
  close(): Promise<void>;
}

async function bodyOf(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDiscordProxy(): Promise<DiscordProxy> {
  const planted: (PlantedAnswer & { times: number })[] = [];
  let served = 0;
  const proxy: DiscordProxy = {
    apiUrl: '',
    target: '',
    plant: (answer) => void planted.push({ ...answer, times: answer.times ?? 1 }),
    get served() {
      return served;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await bodyOf(incoming);
    const path = (incoming.url ?? '/').replace(/^\/api\/v\d+/, '').replace(/\?.*$/, '');
    const answer = planted.find(
      (p) => p.path.test(path) && (!p.method || p.method === incoming.method),
    );
    if (answer) {
      answer.times -= 1;
      if (answer.times <= 0) planted.splice(planted.indexOf(answer), 1);
      served += 1;
      const json = JSON.stringify(answer.body(incoming.headers.authorization));
      outgoing.writeHead(answer.status, { 'content-type': 'application/json' }).end(json);
      return;
    }
    const target = new URL(proxy.target);
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return proxy;
}
