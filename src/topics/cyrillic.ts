/**
 * A light stemmer for Ukrainian and Russian, which share most case endings. It strips one
 * inflectional ending so "тривога", "тривоги", "тривогу", "тривогою" share the key "тривог",
 * and "повітряна"/"повітряної"/"воздушная"/"воздушной" lose theirs too. Text and phrases go
 * through the same function, so a key only has to be consistent. Consonant alternations
 * ("тривога" → "у тривозі") are out of reach: list such forms in the phrase lists.
 */

const REFLEXIVE = ['ся', 'сь'];

/** Noun, adjective and a few verb endings of both languages; tried longest first. */
const ENDINGS = [
  // adjectives and nouns in -ов-/-ев- (also place names: Харків, Харкова, Харкові)
  'овими',
  'ового',
  'овому',
  'ових',
  'овій',
  'ової',
  'овий',
  'ова',
  'ові',
  'ову',
  'ове',
  'овим',
  'овом',
  'ього',
  'ьому',
  'ують',
  'юють',
  'ією',
  'ого',
  'его',
  'ому',
  'ему',
  'ими',
  'ыми',
  'ами',
  'ями',
  'еві',
  'єві',
  'ией',
  'иям',
  'иях',
  'ють',
  'ять',
  'уют',
  'ует',
  'ам',
  'ям',
  'ах',
  'ях',
  'ом',
  'ем',
  'єм',
  'ою',
  'ею',
  'єю',
  'ий',
  'ій',
  'ый',
  'ої',
  'ей',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ых',
  'их',
  'ым',
  'им',
  'ім',
  'ую',
  'юю',
  'ів',
  'їв',
  'ов',
  'ев',
  'ія',
  'ії',
  'ію',
  'ия',
  'ии',
  'ию',
  'ья',
  'ьи',
  'ью',
  'ье',
  'ує',
  'а',
  'я',
  'о',
  'е',
  'є',
  'и',
  'і',
  'ї',
  'у',
  'ю',
  'ы',
  'ь',
  'й',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

/** The matching key of one lowercase Cyrillic word (apostrophes already removed). */
export function stemCyrillic(lowercaseWord: string): string {
  let w = lowercaseWord.replaceAll('ё', 'е');
  for (const ending of REFLEXIVE) {
    if (w.endsWith(ending) && w.length - ending.length >= MIN_STEM + 1) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  for (const ending of ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= MIN_STEM) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  // "відключення" and "відключень" (genitive plural) differ only by the doubled consonant.
  const last = w[w.length - 1];
  if (w.length > MIN_STEM && last === w[w.length - 2] && !'аеєиіїоуюяыэ'.includes(last ?? '')) {
    w = w.slice(0, -1);
  }
  return w;
}
