/** What the RSS and Atom readers share beyond the XML tree itself. */
import type { Element } from 'domhandler';
import { toIsoDate } from './update-draft.ts';
import { firstChild, textOf, type XmlDocument } from './xml.ts';

/** Entries read per document at most; a live blog page never holds more. */
export const MAX_ENTRIES = 1000;

/** Document-level warnings: a cut-off body or an element budget that ran out. */
export function feedWarnings(doc: XmlDocument): string[] {
  const warnings: string[] = [];
  if (doc.overflowed) warnings.push('the feed is too large; only its beginning was read');
  else if (doc.root && doc.unclosed.has(doc.root)) {
    warnings.push('the feed is truncated (its closing tag is missing)');
  }
  return warnings;
}

export function truncationWarning(incomplete: number): string {
  return `the feed is truncated: dropped ${incomplete} incomplete ${incomplete === 1 ? 'entry' : 'entries'} at the cut`;
}

/** The first readable date among the candidate children, in order of preference (as ISO). */
export function pickDate(
  entry: Element,
  candidates: ReadonlyArray<readonly [string, readonly string[]]>,
): string | undefined {
  for (const [local, namespaces] of candidates) {
    const iso = toIsoDate(textOf(firstChild(entry, local, namespaces)));
    if (iso) return iso;
  }
  return undefined;
}
