import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, discordError } from './api-error.ts';
import { FaultPlan, type FaultResponse } from './faults.ts';
import { RateLimiter } from './rate-limits.ts';
import { matchRoute, type Route } from './router.ts';

const API_PREFIX = '/api/v10/';

export interface RecordedRequest {
  method: string;
  /** Decoded path under `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: string;
  body: unknown;
  status: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const notFound = (): Reply => ({ status: 404, body: { message: '404: Not Found', code: 0 } });

function rateLimited(retryAfter: number, global: boolean, headers: Record<string, string>): Reply {
  const retry = Math.max(retryAfter, 0.001).toFixed(3);
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: Number(retry), global },
    headers: { ...headers, 'Retry-After': retry },
  };
}

function faultReply(fault: FaultResponse): Reply {
  if (fault.status === 429) {
    const headers: Record<string, string> = fault.global
      ? { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' }
      : { 'X-RateLimit-Scope': 'user' };
    return rateLimited(fault.retryAfter, fault.global ?? false, headers);
  }
  if ('code' in fault) {
    return { status: fault.status, body: discordError(fault.status, fault.code).toJson() };
  }
  return { status: fault.status, body: { message: `${fault.status}: Server Error`, code: 0 } };
}

/** discord.js sends multipart when files are attached; the message itself is in `payload_json`. */
function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return undefined;
  if (contentType.startsWith('multipart/form-data')) {
    const part = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return part?.[1] === undefined ? undefined : JSON.parse(part[1]);
  }
  return JSON.parse(raw);
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The HTTP pipeline: auth, injected faults, rate limits, the route, then recording. */
export class RestServer {
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultPlan();
  rateLimitHits = 0;
  private readonly limiter = new RateLimiter();

  constructor(private readonly routes: Route[]) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Discord counts a request against its limits when the request reaches it. Read here,
    // as the request arrives, not once its body is in: on a busy machine this server's own
    // event loop can take tens of milliseconds over the body, and a clock read then would
    // count requests that arrived a second apart in one window.
    const arrivedAt = Date.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const raw = await readText(request);
    const path = url.pathname.startsWith(API_PREFIX)
      ? `/${url.pathname.slice(API_PREFIX.length).split('/').map(decodeURIComponent).join('/')}`
      : url.pathname;
    let body: unknown;
    let reply: Reply;
    try {
      body = parseBody(raw, request.headers['content-type'] ?? '');
      reply = url.pathname.startsWith(API_PREFIX)
        ? this.respond(
            arrivedAt,
            method,
            path,
            body,
            url.searchParams,
            request.headers.authorization,
          )
        : notFound();
    } catch (error) {
      reply = this.errorReply(error);
    }
    this.requests.push({ method, path, query: url.search, body, status: reply.status });
    if (reply.status === 429) this.rateLimitHits += 1;
    if (this.faults.delayMs > 0) await sleep(this.faults.delayMs);
    if (reply.status === 204 || reply.body === undefined) {
      response.writeHead(reply.status, reply.headers).end();
      return;
    }
    const headers = { ...reply.headers, 'Content-Type': 'application/json' };
    response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
  }

  private respond(
    arrivedAt: number,
    method: string,
    path: string,
    body: unknown,
    query: URLSearchParams,
    authorization: string | undefined,
  ): Reply {
    const match = matchRoute(this.routes, method, path.split('/').filter(Boolean));
    if (!match) return notFound();
    const { route, params } = match;
    // The token itself is never checked (nor stored): any non-empty Bot token logs in.
    if (route.botAuth && !/^Bot \S+/.test(authorization ?? '')) {
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }
    const fault = this.faults.take(method, path);
    if (fault) return faultReply(fault);
    const limit = this.limiter.check(arrivedAt, route.botAuth, route.bucket?.(params));
    if (!limit.ok) return rateLimited(limit.retryAfter, limit.global, limit.headers);
    const result = route.handle({ params, body, query });
    return { ...result, headers: limit.headers };
  }

  private errorReply(error: unknown): Reply {
    if (error instanceof ApiError) return { status: error.status, body: error.toJson() };
    if (error instanceof SyntaxError) {
      return {
        status: 400,
        body: { message: 'The request body contains invalid JSON.', code: 50109 },
      };
    }
    // A bug in this fake, not a Discord behaviour: make it loud.
    console.error('local-discord: route failed', error);
    return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  }
}
