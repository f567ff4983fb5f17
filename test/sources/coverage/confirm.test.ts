import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CandidateFetch, checkCandidate } from '../../../src/sources/coverage/confirm.ts';
import { createHttpFetcher } from '../../../src/sources/fetch.ts';
import {
  articleDocument,
  liveBlogDocument,
  type NewsroomSite,
  sectionFeed,
  startNewsroomSite,
} from '../../support/newsroom-site.ts';

let site: NewsroomSite;
let fetch: CandidateFetch;
const now = new Date('2024-11-18T12:00:00Z');

beforeEach(async () => {
  site = await startNewsroomSite();
  const http = createHttpFetcher({
    userAgent: 'test',
    timeoutMs: 5_000,
    maxBytes: 200_000,
    maxRedirects: 5,
    allowPrivate: ['127.0.0.1/32'],
  });
  fetch = (url, validators) => http({ url, ...validators });
});
afterEach(() => site.close());

const candidate = (path: string) => ({ url: site.url(path), title: 'A candidate', score: 3 });
const blog = (path: string, endsAt?: Date) =>
  liveBlogDocument({
    url: site.url(path),
    title: 'Ukraine war live: day 999',
    startedAt: new Date('2024-11-18T05:00:00Z'),
    ...(endsAt ? { endsAt } : {}),
    entries: [
      {
        id: 'p1',
        title: 'Sirens',
        body: 'Air raid alert in Kyiv.',
        published: new Date('2024-11-18T06:00:00Z'),
      },
      {
        id: 'p2',
        title: 'All clear',
        body: 'The alert is over.',
        published: new Date('2024-11-18T07:30:00Z'),
      },
    ],
  });

describe('checkCandidate', () => {
  it('confirms a LiveBlogPosting and says when it started and when it last changed', async () => {
    site.publish('/live/day-999', blog('/live/day-999'));
    const check = await checkCandidate(candidate('/live/day-999'), fetch, now);
    expect(check).toMatchObject({
      verdict: 'live',
      blog: {
        title: 'Ukraine war live: day 999',
        startedAt: '2024-11-18T05:00:00.000Z',
        newestUpdateAt: '2024-11-18T07:30:00.000Z',
        updates: 2,
      },
    });
    expect(check.etag).toBeTruthy();
  });

  it('re-checks with a conditional GET and keeps the verdict on 304, ending it by the clock', async () => {
    site.publish('/live/day-998', blog('/live/day-998', new Date('2024-11-18T13:00:00Z')));
    const first = await checkCandidate(candidate('/live/day-998'), fetch, now);
    expect(first.verdict).toBe('live');
    const later = await checkCandidate(
      candidate('/live/day-998'),
      fetch,
      new Date('2024-11-18T14:00:00Z'),
      first,
    );
    expect(site.requestsTo('/live/day-998').map((r) => r.notModified)).toEqual([false, true]);
    expect(later.verdict).toBe('ended');
  });

  it('calls a blog whose coverageEndTime has passed ended', async () => {
    site.publish('/live/day-997', blog('/live/day-997', new Date('2024-11-18T10:00:00Z')));
    const check = await checkCandidate(candidate('/live/day-997'), fetch, now);
    expect(check).toMatchObject({
      verdict: 'ended',
      detail: 'its coverage ended 2024-11-18T10:00:00.000Z',
    });
  });

  it('refuses an ordinary article, with the reason', async () => {
    site.publish(
      '/news/story',
      articleDocument({ url: site.url('/news/story'), title: 'T', body: 'B' }),
    );
    const check = await checkCandidate(candidate('/news/story'), fetch, now);
    expect(check.verdict).toBe('not-live-blog');
    expect(check.detail).toMatch(/ordinary article \(NewsArticle\)/);
  });

  it('refuses a feed of separate articles; accepts a feed of one blog', async () => {
    const items = (paths: string[]) =>
      paths.map((href, i) => ({
        href,
        title: `Item ${i}`,
        published: new Date(Date.UTC(2024, 10, 18, i)),
      }));
    site.publish(
      '/section.rss',
      sectionFeed({ base: site.origin, site: 'S', section: 'X', items: items(['/a', '/b']) }),
      'application/rss+xml',
    );
    site.publish(
      '/live/blog.rss',
      sectionFeed({
        base: site.origin,
        site: 'S',
        section: 'X',
        items: items(['/live/b#1', '/live/b#2']),
      }),
      'application/rss+xml',
    );
    expect((await checkCandidate(candidate('/section.rss'), fetch, now)).verdict).toBe(
      'not-live-blog',
    );
    expect((await checkCandidate(candidate('/live/blog.rss'), fetch, now)).verdict).toBe('live');
  });

  it('a failing or too large candidate gets its own verdict and the fetcher’s reason', async () => {
    site.fail('/live/broken', 500);
    site.fail('/live/huge', 'endless');
    const broken = await checkCandidate(candidate('/live/broken'), fetch, now);
    expect(broken).toMatchObject({ verdict: 'failed' });
    expect(broken.detail).toMatch(/500/);
    const huge = await checkCandidate(candidate('/live/huge'), fetch, now);
    expect(huge.verdict).toBe('too-large');
  });
});
