/**
 * Tells a scraped page's chrome (sign-in prompts, donation appeals, UI strings, template
 * placeholders) from its journalism, line by line. The rules are about what chrome looks
 * like anywhere — repeated, addressed to "you", a call to action, the site talking about
 * itself — not about any one site's sentences.
 */

/** Text inside quotation marks is somebody else speaking, not the page. */
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)|‘[^’]*(?:’|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)/g;
const TEMPLATE = /\{\{[^}]*\}\}|\{%[^%]*%\}|\$\{[^}]*\}|<%[^%]*%>/;
const READER_ADDRESS =
  /\b(?:you|your|yours|you're|you’re|you've|you’ve|you'll|you’ll|you'd|you’d)\b/i;
const UI_WORDS =
  /\b(?:cookies?|browser|notifications?|newsletters?|subscri(?:be|bed|ption|ptions|ber|bers)|sign(?:ed)?[ -](?:in|up|out)|log(?:ged)?[ -]?(?:in|out)|register|bookmarks?|premium|paywalls?|donat(?:e|ion|ions|ing)|advert(?:s|isement|isements|ising)?|javascript|ad ?blocker|password|preferences)\b/i;
const CALL_TO_ACTION =
  /^(?:join|subscribe|sign (?:in|up)|log ?in|log out|register|follow (?:us|other)|share(?: this)?|download|click|tap|continue reading|read more|advertisement|skip to|accept|manage (?:cookies|preferences|consent)|watch more|more stories|related)\b/i;
/** Page metadata: "Last updated 18 November 2024 10.04 GMT", "Published 2 hours ago". */
const META_LINE = /^(?:(?:last )?updated|published|posted|first published)\b[^.!?]{0,60}$/i;
const FIRST_PERSON_PLURAL = /\b(?:we|our|ours|us)\b|\bWe\b|\bOur\b/;
const TERMINAL = /[.!?…]["'”’)\]]*$/;

export function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

export function isTerminated(line: string): boolean {
  return TERMINAL.test(line);
}

function unquoted(line: string): string {
  return line.replace(QUOTED, ' ');
}

/** Chrome by the line's own features, before looking at the page as a whole. */
function isChromeLine(line: string, repeated: boolean): boolean {
  const words = wordCount(line);
  const outside = unquoted(line);
  if (TEMPLATE.test(line) || repeated || META_LINE.test(line)) return true;
  if (words <= 3 && !isTerminated(line)) return true;
  if (words <= 6 && /[?:]$/.test(line)) return true;
  if (READER_ADDRESS.test(outside)) return true;
  if (CALL_TO_ACTION.test(line)) return true;
  return words <= 15 && UI_WORDS.test(outside);
}

/**
 * Flags each line as chrome (true) or content. A second pass catches the site talking
 * about itself: first-person plural next to the site's name, learnt from the chrome lines.
 */
export function flagChrome(lines: readonly string[]): boolean[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  const flags = lines.map((line) => isChromeLine(line, (counts.get(line) ?? 0) > 1));
  const brand = brandWords(lines.filter((_, index) => flags[index]));
  if (brand.size === 0) return flags;
  return lines.map((line, index) => {
    if (flags[index]) return true;
    const outside = unquoted(line);
    return FIRST_PERSON_PLURAL.test(outside) && mentionsBrand(outside, brand);
  });
}

const NOT_NAMES = new Set(
  'The A An And Or But If In On At To Of For With By From As It This That Hi Or New Log Sign Start Want Join Find Please Read More'.split(
    ' ',
  ),
);

/** Capitalised words that recur across several chrome lines: the site's own name. */
function brandWords(chromeLines: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const line of chromeLines) {
    const words = new Set(
      line
        .split(/[^\p{L}\p{N}'’-]+/u)
        .slice(1)
        .filter((word) => /^\p{Lu}\p{Ll}{2,}$/u.test(word) && !NOT_NAMES.has(word)),
    );
    for (const word of words) seen.set(word, (seen.get(word) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count >= 2).map(([word]) => word));
}

/** The brand on its own ("The Independent"), not inside another name ("Kyiv Independent"). */
function mentionsBrand(line: string, brand: ReadonlySet<string>): boolean {
  const words = line.split(/\s+/);
  return words.some((word, index) => {
    const bare = word.replace(/[^\p{L}\p{N}-]/gu, '');
    if (!brand.has(bare)) return false;
    const previous = words[index - 1]?.replace(/[^\p{L}]/gu, '') ?? '';
    return previous === '' || previous === 'The' || !/^\p{Lu}/u.test(previous);
  });
}
