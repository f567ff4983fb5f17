/**
 * Scraped live-blog text → updates, split the way an editor would read it: site chrome is
 * dropped (see boilerplate.ts), times and headlines mark where an update starts, and where
 * the text has neither, each paragraph either continues the update or opens the next one
 * (see paragraph-links.ts), with lexical cohesion deciding what the cues leave open.
 */
import { flagChrome, isTerminated, wordCount } from './boilerplate.ts';
import { CohesionModel, termsOf } from './cohesion.ts';
import { MAX_ENTRIES } from './feed-common.ts';
import { TIME_HEADING } from './html-ticker.ts';
import { type Link, linkByCues, wordsOf } from './paragraph-links.ts';
import { clipAtWord, tidyText } from './text.ts';
import type { ReaderOutput, UpdateDraft } from './update-draft.ts';

/** Paragraphs looked at per document; a live blog page has a few hundred. */
const MAX_PARAGRAPHS = 10_000;
const MAX_PARAGRAPH_CHARS = 5_000;

const TIME_LINE =
  /^(?:(?:updated:?\s*)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?|uhr|h|gmt|bst|cet|cest|utc|et|edt|est)?|\d{1,3}\s*(?:m|mins?|minutes?|h|hrs?|hours?)\s+ago|just now)$/i;

type Kind = 'chrome' | 'time' | 'heading' | 'content';

interface Paragraph {
  text: string;
  kind: Kind;
  terms: Set<string>;
}

interface Segment {
  title: string | undefined;
  paragraphs: Paragraph[];
  terms: Set<string>;
  /** Every word of the update so far, to tell who has been introduced. */
  words: Set<string>;
}

/** Paragraphs are lines, unless the text is hard-wrapped into blank-line-separated blocks. */
export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = normalised.split(/\n[^\S\n]*\n/).filter((block) => block.trim() !== '');
  const wrapped = blocks.filter((block) => block.trim().includes('\n')).length;
  const units = blocks.length > 1 && wrapped * 2 >= blocks.length ? blocks : normalised.split('\n');
  // Blank units are skipped before tidying and the walk stops at the cap: a document of
  // millions of empty lines would otherwise cost a regex pass per line.
  const paragraphs: string[] = [];
  for (const unit of units) {
    if (paragraphs.length >= MAX_PARAGRAPHS) break;
    if (!/\S/.test(unit)) continue;
    const paragraph = clipAtWord(tidyText(unit.replace(/\s+/g, ' ')), MAX_PARAGRAPH_CHARS);
    if (paragraph !== '') paragraphs.push(paragraph);
  }
  return paragraphs;
}

export function readPlainText(text: string): ReaderOutput {
  const paragraphs = classify(splitParagraphs(text));
  const cohesion = new CohesionModel(
    paragraphs.filter((p) => p.kind === 'content').map((p) => p.text),
  );
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let pendingTitle: string | undefined;
  let boundary = false;

  const open = (first: Paragraph | undefined, title: string | undefined): void => {
    current = { title, paragraphs: [], terms: new Set(), words: new Set() };
    segments.push(current);
    if (first) add(current, first);
  };

  paragraphs.forEach((paragraph, index) => {
    const previous = paragraphs[index - 1];
    const next = paragraphs[index + 1];
    if (paragraph.kind === 'chrome') return;
    if (paragraph.kind === 'time') {
      const timed = TIME_HEADING.exec(paragraph.text);
      current = undefined;
      boundary = true;
      pendingTitle = timed?.[2] && !isTerminated(timed[2]) ? timed[2] : undefined;
      if (timed?.[2] && isTerminated(timed[2])) {
        open({ ...paragraph, text: timed[2], kind: 'content' }, undefined);
        boundary = false;
      }
      return;
    }
    const afterColon = previous?.kind === 'content' && /:\s*$/.test(previous.text);
    if (paragraph.kind === 'heading' && !afterColon) {
      // A headline sits right above its first paragraph; anything else is a page
      // heading or standfirst, not an update.
      if (next?.kind !== 'content') return;
      const startsUpdate =
        !current ||
        boundary ||
        cohesion.similarity(next.terms, paragraph.terms) >
          cohesion.similarity(next.terms, current.terms);
      if (startsUpdate) {
        pendingTitle = paragraph.text;
        current = undefined;
        return;
      }
    }
    if (!current || boundary || pendingTitle !== undefined) {
      open(paragraph, pendingTitle);
      pendingTitle = undefined;
      boundary = false;
      return;
    }
    if (decideLink(paragraph, next, current, cohesion) === 'opens') {
      open(paragraph, undefined);
    } else {
      add(current, paragraph);
    }
  });

  const drafts: UpdateDraft[] = segments
    .filter((segment) => segment.paragraphs.length > 0)
    .slice(0, MAX_ENTRIES)
    .map((segment) => ({
      title: segment.title,
      body: segment.paragraphs.map((p) => p.text).join('\n\n'),
    }));
  const dropped = paragraphs.filter((p) => p.kind === 'chrome').length;
  const warnings = dropped > 0 ? [`dropped ${dropped} lines of site chrome from the text`] : [];
  return { drafts, warnings };
}

function classify(texts: readonly string[]): Paragraph[] {
  const isTime = texts.map((text) => TIME_LINE.test(text) || TIME_HEADING.test(text));
  const chrome = flagChrome(texts);
  return texts.map((text, index) => {
    let kind: Kind = 'content';
    if (isTime[index]) kind = 'time';
    else if (chrome[index]) kind = 'chrome';
    else if (!isTerminated(text) && !/[:;,]$/.test(text) && wordCount(text) >= 4) kind = 'heading';
    return { text, kind, terms: termsOf(text) };
  });
}

function add(segment: Segment, paragraph: Paragraph): void {
  segment.paragraphs.push(paragraph);
  for (const word of wordsOf(paragraph.text)) segment.words.add(word);
  for (const term of paragraph.terms) segment.terms.add(term);
}

function decideLink(
  paragraph: Paragraph,
  next: Paragraph | undefined,
  current: Segment,
  cohesion: CohesionModel,
): Link {
  const previous = current.paragraphs[current.paragraphs.length - 1]?.text ?? '';
  const cue = linkByCues(paragraph.text, previous, current.words);
  if (cue) return cue;
  // Undecided: it belongs with whichever side it shares more with.
  if (next?.kind !== 'content') return 'continues';
  const backwards = cohesion.similarity(paragraph.terms, current.terms);
  const forwards = cohesion.similarity(paragraph.terms, next.terms);
  return backwards < forwards ? 'opens' : 'continues';
}
