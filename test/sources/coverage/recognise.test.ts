import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recogniseCoverage } from '../../../src/sources/coverage/recognise.ts';
import {
  articleDocument,
  liveBlogDocument,
  sectionFeed,
  sectionPage,
} from '../../support/newsroom-site.ts';
import { FIXTURES, fixture } from '../readers/fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const recognise = (text: string, source: string, known = false) =>
  recogniseCoverage(bytes(text), { source, known });

describe('section pages (HTML)', () => {
  it('finds the live blog a Guardian-style tag page marks with a Live kicker and a /live/ path', () => {
    const page = sectionPage({
      site: 'The Example',
      section: 'Russia-Ukraine war',
      cards: [
        {
          href: '/world/2024/nov/18/kyiv-metro-reopens',
          title: 'Kyiv metro reopens after repairs',
        },
        {
          href: '/world/live/2024/nov/18/russia-ukraine-war-live-kursk',
          title: 'Russia-Ukraine war live: Kyiv under attack',
          live: true,
        },
        {
          href: 'https://other.example.net/world/live/2024/x',
          title: 'Elsewhere – live',
          live: true,
        },
        { href: '/world/2024/nov/17/analysis-winter', title: 'Analysis: a hard winter ahead' },
      ],
    });
    const found = recognise(page, 'https://www.example.com/world/ukraine');
    expect(found).toMatchObject({
      format: 'html',
      site: 'The Example',
      section: 'Russia-Ukraine war',
    });
    // Another newsroom's link and the page furniture ("Live TV", "Live chat") are no candidates.
    expect(found?.candidates.map((c) => c.url)).toEqual([
      'https://www.example.com/world/live/2024/nov/18/russia-ukraine-war-live-kursk',
    ]);
    expect(found?.candidates[0]?.title).toBe('Russia-Ukraine war live: Kyiv under attack');
  });

  it('knows BBC-style /news/live/<id> links with a LIVE badge and Al Jazeera-style /liveblog/ paths', () => {
    const bbc = `<!doctype html><html><head><title>Ukraine - BBC News</title></head><body><main>
      <div data-testid="edinburgh-card"><a href="/news/live/c0l8d3xk9eyt"><span class="live-badge">LIVE</span>
      <h2>Zelensky meets allies as strikes hit Odesa</h2></a></div>
      <div data-testid="edinburgh-card"><a href="/news/articles/c9w1zq0y1wro"><h2>Why the winter matters</h2></a></div>
    </main></body></html>`;
    expect(
      recognise(bbc, 'https://www.bbc.example/news/world/europe')?.candidates.map((c) => c.url),
    ).toEqual(['https://www.bbc.example/news/live/c0l8d3xk9eyt']);

    const aj = `<html><head><meta property="og:site_name" content="Al Example"><title>Russia-Ukraine war | Today's latest from Al Example</title></head>
      <body><main><article class="gc u-clickable-card"><h3 class="gc__title"><a class="u-clickable-card__link" href="/news/liveblog/2024/11/18/russia-ukraine-war-live-news">
      <span>Russia-Ukraine war live: Kyiv hit by drones</span></a></h3></article>
      <article class="gc"><h3><a href="/news/2024/11/18/kremlin-says">Kremlin says talks possible</a></h3></article></main></body></html>`;
    const page = recognise(aj, 'https://www.alexample.com/tag/ukraine-russia-crisis/');
    expect(page?.site).toBe('Al Example');
    expect(page?.candidates.map((c) => c.url)).toEqual([
      'https://www.alexample.com/news/liveblog/2024/11/18/russia-ukraine-war-live-news',
    ]);
  });

  it('knows Sky-style "…-war-latest-<id>" blogs and Ukrainian "онлайн" headlines', () => {
    const sky = `<html><head><title>Ukraine | Sky Example</title></head><body><main>
      <div class="ui-story"><a class="ui-story-headline" href="/story/ukraine-russia-war-latest-putin-12541713">Ukraine-Russia war latest: Putin says</a>
      <span class="ui-label ui-label--live">Live</span></div>
      <div class="ui-story"><a href="/story/nato-summit-ends-13012345">Nato summit ends</a></div></main></body></html>`;
    expect(recognise(sky, 'https://news.skyexample.com/ukraine')?.candidates[0]?.url).toBe(
      'https://news.skyexample.com/story/ukraine-russia-war-latest-putin-12541713',
    );
    const uk = `<html><head><title>Війна | Приклад</title></head><body><main><ul>
      <li><a href="/war/2024/11/18/viyna-onlayn-den-999">Війна онлайн: 999-й день повномасштабного вторгнення</a></li>
      <li><a href="/war/2024/11/18/zsu-zvit">ЗСУ відзвітували про збиті дрони</a></li></ul></main></body></html>`;
    expect(recognise(uk, 'https://www.pryklad.ua/war')?.candidates.map((c) => c.title)).toEqual([
      'Війна онлайн: 999-й день повномасштабного вторгнення',
    ]);
  });

  it('takes a target the page declares a LiveBlogPosting (an ItemList) without any wording', () => {
    const html = `<html><head><title>Topics</title><script type="application/ld+json">${JSON.stringify(
      {
        '@type': 'ItemList',
        itemListElement: [
          {
            '@type': 'ListItem',
            position: 1,
            item: { '@type': 'LiveBlogPosting', url: '/2024/11/18/day-999' },
          },
        ],
      },
    )}</script></head><body><main><a href="/2024/11/18/day-999">Day 999</a><a href="/2024/11/18/other">Other</a></main></body></html>`;
    expect(recognise(html, 'https://example.org/topics/war')?.candidates).toEqual([
      { url: 'https://example.org/2024/11/18/day-999', title: 'Day 999', score: 5 },
    ]);
  });

  it('a page listing no live-looking link is no coverage, unless it is already known as one', () => {
    const page = sectionPage({
      site: 'Ukr Example',
      section: 'Economy',
      cards: [
        { href: '/economy/2024/11/18/hryvnia', title: 'Hryvnia steady' },
        { href: '/economy/2024/11/18/grain', title: 'Grain exports up' },
      ],
    });
    expect(recognise(page, 'https://www.ukr.example/economy')).toBeUndefined();
    expect(recognise(page, 'https://www.ukr.example/economy', true)).toMatchObject({
      candidates: [],
      section: 'Economy',
    });
  });

  it('a live blog, an ordinary article and a ticker marked up as updates are no coverage', () => {
    const blog = liveBlogDocument({
      url: 'https://www.example.com/world/live/2024/nov/18/day',
      title: 'Ukraine war live',
      startedAt: new Date('2024-11-18T05:00:00Z'),
      entries: [
        {
          id: 'p1',
          title: 'Sirens in Kyiv',
          body: 'Air raid alert.',
          published: new Date('2024-11-18T06:00:00Z'),
        },
      ],
    });
    expect(recognise(blog, 'https://www.example.com/world/live/2024/nov/18/day')).toBeUndefined();
    const article =
      `${articleDocument({ url: 'https://www.example.com/a', title: 'A', body: 'b' })}`.replace(
        '</main>',
        '<a href="/world/live/2024/nov/18/day">Ukraine war – live</a></main>',
      );
    expect(recognise(article, 'https://www.example.com/a')).toBeUndefined();
  });

  it('a section of 200 links keeps at most 20 candidates, best first', () => {
    const cards = Array.from({ length: 200 }, (_, i) => ({
      href: i % 2 === 0 ? `/world/live/2024/nov/${i}/blog-live` : `/world/2024/nov/${i}/story`,
      title: i % 2 === 0 ? `Blog ${i} – live` : `Story ${i}`,
      live: i % 2 === 0,
    }));
    const page = recognise(
      sectionPage({ site: 'S', section: 'World', cards }),
      'https://www.example.com/world',
    );
    expect(page?.links).toBeGreaterThanOrEqual(200);
    expect(page?.candidates).toHaveLength(20);
    expect(page?.candidates[0]?.url).toBe(
      'https://www.example.com/world/live/2024/nov/0/blog-live',
    );
  });
});

describe('section feeds', () => {
  const base = 'https://www.example.com/';
  const items = [
    {
      href: '/world/2024/nov/18/grain',
      title: 'Grain deal talks resume',
      published: new Date('2024-11-18T09:00:00Z'),
    },
    {
      href: '/world/live/2024/nov/18/russia-ukraine-war-live',
      title: 'Russia-Ukraine war live: drones over Kyiv – live',
      published: new Date('2024-11-18T08:00:00Z'),
    },
    {
      href: '/world/2024/nov/18/winter',
      title: 'Winter is coming',
      published: new Date('2024-11-18T07:00:00Z'),
    },
  ];

  it('an RSS section feed that lists a live blog among articles is coverage', () => {
    const feed = sectionFeed({ base, site: 'The Example', section: 'Ukraine', items });
    const page = recognise(feed, 'https://www.example.com/world/ukraine/rss');
    expect(page).toMatchObject({ format: 'rss', section: 'Ukraine', links: 3 });
    expect(page?.candidates.map((c) => c.url)).toEqual([
      'https://www.example.com/world/live/2024/nov/18/russia-ukraine-war-live',
    ]);
  });

  it('a JSON Feed section is coverage too; a live blog’s own feed is not', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Ukraine – Example',
      items: items.map((item, i) => ({
        id: String(i),
        url: new URL(item.href, base).href,
        title: item.title,
        content_text: item.title,
        date_published: item.published.toISOString(),
      })),
    });
    expect(recognise(json, 'https://www.example.com/ukraine.json')?.format).toBe('jsonfeed');
    const blogFeed = sectionFeed({
      base,
      site: 'The Example',
      section: 'Live',
      items: [1, 2, 3].map((n) => ({
        href: `/world/live/2024/nov/18/day#post-${n}`,
        title: `Update ${n}: live`,
        published: new Date(Date.UTC(2024, 10, 18, n)),
      })),
    });
    expect(
      recognise(blogFeed, 'https://www.example.com/world/live/2024/nov/18/day/rss'),
    ).toBeUndefined();
  });
});

describe('real documents from public parser test suites', () => {
  const folders = ['feeds', 'liveblogs', 'guardian-api'];
  const all = folders.flatMap((folder) =>
    readdirSync(`${FIXTURES}real/${folder}`).map((name) => `real/${folder}/${name}`),
  );

  it.each(all)('%s is not taken for a coverage page', (path) => {
    // Live blogs, tickers, ordinary articles with "Live" links in their furniture, and feeds
    // of blogs and podcasts: none is a section that links live blogs.
    expect(
      recogniseCoverage(fixture(path), { source: `https://example.org/${path}` }),
    ).toBeUndefined();
  });
});
