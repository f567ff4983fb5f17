/**
 * The links of a section or tag page, each with the clues around it: its text, the card
 * it sits in (class names, a "Live" kicker) and whether the page's JSON-LD declares the
 * target a LiveBlogPosting. Iterative and capped, as section pages can be large.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { findFirst } from '../readers/dom.ts';
import { absoluteUrl } from '../readers/update-draft.ts';
import type { LinkClues } from './live-hints.ts';

/** Anchors looked at per page; a section listing more is cut here. */
export const MAX_LINKS = 3_000;
const MAX_TEXT = 300;
/** How far up from a link its card may reach. */
const CARD_LEVELS = 3;

/** Site furniture: its "Live TV" and "Live chat" links are about the site, not the news. */
const SKIPPED = new Set(['script', 'style', 'template', 'nav']);
/** The page's own header and footer; a card's header inside <main> or <article> is content. */
const PAGE_FURNITURE = new Set(['header', 'footer']);
const CONTENT = new Set(['main', 'article', 'section']);

export interface PageLink extends LinkClues {
  /** Order on the page: listings put the newest first. */
  position: number;
}

export function pageLinks(
  dom: Document,
  base: string | undefined,
): { links: PageLink[]; cut: boolean } {
  const links: PageLink[] = [];
  const stack: Array<[AnyNode, boolean]> = [...dom.children].reverse().map((n) => [n, false]);
  let cut = false;
  while (stack.length > 0) {
    const [node, inContent] = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'a' && node.attribs.href) {
      if (links.length >= MAX_LINKS) {
        cut = true;
        break;
      }
      const link = linkClues(node, base, links.length);
      if (link) links.push(link);
      continue;
    }
    if (SKIPPED.has(node.name) || node.attribs.role === 'navigation') continue;
    if (!inContent && PAGE_FURNITURE.has(node.name)) continue;
    const content = inContent || CONTENT.has(node.name);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push([node.children[i]!, content]);
  }
  return { links, cut };
}

function linkClues(
  anchor: Element,
  base: string | undefined,
  position: number,
): PageLink | undefined {
  const href = absoluteUrl(anchor.attribs.href, base);
  if (!href) return undefined;
  const url = new URL(href);
  const text = [textOf(anchor), anchor.attribs['aria-label'] ?? '', anchor.attribs.title ?? '']
    .map(collapse)
    .filter(Boolean)
    .join(' · ')
    .slice(0, MAX_TEXT);
  return { url, text, context: cardContext(anchor), position };
}

/** Class names and data attributes of the link and its card, and the card's short text. */
function cardContext(anchor: Element): string {
  const parts: string[] = [markers(anchor)];
  let element: Element | undefined = anchor;
  for (let level = 0; level < CARD_LEVELS; level += 1) {
    const parent: AnyNode | null = element.parent;
    if (!parent || !isTag(parent)) break;
    element = parent;
    parts.push(markers(element));
    // A card is small and about one thing; a list of many links is not a card.
    if (countAnchors(element) > 2) break;
    const text = collapse(textOf(element));
    if (text.length <= MAX_TEXT) parts.push(text);
  }
  return parts
    .filter(Boolean)
    .join(' ')
    .slice(0, 2 * MAX_TEXT);
}

function markers(element: Element): string {
  return [
    element.attribs.class,
    element.attribs['data-link-name'],
    element.attribs['data-component'],
    element.attribs['data-testid'],
    'data-live' in element.attribs ? 'live' : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

function countAnchors(element: Element): number {
  let count = 0;
  const stack: AnyNode[] = [element];
  while (stack.length > 0 && count <= 2) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'a') count += 1;
    for (const child of node.children) stack.push(child);
  }
  return count;
}

function textOf(element: Element): string {
  let out = '';
  const stack: AnyNode[] = [element];
  while (stack.length > 0 && out.length < 4 * MAX_TEXT) {
    const node = stack.pop()!;
    if (node.type === 'text') out += ` ${(node as { data: string }).data}`;
    else if (isTag(node) && node.name !== 'script' && node.name !== 'style') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
    }
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `<meta property="og:…" content>` or `<meta name="…" content>`. */
export function metaContent(dom: Document, name: string): string | undefined {
  const meta = findFirst(
    dom.children,
    (element) =>
      element.name === 'meta' &&
      (element.attribs.property === name || element.attribs.name === name) &&
      Boolean(element.attribs.content?.trim()),
  );
  return meta ? collapse(meta.attribs.content ?? '') : undefined;
}

export function headingText(dom: Document): string | undefined {
  const h1 = findFirst(dom.children, (element) => element.name === 'h1');
  const text = h1 ? collapse(textOf(h1)) : '';
  return text || undefined;
}
