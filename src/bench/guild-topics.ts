import type { CustomTopic } from '../core/guild-settings.ts';
import { PLACES, pick, seededRandom } from './random-text.ts';

/** Keyword topics like the ones guild admins add with `/alerts topic add`. */

/** Ukrainian spellings of the first places in PLACES, in the same order. */
const PLACES_UK = [
  'Київ',
  'Харків',
  'Одеса',
  'Львів',
  'Дніпро',
  'Запоріжжя',
  'Херсон',
  'Миколаїв',
  'Суми',
  'Чернігів',
  'Полтава',
  'Вінниця',
  'Житомир',
  'Краматорськ',
  'Слов’янськ',
  'Покровськ',
];

const SUBJECTS = [
  'grain corridor',
  'power outage',
  'blackout',
  'evacuation',
  'ceasefire',
  'prisoner exchange',
  'sanctions',
  'refugees',
  'mobilisation',
  'black sea fleet',
  'crimea bridge',
  'heating',
  'water supply',
  'hospital',
  'railway',
  'port',
  'border crossing',
  'eu accession',
  'nato summit',
  'patriot',
  'f-16',
  'himars',
  'school',
  'curfew',
  'знеструмлення',
  'евакуація',
  'обмін полоненими',
  'відключення світла',
  'перемир’я',
  'мобілізація',
];

const SYLLABLES = ['no', 'vo', 'pe', 'tri', 'ka', 'zar', 'ich', 'ne', 'hor', 'ly', 'sta', 'mir'];

/** A made-up village, street or surname: words only one guild cares about. */
function localName(random: () => number): string {
  const parts = 2 + Math.floor(random() * 3);
  return Array.from({ length: parts }, () => pick(random, SYLLABLES)).join('');
}

function repeat(random: () => number, make: () => string): string[] {
  return Array.from({ length: 1 + Math.floor(random() * 3) }, make);
}

/**
 * What admins type, in three kinds: a place (a city in its spellings, or a small town),
 * a theme (a few subjects, sometimes tied to a city with "+"), or local names.
 */
function topicPhrases(random: () => number): string[] {
  const kind = random();
  if (kind < 0.4) {
    if (random() < 0.5) return repeat(random, () => localName(random));
    const city = Math.floor(random() * PLACES.length);
    const uk = PLACES_UK[city];
    return [PLACES[city]!.toLowerCase(), ...(uk ? [uk] : [])];
  }
  if (kind < 0.7) {
    return repeat(random, () =>
      random() < 0.3
        ? `${pick(random, PLACES).toLowerCase()} + ${pick(random, SUBJECTS)}`
        : pick(random, SUBJECTS),
    );
  }
  return repeat(random, () => localName(random));
}

/** `count` topics spread evenly over `guilds` guilds; deterministic. */
export function generateGuildTopics(count: number, guilds: number): CustomTopic[][] {
  const random = seededRandom(5);
  const perGuild: CustomTopic[][] = Array.from({ length: guilds }, () => []);
  for (let i = 0; i < count; i += 1) {
    const include = topicPhrases(random);
    const exclude = random() < 0.2 ? [localName(random)] : [];
    perGuild[i % guilds]?.push({ slug: `kw-${i}`, name: `Keywords ${i}`, include, exclude });
  }
  return perGuild;
}
