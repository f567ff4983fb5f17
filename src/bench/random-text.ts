/**
 * Deterministic news-like text for the generated documents: the same seed gives the same
 * bytes on every run, so figures compare across machines and commits.
 */

/** mulberry32: tiny, fast and good enough to vary generated text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export const PLACES = [
  'Kyiv',
  'Kharkiv',
  'Odesa',
  'Lviv',
  'Dnipro',
  'Zaporizhzhia',
  'Kherson',
  'Mykolaiv',
  'Sumy',
  'Chernihiv',
  'Poltava',
  'Vinnytsia',
  'Zhytomyr',
  'Kramatorsk',
  'Sloviansk',
  'Pokrovsk',
  'Bakhmut',
  'Avdiivka',
  'Kupiansk',
  'Izium',
  'Chasiv Yar',
  'Toretsk',
  'Kurakhove',
  'Vuhledar',
  'Nikopol',
  'Kryvyi Rih',
  'Uman',
  'Bila Tserkva',
  'Cherkasy',
  'Rivne',
  'Lutsk',
  'Ternopil',
];

const SUBJECTS = [
  'The regional governor',
  'Ukraine’s air force',
  'The general staff',
  'The foreign ministry',
  'The energy ministry',
  'Emergency services',
  'The city’s mayor',
  'A military spokesperson',
  'Local officials',
  'The prosecutor general’s office',
  'The national grid operator',
  'Railway operator Ukrzaliznytsia',
  'The defence ministry',
  'Police in the region',
];

const VERBS = ['said', 'reported', 'confirmed', 'told reporters', 'wrote on Telegram', 'announced'];

const CLAUSES = [
  'that repair crews were working through the night to restore power to {n} homes',
  'that the situation along the front near {p} remained difficult',
  'that {n} people had been evacuated from villages around {p}',
  'that talks with European partners would continue next week',
  'that schools in {p} would switch to online lessons until further notice',
  'that a humanitarian convoy had reached {p} with food and medicine',
  'that {n} drones had been launched overnight, most of them shot down',
  'that a residential building in {p} had been damaged and {n} people injured',
  'that traffic on the main road to {p} had been restored',
  'that the water supply in parts of {p} had been cut after the attack',
  'that additional air defence systems were expected before winter',
  'that prices for bread and fuel had risen by {n} per cent since spring',
];

const TAILS = [
  'Further details were not immediately available.',
  'We will bring you more on this as we get it.',
  'The claims could not be independently verified.',
  'Residents were urged to stay in shelters until the all-clear.',
  'The statement did not say when the work would be finished.',
  'Officials said the figures were preliminary.',
];

function fill(template: string, random: () => number): string {
  return template
    .replace('{p}', pick(random, PLACES))
    .replace('{n}', String(2 + Math.floor(random() * 400)));
}

export function newsSentence(random: () => number): string {
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${fill(pick(random, CLAUSES), random)}.`;
}

/** A few paragraphs of 2–4 sentences, like one live-blog update. */
export function newsParagraphs(random: () => number, paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, () => {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
      newsSentence(random),
    );
    if (random() < 0.3) sentences.push(pick(random, TAILS));
    return sentences.join(' ');
  });
}

export function newsHeadline(random: () => number): string {
  const sentence = fill(pick(random, CLAUSES), random).replace(/^that /, '');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`.slice(0, 110);
}
