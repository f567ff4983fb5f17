import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';
import { fixture } from './fixtures.ts';

function read(name: string, source = 'https://example.com/feed.xml', contentType?: string) {
  const options = contentType ? { source, contentType } : { source };
  return readDocument(fixture(`real/feeds/${name}`), options);
}

describe('character encodings', () => {
  it.each([
    ['dicas-l-br-rss091-iso8859-1.xml', 'bash - Expansão de Parâmetros'],
    ['example-pl-rss2-iso8859-2-polish-synthetic.xml', 'ZAŻÓŁĆ GĘSLĄ JAŹŃ'],
    ['qq-news-cn-rss2-gb2312-nonrfc-dates.xml', '习近平为何如此强调崇尚英雄？'],
    [
      'golem-de-rdf-rss1-iso8859-1-content-encoded.xml',
      'Digitalministerium: Neue Glasfaserförderung mit Schnellkasse',
    ],
  ])('decodes %s as its XML declaration says', (name, title) => {
    expect(read(name).updates[0]?.title).toBe(title);
  });

  it('detects Latin-1 bytes that come with no declaration at all', () => {
    const result = read('uol-noticias-br-rss-noxmldecl-latin1-cdata.xml');
    expect(result.updates).toHaveLength(15);
    expect(result.updates[0]?.title).toBe(
      'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
    );
  });

  it('believes the bytes over a Content-Type header that says otherwise', () => {
    const result = read(
      'dicas-l-br-rss091-iso8859-1.xml',
      'https://example.com/feed.xml',
      'application/rss+xml; charset=utf-8',
    );
    expect(result.updates[0]?.title).toBe('bash - Expansão de Parâmetros');
  });

  it('skips a UTF-8 byte order mark and reads CRLF line ends', () => {
    const result = read('a10-rss2-bom-crlf-a10-namespace.xml');
    expect(result.format).toBe('rss');
    expect(result.updates.map((update) => update.title)).toEqual([
      'Title 5',
      'Title 4',
      'Title 3',
      'Title 2',
      'Title 1',
    ]);
  });
});

describe('documents that are not quite well-formed XML', () => {
  it.each([
    ['aws-blog-atom-2009-xmlbase.xml', 'atom', 10],
    ['techcrunch-rss2-feedburner-media-content-encoded.xml', 'rss', 20],
    ['hrefconsideredharmful-rdf-rss1-content-encoded.xml', 'rss', 10],
  ])('reads %s despite the blank line before <?xml', (name, format, count) => {
    const result = read(name);
    expect(result.format).toBe(format);
    expect(result.updates).toHaveLength(count);
  });

  it('decodes an undeclared &nbsp; instead of rejecting the feed', () => {
    const body = read('dbengines-blog-rss2-no-xmldecl-dc.xml').updates[0]?.body ?? '';
    expect(body).toContain('We thus declare Snowflake as the DBMS of the Year 2022.');
    expect(body).not.toContain('&nbsp;');
  });

  it('keeps reading past an unescaped "&"', () => {
    expect(read('physorg-rss2-noxmldecl-media-thumbnail.xml').updates).toHaveLength(30);
  });

  it('gives the complete items of a feed missing its closing tag, with a warning', () => {
    const result = read('rss2-invalid-date-format.xml');
    // The feed lists them oldest first; updates always come newest first.
    expect(result.updates.map((update) => update.title)).toEqual([
      'Item 1 with all valid dates',
      'Item 0 with an invalid date',
    ]);
    expect(result.updates.map((update) => update.published)).toEqual([
      '2017-10-17T12:17:00.000Z',
      '2017-10-16T15:10:00.000Z',
    ]);
    expect(result.warnings).toContain('the feed is truncated (its closing tag is missing)');
  });

  it('reads an Atom feed saved inside an XHTML page', () => {
    const result = read('avian-blog-atom-duplicate-content.xml');
    expect(result.format).toBe('atom');
    expect(result.updates).toHaveLength(10);
  });
});

describe('text and links inside feed entries', () => {
  it('resolves relative links against the feed URL', () => {
    const update = read('example-atom-relative-urls.xml', 'https://example.com/feed.xml')
      .updates[0];
    expect(update?.url).toBe('https://example.com/blog/2003/12/13/atom03');
  });

  it('resolves links against xml:base', () => {
    const updates = read('reddit-home-atom-xmlbase.xml', '/tmp/saved-feed.xml').updates;
    for (const update of updates) expect(update.url).toMatch(/^https:\/\/www\.reddit\.com\//);
  });

  it('leaves a relative link out when there is no web address to resolve it against', () => {
    expect(read('example-atom-relative-urls.xml', '/tmp/feed.xml').updates[0]?.url).toBeUndefined();
  });

  it('keeps escaped angle brackets in a title as text', () => {
    expect(read('nodefeedparser-rss2-title-escaped-angle-brackets.xml').updates[0]?.title).toBe(
      'RSS <<< Title >>>',
    );
  });

  it('strips the markup of HTML titles', () => {
    for (const update of read('google-alerts-atom-html-in-titles.xml').updates) {
      expect(update.title).not.toMatch(/<\/?b>|&lt;/);
    }
  });

  it('decodes an entity left inside a JSON Feed title', () => {
    expect(read('influxdata-jsonfeed-1.1-html-entity-title.json').updates[1]?.title).not.toMatch(
      /&#\d+;/,
    );
  });

  it('takes the summary when the content lives elsewhere (<content src>)', () => {
    expect(read('elly-town-atom-content-src.xml').updates[0]?.body).toBe(
      "How do X.509 certificates actually work, and what's actually inside them?",
    );
  });

  it('reads XHTML content as text', () => {
    expect(read('atom-escaped-html-in-pre-tag.xml').updates[0]?.body).toBe(
      'This is escaped html:\n\n<b>test<b>',
    );
  });

  it('derives a stable id for items without a guid or link', () => {
    const first = read('ghost-rss2-item-without-title-link-guid.xml').updates[0];
    const again = read('ghost-rss2-item-without-title-link-guid.xml').updates[0];
    expect(first?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(again?.id).toBe(first?.id);
    expect(first?.title).toBe('Example');
  });

  it('reads the first of two identical guids once', () => {
    const result = read('braingle-rss2-duplicate-guid-feedburner.xml');
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]?.id).toBe('http://www.braingle.com/50366.html');
  });

  it('omits dates it cannot read rather than failing', () => {
    const updates = read('oreilly-rss092-example-iso8859-1-nonrfc-dates.xml').updates;
    expect(updates).toHaveLength(2);
    for (const update of updates) expect(update.published).toBeUndefined();
  });

  it('reads zone-less "YYYY-MM-DD HH:MM:SS" dates as UTC', () => {
    expect(read('qq-news-cn-rss2-gb2312-nonrfc-dates.xml').updates[0]?.published).toBe(
      '2018-09-18T14:38:10.000Z',
    );
  });
});
