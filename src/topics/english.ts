/**
 * A small English stemmer for matching, not for linguistics: it only has to send the forms a
 * news writer uses ("strike", "strikes", "struck", "striking") and both spellings
 * ("defence"/"defense") to one key. Text and topic phrases go through the same function, so a
 * key only has to be consistent, never pretty ("strike" → "strik").
 */

/** Words whose inflection no suffix rule can see. Values are base forms, stemmed further. */
const IRREGULAR = new Map<string, string>([
  ['struck', 'strike'],
  ['stricken', 'strike'],
  ['shot', 'shoot'],
  ['fought', 'fight'],
  ['died', 'die'],
  ['dying', 'die'],
  ['went', 'go'],
  ['gone', 'go'],
  ['goes', 'go'],
  ['took', 'take'],
  ['taken', 'take'],
  ['sent', 'send'],
  ['led', 'lead'],
  ['fled', 'flee'],
  ['flew', 'fly'],
  ['flown', 'fly'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
  ['held', 'hold'],
  ['met', 'meet'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['broke', 'break'],
  ['broken', 'break'],
  ['blew', 'blow'],
  ['blown', 'blow'],
  ['drove', 'drive'],
  ['driven', 'drive'],
  ['withdrew', 'withdraw'],
  ['withdrawn', 'withdraw'],
  ['lost', 'lose'],
  ['froze', 'freeze'],
  ['frozen', 'freeze'],
  ['sank', 'sink'],
  ['sunk', 'sink'],
  ['shook', 'shake'],
  ['shaken', 'shake'],
  ['stood', 'stand'],
  ['spoke', 'speak'],
  ['spoken', 'speak'],
  ['paid', 'pay'],
  ['laid', 'lay'],
  ['won', 'win'],
  ['brought', 'bring'],
  ['caught', 'catch'],
  ['sought', 'seek'],
  ['thought', 'think'],
  ['told', 'tell'],
  ['threw', 'throw'],
  ['thrown', 'throw'],
  ['sold', 'sell'],
  ['hid', 'hide'],
  ['hidden', 'hide'],
  ['rang', 'ring'],
  ['rung', 'ring'],
  ['sang', 'sing'],
  ['gave', 'give'],
  ['given', 'give'],
  ['came', 'come'],
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
  // a drone, not the title "Shah" with "-ed"
  ['shahed', 'shahed'],
  ['shaheds', 'shahed'],
  ['whilst', 'while'],
  ['amongst', 'among'],
]);

/** Words the suffix rules would merge with a different word ("aide" → "aid", "united" → "unit"). */
const KEPT = new Set([
  'aide',
  'aides',
  'united',
  'training',
  // "talks" (negotiations) is not "talk" (speak)
  'talks',
  // "forces" (troops) is not "force" ("air force", "in force"); "arms" is not "armed"
  'forces',
  'arms',
  'trainings',
  'news',
  'series',
  'species',
  'means',
  'always',
  'perhaps',
  'was',
  'has',
  'is',
  'this',
  'his',
  'its',
  'us',
  'bias',
  'chaos',
  'atlas',
  'thus',
  'sometimes',
  'nothing',
  'something',
  'anything',
  'everything',
]);

/** British spellings with no regular pattern, mapped to the American form. */
const SPELLING = new Map<string, string>([
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['manoeuvred', 'maneuvered'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['tyres', 'tires'],
  ['cheque', 'check'],
  ['cheques', 'checks'],
  ['aeroplane', 'airplane'],
  ['aeroplanes', 'airplanes'],
  ['draught', 'draft'],
  ['ageing', 'aging'],
  ['judgement', 'judgment'],
  ['sceptical', 'skeptical'],
  ['sceptic', 'skeptic'],
  ['aluminium', 'aluminum'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['storey', 'story'],
  ['storeys', 'stories'],
  ['kerb', 'curb'],
  ['plough', 'plow'],
  ['jewellery', 'jewelry'],
  ['enrol', 'enroll'],
  ['fulfil', 'fulfill'],
  ['paediatric', 'pediatric'],
  ['haemorrhage', 'hemorrhage'],
  ['anaesthetic', 'anesthetic'],
  ['orthopaedic', 'orthopedic'],
  ['gaol', 'jail'],
  ['towards', 'toward'],
  ['afterwards', 'afterward'],
]);

const OUR_ROOTS =
  /^(arm|harb|lab|col|hon|fav|neighb|behavi|rum|endeav|vap|savi|val|vig|od|hum|tum|flav|sav|clam|ferv|cand|ard|splend|parl|glam)our/;
const ENCE_WORDS = /^(defen|offen|licen|preten)c(e|es|ed|ing)$/;
const ISE_FORMS = /([a-z]{2})is(e|es|ed|ing|ation|ations|er|ers)$/;
const YSE_FORMS = /ys(e|es|ed|ing)$/;
const TRE_BRE = /([a-z]{2})([tb])re(s|d)?$/;

/** British → American, so both spellings meet ("mobilise" and "mobilize" become one word). */
export function americanise(word: string): string {
  const mapped = SPELLING.get(word);
  if (mapped !== undefined) return mapped;
  let w = word;
  if (OUR_ROOTS.test(w)) w = w.replace(OUR_ROOTS, '$1or');
  if (ENCE_WORDS.test(w)) w = w.replace(ENCE_WORDS, '$1s$2');
  else if (ISE_FORMS.test(w)) w = w.replace(ISE_FORMS, '$1iz$2');
  else if (YSE_FORMS.test(w)) w = w.replace(YSE_FORMS, 'yz$1');
  if (TRE_BRE.test(w)) w = w.replace(TRE_BRE, '$1$2er$3');
  return w;
}

const VOWEL = /[aeiouy]/;

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z' && !'aeiouy'.includes(ch);
}

/** Plural "-s", "-es", "-ies". */
function stripPlural(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Verb endings "-ed", "-ing" (the stem must keep a vowel: "bring" stays, "striking" goes). */
function stripVerbEnding(w: string): string {
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.length >= 3 && VOWEL.test(stem)) return stem;
  }
  return w;
}

/** Final "-e" and doubled consonants go, so "strike"/"strik(ing)" and "hit"/"hitt(ing)" agree. */
function tidyEnding(w: string): string {
  let out = w;
  if (out.length >= 4 && out.endsWith('e')) out = out.slice(0, -1);
  const last = out[out.length - 1];
  if (out.length >= 4 && last === out[out.length - 2] && isConsonant(last)) out = out.slice(0, -1);
  return out;
}

/** The matching key of one lowercase Latin-script word. */
export function stemEnglish(lowercaseWord: string): string {
  let w = lowercaseWord;
  if (w.includes("'")) {
    if (w.endsWith("'s")) w = w.slice(0, -2);
    w = w.replaceAll("'", '');
  }
  if (KEPT.has(w)) return w;
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return tidyEnding(irregular);
  w = americanise(w);
  if (w.length <= 3) return w;
  w = stripVerbEnding(stripPlural(w));
  return tidyEnding(w);
}
