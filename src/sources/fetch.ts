import { lookup as systemLookup } from 'node:dns';
import http, { type IncomingMessage, STATUS_CODES, validateHeaderValue } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import {
  checkPrivateAccess,
  describeAddress,
  isAddressAllowed,
  type PrivateAccess,
} from './address-policy.ts';
import { parseSourceUrl, SourceUrlError } from './source-url.ts';

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { status: 'not-modified'; finalUrl: string }
  | {
      status: 'ok';
      body: Uint8Array;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      finalUrl: string;
    };

export type FetchErrorKind =
  | 'bad-url'
  | 'blocked-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'network'
  | 'truncated';

/** Why a fetch failed. The message names the URL and nothing the server sent. */
export class FetchError extends Error {
  constructor(
    public kind: FetchErrorKind,
    message: string,
    public status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface HttpFetcherOptions {
  userAgent: string;
  /** Covers everything: DNS, connect, every redirect hop, headers and the whole body. */
  timeoutMs: number;
  /** Counted after decompression, so a small gzip bomb is stopped as early as a large body. */
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: PrivateAccess;
  /** Replaces the system resolver (tests); its answers go through the same address policy. */
  lookup?: LookupFunction;
}

export type HttpFetcher = (request: FetchRequest, signal?: AbortSignal) => Promise<FetchResult>;

type HopOutcome = FetchResult | { status: 'redirect'; code: number; location?: string };

interface Hop {
  url: URL;
  /** The URL the caller asked for, named in messages when a redirect led elsewhere. */
  origin: URL;
  request: FetchRequest;
  options: HttpFetcherOptions;
  signal: AbortSignal;
}

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'application/feed+json, application/atom+xml, application/rss+xml, application/ld+json, ' +
  'text/html;q=0.9, application/xml;q=0.9, application/json;q=0.9, */*;q=0.5';
const ALLOW_HINT = '(set ALLOW_PRIVATE_SOURCES to allow it)';

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

export function tooLargeError(what: string, maxBytes: number): FetchError {
  return new FetchError(
    'too-large',
    `the body of ${what} is larger than the ${formatBytes(maxBytes)} limit (FETCH_MAX_BYTES)`,
  );
}

function target(hop: Hop): string {
  return hop.url.href === hop.origin.href
    ? hop.url.href
    : `${hop.url.href} (redirected from ${hop.origin.href})`;
}

function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function isValidHeader(name: string, value: string): boolean {
  try {
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

function requestHeaders(hop: Hop): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': hop.options.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  const { etag, lastModified } = hop.request;
  // Stored validators are replayed verbatim; a corrupt one is dropped rather than fail the poll.
  if (etag && isValidHeader('if-none-match', etag)) headers['if-none-match'] = etag;
  if (lastModified && isValidHeader('if-modified-since', lastModified)) {
    headers['if-modified-since'] = lastModified;
  }
  return headers;
}

/**
 * Resolves like the system would, then keeps only addresses the policy allows. Node connects to
 * what this returns, so the check applies to the address actually used (no DNS rebinding gap).
 */
function guardedLookup(hop: Hop): LookupFunction {
  const resolve = hop.options.lookup ?? (systemLookup as LookupFunction);
  return (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, answer, answerFamily) => {
      const found =
        typeof answer === 'string' ? [{ address: answer, family: answerFamily ?? 4 }] : answer;
      if (error || !found || found.length === 0) {
        const code = error?.code ? ` (${error.code})` : '';
        callback(new FetchError('dns', `could not find the address of ${target(hop)}${code}`), []);
        return;
      }
      const allowed = found.filter((entry) =>
        isAddressAllowed(entry.address, hop.options.allowPrivate),
      );
      const first = allowed[0];
      if (!first) {
        const refused = found[0]!.address;
        const message = `refusing to fetch ${target(hop)}: it resolves to ${refused}, ${describeAddress(refused)} ${ALLOW_HINT}`;
        callback(new FetchError('blocked-address', message), []);
        return;
      }
      if (lookupOptions.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/** Node skips `lookup` for literal IP hosts, so those are checked before connecting. */
function refuseBlockedLiteral(hop: Hop): void {
  const host = bareHost(hop.url);
  if (isIP(host) === 0 || isAddressAllowed(host, hop.options.allowPrivate)) return;
  const message = `refusing to fetch ${target(hop)}: ${host} is ${describeAddress(host)} ${ALLOW_HINT}`;
  throw new FetchError('blocked-address', message);
}

function openResponse(hop: Hop): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const { url } = hop;
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request({
      protocol: url.protocol,
      hostname: bareHost(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: requestHeaders(hop),
      // A private agent per request: no pooled socket opened under another policy is reused.
      agent: false,
      lookup: guardedLookup(hop),
      signal: hop.signal,
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

function decoders(response: IncomingMessage, hop: Hop): Transform[] {
  const header = response.headers['content-encoding'] ?? '';
  const codings = header
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  if (codings.length > 2) {
    throw new FetchError('network', `${target(hop)} answered with too many content encodings`);
  }
  return codings.map((coding) => {
    // Unzip accepts both gzip and zlib-wrapped deflate: servers mislabel them often enough.
    if (coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate') return zlib.createUnzip();
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw new FetchError('network', `${target(hop)} answered with an unsupported content encoding`);
  });
}

async function readBody(response: IncomingMessage, hop: Hop): Promise<Uint8Array> {
  const { maxBytes } = hop.options;
  const steps = decoders(response, hop);
  const declared = Number(response.headers['content-length']);
  if (steps.length === 0 && declared > maxBytes) throw tooLargeError(target(hop), maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  const collector = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) return done(tooLargeError(target(hop), maxBytes));
      chunks.push(chunk);
      done();
    },
  });
  await pipeline([response, ...steps, collector], { signal: hop.signal });
  return Buffer.concat(chunks);
}

const CUT_SHORT = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'Z_BUF_ERROR']);

function networkReason(code: string | undefined): string {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code?.startsWith('HPE_')) return 'the server sent a malformed HTTP response';
  if (code && /CERT|SELF_SIGNED|TLS/.test(code)) return `its TLS certificate was refused (${code})`;
  return code ?? 'unknown error';
}

/** Turns whatever Node threw into a FetchError whose message names only the URL. */
function explain(error: unknown, hop: Hop, readingBody: boolean): FetchError {
  if (hop.signal.aborted) {
    return hop.signal.reason === 'timeout'
      ? new FetchError(
          'timeout',
          `${target(hop)} did not answer within ${hop.options.timeoutMs} ms (FETCH_TIMEOUT_MS)`,
        )
      : new FetchError('network', `fetching ${target(hop)} was cancelled`);
  }
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (readingBody && code && CUT_SHORT.has(code)) {
    return new FetchError('truncated', `the body of ${target(hop)} was cut short`);
  }
  if (readingBody && code?.startsWith('Z_')) {
    return new FetchError('network', `the body of ${target(hop)} could not be decompressed`);
  }
  return new FetchError('network', `could not fetch ${target(hop)}: ${networkReason(code)}`);
}

async function fetchHop(hop: Hop): Promise<HopOutcome> {
  refuseBlockedLiteral(hop);
  let readingBody = false;
  try {
    const response = await openResponse(hop);
    const code = response.statusCode ?? 0;
    const finalUrl = hop.url.href;
    if (REDIRECT_CODES.has(code) || code === 304 || code < 200 || code >= 300) {
      // Nothing of these bodies is needed; closing the socket is cheaper than draining it.
      response.destroy();
      if (REDIRECT_CODES.has(code))
        return { status: 'redirect', code, location: response.headers.location };
      if (code === 304) return { status: 'not-modified', finalUrl };
      const reason = STATUS_CODES[code] ? ` ${STATUS_CODES[code]}` : '';
      throw new FetchError('http-status', `${target(hop)} answered ${code}${reason}`, code);
    }
    readingBody = true;
    const body = await readBody(response, hop);
    const { etag, 'last-modified': lastModified, 'content-type': contentType } = response.headers;
    return { status: 'ok', body, contentType, etag, lastModified, finalUrl };
  } catch (error) {
    throw explain(error, hop, readingBody);
  }
}

function followRedirect(hop: Hop, code: number, location: string | undefined): URL {
  if (!location) {
    const message = `${target(hop)} answered ${code} without a Location to follow`;
    throw new FetchError('http-status', message, code);
  }
  let next: URL;
  try {
    next = new URL(location, hop.url);
  } catch {
    throw new FetchError('bad-url', `${target(hop)} redirected to an invalid URL`);
  }
  try {
    return parseSourceUrl(next.href);
  } catch (error) {
    if (!(error instanceof SourceUrlError)) throw error;
    next.username = '';
    next.password = '';
    throw new FetchError('bad-url', `${target(hop)} redirected to ${next.href}: ${error.message}`);
  }
}

function parseRequestUrl(input: string): URL {
  try {
    return parseSourceUrl(input);
  } catch (error) {
    if (error instanceof SourceUrlError) throw new FetchError('bad-url', error.message);
    throw error;
  }
}

/**
 * A fetcher for live-blog sources that only ever connects to addresses the policy allows,
 * re-checked on every redirect, within one overall time and size budget.
 */
export function createHttpFetcher(options: HttpFetcherOptions): HttpFetcher {
  checkPrivateAccess(options.allowPrivate);
  validateHeaderValue('user-agent', options.userAgent);
  return async (request, signal) => {
    const origin = parseRequestUrl(request.url);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort('timeout'), options.timeoutMs);
    const cancel = () => deadline.abort('cancelled');
    if (signal?.aborted) cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      let hop: Hop = { url: origin, origin, request, options, signal: deadline.signal };
      for (let redirects = 0; ; redirects++) {
        const outcome = await fetchHop(hop);
        if (outcome.status !== 'redirect') return outcome;
        if (redirects >= options.maxRedirects) {
          const message = `${origin.href} redirected more than ${options.maxRedirects} times`;
          throw new FetchError('too-many-redirects', message);
        }
        hop = { ...hop, url: followRedirect(hop, outcome.code, outcome.location) };
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  };
}
