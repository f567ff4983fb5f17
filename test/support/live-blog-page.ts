/**
 * Builds live-blog pages the way the seed snapshots (src/demo/sample/t0.html) are built: a
 * JSON-LD LiveBlogPosting in the head, a pinned "Key points" item first, and the same
 * updates as `<article>` blocks in the body. Tests make a blog that changes over time by
 * publishing one page after another.
 */

export const BLOG_URL = 'https://news.example.com/world/europe/ukraine-live-crash-test';

export interface BlogPost {
  /** The number in `#post-N`: the update's identity. */
  id: number;
  title: string;
  paragraphs: string[];
  published: Date;
  modified: Date;
}

export const postUrl = (id: number) => `${BLOG_URL}#post-${id}`;

/** Which post an alert is about, from its embed's permalink (`…#post-N`); undefined if none. */
export function postIdOfUrl(url: string | undefined): number | undefined {
  const match = /#post-(\d+)$/.exec(url ?? '');
  return match ? Number(match[1]) : undefined;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside `<script>` must not close the element early. */
const scriptJson = (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

/** `posts` in any order; the page lists them newest first, as live blogs do. */
export function liveBlogPage(posts: readonly BlogPost[], keyPoints: string[], now: Date): string {
  const newestFirst = [...posts].sort((a, b) => b.published.getTime() - a.published.getTime());
  const started = new Date(Date.UTC(2024, 10, 18, 7, 0, 0));
  const pinned = {
    '@type': 'BlogPosting',
    '@id': `${BLOG_URL}#key-points`,
    url: `${BLOG_URL}#key-points`,
    headline: 'Key points',
    articleBody: keyPoints.map((point) => `• ${point}`).join('\n'),
    datePublished: started.toISOString(),
    dateModified: now.toISOString(),
  };
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': BLOG_URL,
    url: BLOG_URL,
    headline: 'Ukraine war live: the day in full',
    inLanguage: 'en-GB',
    datePublished: started.toISOString(),
    dateModified: now.toISOString(),
    coverageStartTime: started.toISOString(),
    publisher: { '@type': 'NewsMediaOrganization', name: 'Example News' },
    liveBlogUpdate: [
      pinned,
      ...newestFirst.map((post) => ({
        '@type': 'BlogPosting',
        '@id': postUrl(post.id),
        url: postUrl(post.id),
        headline: post.title,
        articleBody: post.paragraphs.join('\n\n'),
        datePublished: post.published.toISOString(),
        dateModified: post.modified.toISOString(),
        author: { '@type': 'Organization', name: 'Example News live desk' },
      })),
    ],
  };
  const articles = newestFirst.map(
    (post) => `<article class="liveblog-update" id="post-${post.id}" data-post-id="${post.id}">
  <header class="update-header"><time class="update-time" datetime="${post.published.toISOString()}"></time><h2 class="update-title">${escapeHtml(post.title)}</h2></header>
  <div class="update-body">${post.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>
</article>`,
  );
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ukraine war live | Example News</title>
<link rel="canonical" href="${BLOG_URL}">
<meta property="og:type" content="article">
<script type="application/ld+json">
${scriptJson(posting)}
</script>
</head>
<body class="article liveblog-page">
<main id="main">
<article class="liveblog">
  <h1 class="liveblog-headline">Ukraine war live: the day in full</h1>
  <div class="liveblog-feed">
<article class="liveblog-update liveblog-update--pinned" id="key-points" data-pinned="true">
  <header class="update-header"><h2 class="update-title">Key points</h2></header>
  <div class="update-body"><ul>${keyPoints.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>
</article>
${articles.join('\n')}
  </div>
</article>
</main>
</body>
</html>
`;
}
