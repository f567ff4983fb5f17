import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  /** Use as DISCORD_API_URL: the same paths as the upstream's. */
  url: string;
  /**
   * The next `times` requests that match are passed on and answered by the upstream, but
   * the bot never hears the answer: the connection is cut, as a network failure would.
   */
  loseResponses(match: { method: string; path: RegExp }, times: number): void;
  /** Responses cut so far. */
  readonly lost: number;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An HTTP proxy on 127.0.0.1 in front of the local Discord's REST API. */
export async function startLossyProxy(upstreamApiUrl: string): Promise<LossyProxy> {
  const upstream = new URL(upstreamApiUrl);
  const rules: { method: string; path: RegExp; remaining: number }[] = [];
  let lost = 0;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'connection') {
          headers.set(name, value);
        }
      }
      const method = request.method ?? 'GET';
      const answer = await fetch(new URL(request.url ?? '/', upstream.origin), {
        method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const payload = Buffer.from(await answer.arrayBuffer());
      const rule = rules.find((r) => r.method === method && r.path.test(request.url ?? ''));
      if (rule) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
        lost += 1;
        request.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (name !== 'content-encoding' && name !== 'transfer-encoding') out[name] = value;
      });
      out['content-length'] = String(payload.length);
      response.writeHead(answer.status, out).end(payload);
    })().catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    loseResponses(match, times) {
      rules.push({ ...match, remaining: times });
    },
    get lost() {
      return lost;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
