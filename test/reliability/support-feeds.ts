/** Small RSS documents for tests that drive the poller: one item per update. */

export interface FeedItem {
  id: string;
  title: string;
  body?: string;
  link?: string;
  /** An RSS pubDate, written as given (any text, to test odd clocks). */
  pubDate?: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rssFeed(items: FeedItem[], title = 'Test live blog'): string {
  const entries = items.map((item) =>
    [
      '<item>',
      `<guid isPermaLink="false">${escapeXml(item.id)}</guid>`,
      `<title>${escapeXml(item.title)}</title>`,
      item.link ? `<link>${escapeXml(item.link)}</link>` : '',
      item.pubDate ? `<pubDate>${escapeXml(item.pubDate)}</pubDate>` : '',
      `<description>${escapeXml(item.body ?? `${item.title}. More details follow.`)}</description>`,
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://news.example/live</link>${entries.join('\n')}</channel></rss>`;
}

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
