/**
 * How much a link on a section page or in a section feed looks like a live blog. Learnt
 * from how newsrooms mark them: a `/live/` or `/liveblog/` path (Guardian, BBC, Al
 * Jazeera), a slug saying `live`, `live-updates` or `…-latest-…` (Sky's "war latest"),
 * a headline ending "– live" or starting "… live:", a "Live" kicker or badge class on the
 * card, and Ukrainian "наживо" / "онлайн". Only a guess: every candidate is confirmed by
 * fetching it before it is followed.
 */

export interface LinkClues {
  url: URL;
  /** Anchor text, title or headline. */
  text: string;
  /** Class names, data attributes and short card text around the link. */
  context: string;
  /** The page declares the target a LiveBlogPosting (e.g. in an ItemList). */
  declaredLive?: boolean;
}

/** Below this a link is not worth a fetch. */
export const CANDIDATE_THRESHOLD = 2;

const LIVE_PATH_SEGMENT = /^(?:live|liveblog|live-blog|live-updates|live-news|livenews|онлайн)$/i;
const LIVE_SLUG = /(?:^|[-_])(?:live|liveblog|наживо|онлайн)(?:$|[-_])/i;
const LATEST_SLUG = /(?:^|[-_])latest(?:$|[-_])/i;
const NOT_A_BLOG_PATH =
  /^(?:video|videos|audio|podcasts?|gallery|galleries|picture|pictures|tv|radio|iplayer|sounds|live-tv|livestream|stream|watch|listen)$/i;

const LIVE_WORDS = /(?:^|[^\p{L}])(?:live|наживо|онлайн|хроніка подій)(?:$|[^\p{L}])/iu;
const LATEST_WORDS =
  /\b(?:latest updates|latest news|as it happened|live updates)\b|останні новини/i;
const LIVE_CONTEXT =
  /(?:^|[\s_-])(?:live|is-live|live-?blog|live-badge|live-kicker|liveblog-card|card--live|kicker--live|pulsing-dot)(?:$|[\s_-])/i;

export function liveScore(clues: LinkClues): number {
  if (clues.declaredLive) return 5;
  const segments = decodedPath(clues.url)
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.some((segment) => NOT_A_BLOG_PATH.test(segment))) return 0;
  let score = 0;
  if (segments.some((segment) => LIVE_PATH_SEGMENT.test(segment))) score += 3;
  else if (segments.some((segment) => LIVE_SLUG.test(segment))) score += 2;
  else if (segments.some((segment) => LATEST_SLUG.test(segment))) score += 1;
  if (LIVE_WORDS.test(clues.text)) score += 2;
  else if (LATEST_WORDS.test(clues.text)) score += 1;
  if (LIVE_CONTEXT.test(clues.context) || LIVE_WORDS.test(clues.context)) score += 1;
  return score;
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** Query parameters that only track a click; the same page without them is the same blog. */
const TRACKING_PARAM = /^(?:utm_.*|cmp|traffic_source|at_.*|ito|xtor|fbclid|gclid|ocid|src|ref)$/i;

/** The form a candidate's address is known by: no fragment, no tracking parameters. */
export function candidateAddress(url: URL): string {
  const clean = new URL(url.href);
  clean.hash = '';
  for (const key of [...clean.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) clean.searchParams.delete(key);
  }
  return clean.href;
}

/** Same newsroom: the same host, or hosts sharing their last two labels (three for co.uk-like). */
export function sameSite(a: URL, b: URL): boolean {
  return siteOf(a.hostname) === siteOf(b.hostname);
}

const COUNTRY_SECOND_LEVEL = new Set([
  'co',
  'com',
  'org',
  'net',
  'gov',
  'ac',
  'edu',
  'in',
  'kiev',
  'kyiv',
]);

function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const secondLevel =
    labels.length >= 3 &&
    labels.at(-1)?.length === 2 &&
    COUNTRY_SECOND_LEVEL.has(labels.at(-2) ?? '');
  return labels.slice(secondLevel ? -3 : -2).join('.');
}
