/**
 * News tickers that are ordinary articles in their markup (BR24, NZZ…): each entry is a
 * heading starting with a time — "12.31 Uhr: …", "09:15 GMT – …" — followed by its
 * paragraphs, up to the next such heading or a section heading (a new day, "Related").
 */
import { type AnyNode, type Document, type Element, isTag } from 'domhandler';
import { type PageContext, parentOf, stableElementId } from './dom.ts';
import { MAX_ENTRIES } from './feed-common.ts';
import { nodesToText } from './text.ts';
import { absoluteUrl, type ReaderOutput, type UpdateDraft } from './update-draft.ts';

/** "12.31 Uhr: Title", "09:15 GMT – Title": group 1 is the time, group 2 the rest. */
export const TIME_HEADING =
  /^\s*(\d{1,2}[.:]\d{2})\s*(?:uhr|h|gmt|bst|cet|cest|utc|et|[ap]\.?m\.?)?\s*[:|–—-]\s*(\S.*)$/is;
/** A ticker needs at least this many time headings; one could be a coincidence. */
const MIN_ENTRIES = 2;
const MAX_DEPTH = 200;

interface Entry {
  heading: Element;
  title: string;
  rank: number;
  nodes: AnyNode[];
}

export function readTickerHeadings(dom: Document, context: PageContext): ReaderOutput {
  const headings = collectHeadings(dom.children);
  const timed = headings.filter((heading) => TIME_HEADING.test(headingText(heading)));
  if (timed.length < MIN_ENTRIES) return { drafts: [], warnings: [] };

  // Only the part of the page that holds the ticker is walked; other headings there
  // (a new day, "Related articles") end the entry before them.
  const scope = commonAncestor(timed);
  const boundaries = new Set(headings.filter((heading) => isInside(heading, scope)));
  const holdsBoundary = ancestorsOf(boundaries);
  const entries: Entry[] = [];
  let current: Entry | undefined;

  const visit = (nodes: readonly AnyNode[], depth: number): void => {
    for (const node of nodes) {
      if (isTag(node) && boundaries.has(node)) {
        const match = TIME_HEADING.exec(headingText(node));
        const rank = headingRank(node);
        if (match) {
          current = { heading: node, title: match[2]!.trim(), rank, nodes: [] };
          entries.push(current);
        } else if (current && rank <= current.rank) {
          current = undefined;
        }
      } else if (isTag(node) && holdsBoundary.has(node) && depth < MAX_DEPTH) {
        visit(node.children, depth + 1);
      } else if (current) {
        current.nodes.push(node);
      }
    }
  };
  visit(scope ? scope.children : dom.children, 0);

  const drafts = entries.slice(0, MAX_ENTRIES).map((entry) => toDraft(entry, context));
  return { drafts, warnings: [] };
}

function toDraft(entry: Entry, context: PageContext): UpdateDraft {
  const anchor = stableElementId(entry.heading);
  const url = anchor ? absoluteUrl(`#${anchor}`, context.base) : undefined;
  const time = entry.nodes.find(
    (node): node is Element => isTag(node) && node.name === 'time' && !!node.attribs.datetime,
  );
  return {
    id: url ?? anchor,
    title: entry.title.replace(/\s+/g, ' '),
    body: nodesToText(entry.nodes),
    url,
    published: time?.attribs.datetime,
  };
}

/** Headings in these (image captions, asides) are not the ticker's structure. */
const NOT_TICKER = new Set(['figure', 'figcaption', 'aside', 'nav', 'footer', 'form', 'button']);

/** h1–h6 and role="heading", in document order. */
function collectHeadings(nodes: readonly AnyNode[]): Element[] {
  const found: Element[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node) || node.type !== 'tag' || NOT_TICKER.has(node.name)) continue;
    if (headingRank(node) < 7) {
      found.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return found;
}

function headingRank(element: Element): number {
  const match = /^h([1-6])$/.exec(element.name);
  if (match) return Number(match[1]);
  if (element.attribs.role === 'heading') return Number(element.attribs['aria-level'] ?? 2) || 2;
  return 7;
}

function headingText(heading: Element): string {
  return nodesToText([heading]).replace(/\s+/g, ' ').slice(0, 400);
}

function pathFromRoot(element: Element): Element[] {
  const path: Element[] = [];
  for (let node: Element | undefined = element; node; node = parentOf(node)) path.push(node);
  return path.reverse();
}

function commonAncestor(elements: readonly Element[]): Element | undefined {
  let common = pathFromRoot(elements[0]!).slice(0, -1);
  for (const element of elements.slice(1)) {
    const path = pathFromRoot(element);
    let same = 0;
    while (same < common.length && common[same] === path[same]) same += 1;
    common = common.slice(0, same);
  }
  return common[common.length - 1];
}

function isInside(element: Element, scope: Element | undefined): boolean {
  if (!scope) return true;
  for (let node = parentOf(element); node; node = parentOf(node)) if (node === scope) return true;
  return false;
}

function ancestorsOf(elements: ReadonlySet<Element>): Set<Element> {
  const ancestors = new Set<Element>();
  for (const element of elements) {
    for (let node = parentOf(element); node && !ancestors.has(node); node = parentOf(node)) {
      ancestors.add(node);
    }
  }
  return ancestors;
}
