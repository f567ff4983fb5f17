import type { LookupFunction } from 'node:net';
import type { Config } from '../config.ts';
import { type CoverageInspection, inspectCoverage } from '../sources/coverage/inspect.ts';
import { recogniseCoverage } from '../sources/coverage/recognise.ts';
import { createHttpFetcher, type FetchResult } from '../sources/fetch.ts';
import { readLocalSource } from '../sources/local-file.ts';
import { readDocument } from '../sources/read.ts';
import { parseSourceUrl } from '../sources/source-url.ts';

export const USER_AGENT =
  'liveblog-alerts/0.1 (Discord live-blog alert bot; +https://github.com/liveblog-alerts/liveblog-alerts)';

export interface SourceAccess {
  fetchSource(
    source: string,
    validators: { etag?: string; lastModified?: string },
  ): Promise<FetchResult>;
  /**
   * Checks an admin-typed URL: safe to fetch, and a live blog the readers understand or a
   * coverage page (a section that links live blogs), with what it would follow now.
   */
  validateNew(url: string): Promise<NewSource>;
}

export interface NewSource {
  url: string;
  coverage?: CoverageInspection;
}

export interface SourceAccessOptions {
  /** Replaces the system resolver (tests); its answers still pass the address policy. */
  lookup?: LookupFunction;
}

/**
 * How sources are reached: http(s) through the guarded fetcher, local snapshot files only
 * when the operator named them in SOURCES (an admin can only add http(s) URLs).
 */
export function createSourceAccess(
  config: Config,
  options: SourceAccessOptions = {},
): SourceAccess {
  const http = createHttpFetcher({
    userAgent: USER_AGENT,
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: 5,
    allowPrivate: config.ALLOW_PRIVATE_SOURCES,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });
  return {
    async fetchSource(source, validators) {
      if (/^https?:\/\//i.test(source)) return http({ url: source, ...validators });
      const body = await readLocalSource(source, config.FETCH_MAX_BYTES);
      return { status: 'ok', body, finalUrl: source };
    },
    async validateNew(input) {
      const url = parseSourceUrl(input.trim()).toString();
      const fetched = await http({ url });
      if (fetched.status !== 'ok') return { url };
      const contentType = fetched.contentType ? { contentType: fetched.contentType } : {};
      const page = recogniseCoverage(fetched.body, { source: url, ...contentType });
      if (page) {
        const coverage = await inspectCoverage(
          page,
          (candidate, validators) => http({ url: candidate, ...validators }),
          { now: new Date(), maxChecks: config.COVERAGE_CHECKS_PER_POLL },
        );
        return { url, coverage };
      }
      const read = readDocument(fetched.body, { source: url, ...contentType });
      if (read.updates.length === 0)
        throw new Error(`${url} has no live-blog updates the bot can read`);
      return { url };
    },
  };
}
