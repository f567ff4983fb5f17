/**
 * Random documents of every format the readers understand, built from random parts: valid
 * enough to reach each reader's inner code, odd enough to surprise it.
 */
import fc from 'fast-check';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text as feeds carry it, including markup-looking and mention-looking snippets. */
const words = fc.oneof(
  { weight: 3, arbitrary: fc.lorem({ maxCount: 12, mode: 'words' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 80, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<b>bold</b>',
      '<p>para</p><p>two</p>',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '@everyone <@&123456789012345678> **x**',
      ']]>',
      '<![CDATA[x]]>',
      '&#x1F600; &amp;amp; &unknown;',
      'Air-raid alert in Kyiv. Missile strike on the power plant.',
      '\u202Eevil\u202C \u200B',
      '',
    ),
  },
);

const dates = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer().map(String),
  fc.constantFrom('', 'yesterday', '0000-00-00', '2024-13-45T25:61:00Z', '9999-12-31T23:59:59Z'),
);

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const rssItem = fc
  .record({
    guid: maybe(words),
    title: maybe(words),
    link: maybe(fc.oneof(fc.webUrl(), words)),
    description: maybe(words),
    pubDate: maybe(dates),
    raw: fc.boolean(),
  })
  .map(({ raw, ...fields }) => {
    const element = (name: string, value: string | undefined) =>
      value === undefined ? '' : `<${name}>${raw ? value : escapeXml(value)}</${name}>`;
    return `<item>${element('guid', fields.guid)}${element('title', fields.title)}${element('link', fields.link)}${element('description', fields.description)}${element('pubDate', fields.pubDate)}</item>`;
  });

const rss = fc
  .array(rssItem, { maxLength: 40 })
  .map(
    (items) => `<?xml version="1.0"?><rss version="2.0"><channel>${items.join('')}</channel></rss>`,
  );

const atomEntry = fc
  .record({ id: maybe(words), title: maybe(words), content: maybe(words), updated: maybe(dates) })
  .map(
    (fields) =>
      `<entry>${Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `<${name} type="html">${escapeXml(value ?? '')}</${name}>`)
        .join('')}</entry>`,
  );

const atom = fc
  .array(atomEntry, { maxLength: 40 })
  .map((entries) => `<feed xmlns="http://www.w3.org/2005/Atom">${entries.join('')}</feed>`);

const anyField = fc.oneof(words, dates, fc.jsonValue({ maxDepth: 3 }));

const jsonFeed = fc
  .array(
    fc.oneof(
      fc.record(
        {
          id: anyField,
          title: anyField,
          content_html: anyField,
          content_text: anyField,
          url: anyField,
          date_published: anyField,
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxLength: 40 },
  )
  .map((items) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items }));

const posting = fc.record(
  {
    '@type': fc.constantFrom('BlogPosting', 'LiveBlogPosting', ['BlogPosting'], 'NewsArticle'),
    '@id': anyField,
    headline: anyField,
    articleBody: anyField,
    url: anyField,
    datePublished: anyField,
  },
  { requiredKeys: [] },
);

const jsonLdPage = fc
  .tuple(fc.array(fc.oneof(posting, fc.jsonValue({ maxDepth: 3 })), { maxLength: 40 }), words)
  .map(([updates, title]) => {
    const json = JSON.stringify({
      '@type': 'LiveBlogPosting',
      headline: title,
      liveBlogUpdate: updates,
    });
    return `<!doctype html><html><head><script type="application/ld+json">${json.replace(/<\//g, '<\\/')}</script></head><body><p>${escapeXml(title)}</p></body></html>`;
  });

type Node = string | { tag: string; attributes: string; children: Node[] };

const htmlTree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc.record({
      tag: fc.constantFrom(
        'article',
        'div',
        'section',
        'main',
        'h2',
        'p',
        'time',
        'span',
        'a',
        'li',
        'script',
        'header',
      ),
      attributes: fc.constantFrom(
        '',
        ' class="live-post"',
        ' class="block" id="block-1"',
        ' data-pinned="true"',
        ' datetime="2024-11-18T10:04:00Z"',
        ' href="/live#p1"',
        ' itemprop="liveBlogUpdate"',
      ),
      children: fc.array(tie('node'), { maxLength: 6 }),
    }),
  ),
})).node;

const renderHtml = (node: Node): string =>
  typeof node === 'string'
    ? escapeXml(node)
    : `<${node.tag}${node.attributes}>${node.children.map(renderHtml).join('')}</${node.tag}>`;

const htmlPage = fc
  .array(htmlTree, { maxLength: 12 })
  .map(
    (nodes) =>
      `<!doctype html><html><body><main>${nodes.map(renderHtml).join('\n')}</main></body></html>`,
  );

const plainText = fc
  .array(fc.oneof(words, fc.constantFrom('10:04', '09:58 Headline here', 'Share', '')), {
    maxLength: 80,
  })
  .map((lines) => lines.join('\n'));

export const randomDocuments: Record<string, fc.Arbitrary<string>> = {
  rss,
  atom,
  jsonfeed: jsonFeed,
  jsonld: jsonLdPage,
  'html-articles': htmlPage,
  text: plainText,
  json: fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value) ?? 'null'),
};
