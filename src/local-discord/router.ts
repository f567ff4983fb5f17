export type Params = Record<string, string>;

export interface RouteContext {
  params: Params;
  body: unknown;
  query: URLSearchParams;
}

/** status 204 sends no body. */
export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api/v10`, with `:name` segments, e.g. `/channels/:channelId/messages`. */
  pattern: string;
  /** Bot routes need `Authorization: Bot …` and count against the global limit; interaction routes don't. */
  botAuth: boolean;
  /** A per-resource rate-limit bucket, for routes Discord limits separately. */
  bucket?: (params: Params) => { key: string; hash: string };
  handle: (context: RouteContext) => RouteResult;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const noContent = (): RouteResult => ({ status: 204 });

type RouteOptions = Pick<Route, 'bucket'> & { botAuth?: boolean };

function route(method: Route['method']) {
  return (pattern: string, handle: Route['handle'], options: RouteOptions = {}): Route => ({
    method,
    pattern,
    handle,
    botAuth: options.botAuth ?? true,
    ...(options.bucket ? { bucket: options.bucket } : {}),
  });
}

export const get = route('GET');
export const post = route('POST');
export const put = route('PUT');
export const patch = route('PATCH');
export const del = route('DELETE');

/** First route whose method and segments match; `:name` segments capture. */
export function matchRoute(routes: Route[], method: string, segments: string[]) {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const parts = candidate.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Params = {};
    const matches = parts.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) params[part.slice(1)] = segment;
      return part.startsWith(':') || part === segment;
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}
