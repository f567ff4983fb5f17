import type { TopicDefinitionInput } from '../src/topics/definition.ts';

// People killed or wounded and loss tallies. Damage with nobody hurt ("no casualties"),
// memorials of past attacks and sports injuries are excluded.
const PEOPLE =
  'people | civilian | resident | child | soldier | troop | serviceman | servicemen | man | woman | ' +
  'person | personnel | worker | passenger | officer | policeman | police officer | firefighter | ' +
  'rescuer | medic | paramedic | doctor | nurse | journalist | driver | girl | boy | teenager | ' +
  'pensioner | baby | infant | volunteer | employee | crew member | miner | farmer | patient | student | pupil';
// Who a loss tally counts: "lost 1,020 troops", not "lost 3 local elections".
const LOST =
  'troop | soldier | personnel | serviceman | servicemen | man | people | civilian | fighter | ' +
  'marine | paratrooper';

export default {
  id: 'casualties',
  name: { en: 'Casualties', uk: 'Жертви' },
  description: {
    en: 'People killed or wounded, death tolls and loss tallies',
    uk: 'Загиблі й поранені, кількість жертв і втрат',
  },
  emoji: '🕯️',
  color: 0x7f1d1d,
  urgency: 'normal',
  include: {
    en: [
      'killed',
      'wounded',
      'injured',
      'dead',
      'casualties',
      'fatalities',
      'fatally',
      'death toll',
      'deadliest',
      'death | deaths + # | civilian | people | soldier | troop | child | resident | toll | confirm',
      'die + hospital | injury | injuries | wound | strike | attack | shelling | bombing | # | people | civilian | soldier | captivity | custody',
      'body | bodies | remains + return | repatriate | exchange | identify | handed over',
      'injuries + # | people | civilian | hospital | sustain | suffer | shrapnel | serious | minor',
      'victim + strike | attack | shelling | bombing | # | civilian | missile | drone',
      '# hurt | were hurt | was hurt | been hurt | are hurt | is hurt',
      `hurt + ${PEOPLE}`,
      `${PEOPLE} + perish | slain | maim | lost their lives`,
      'perished | heavy losses | heavy casualties | highest daily losses | record losses | personnel losses | manpower losses | irrecoverable losses',
      'loss of life | lives lost | killing # | killing of civilians | fallen soldiers | fallen defenders',
      'trapped under the rubble | trapped under rubble | trapped in the rubble | missing under the rubble',
      'execute | executed | execution + prisoner | pow | soldier | civilian | captive',
      'shrapnel + wound | injury | injuries | hit | hospital',
      'hospitalized | taken to hospital | in hospital',
      'bodies + recover | found | pull | retrieve | rubble | exhume',
      '# losses',
      `lose + # + ${LOST}`,
      'lost their lives | lost his life | lost her life | lives were lost | claimed the lives | claimed # lives',
      'toll + rise | climb | reach | #',
    ],
    uk: [
      'загинув | загинула | загинули | загинуло | загиблих | загиблі | загибель | загиблого',
      'поранені | поранений | поранена | поранено | поранення | поранених | травмовані | травмованих',
      'вбито | вбили | вбив | убито | убили',
      'жертви | жертв | жертвами',
      'постраждалих',
      'постраждали + людей | люди | осіб | особи | цивільні | дітей | діти | мешканці | жителів | #',
      'ліквідовано | втрати + особового складу | осіб | окупантів | військовослужбовців',
      'госпіталізовано | госпіталізували | госпіталізована | госпіталізований',
      'помер | померла | померли | смертельно | смертельні поранення',
      'травми | травм | травмами + отримали | отримав | отримала | дістали | дістав | дістала | зазнали | зазнав',
      'доправили до лікарні | перебувають у лікарні | у лікарні перебувають',
      'тіла + загиблих | знайшли | дістали | витягли | з-під завалів',
    ],
    ru: [
      'погиб | погибла | погибли | погибших | погибшие | гибель',
      'ранены | ранен | ранена | раненых | ранения | пострадавших',
      'убиты | убит | убили | убито',
      'жертвы | жертв | жертвами',
      'пострадали + людей | люди | человек | мирных | детей | жителей | #',
      'потери + личного состава | убитыми | ранеными | человек',
      'госпитализирован | госпитализированы | госпитализировали',
      'скончался | скончалась | скончались | умер | умерла | умерли | смертельно',
      'травмы | травм | травмами + получили | получил | получила',
      'доставили в больницу | находятся в больнице',
      'тела + погибших | нашли | извлекли | из-под завалов',
    ],
  },
  exclude: {
    en: [
      'no casualties',
      'without casualties',
      'no one was killed | no one was hurt | no one was injured | nobody was killed | nobody was hurt | nobody was injured',
      'no injuries',
      'no victims',
      'no reports of casualties | no reports of injuries',
      'no one hurt | nobody hurt | no one injured | nobody injured | no one killed | nobody killed | none hurt | none injured | unharmed | unhurt | no deaths | no fatalities | escaped injury | no one was harmed | no one harmed',
      // "killed" and "dead" in politics: a bill killed in committee, a deal that is dead
      'kill + bill | draft law | legislation | amendment | motion | in committee | the deal | the idea | the plan',
      'deal is dead | talks are dead | dead in the water | dead letter | dead end | dead heat | dead set',
      // the economy's losses are not people's
      'revenue | profit | economic losses | financial losses',
      // sport
      'hamstring | ankle | knee | groin | shoulder | wrist | elbow | muscle injury | in training | boxing | boxer | champion | olympic | ruled out | squad | striker | midfielder | qualifier',
      'anniversary',
      'memorial',
      'commemorate',
      'named after | renamed after | in memory of | in honor of | posthumous',
      'remember | remembrance | survivors of the',
      'servant of the people | poll | opinion poll | election | seats | approval rating',
      'a year ago',
      'wound up',
      'veteran game | veterans games | rehabilitation | invictus',
      'prosthesis | prosthetic',
      'tournament',
      'injury time',
      'kill switch',
    ],
    uk: [
      'без жертв',
      'обійшлося без',
      'постраждалих немає | загиблих немає | без постраждалих | жертв немає',
      'ніхто не постраждав',
      'ніхто не загинув',
      'не постраждав | не постраждали | не постраждала | не постраждало | без постраждалих | без загиблих | не загинув | не загинули | не було поранених',
      'вшанування',
      'вшанували',
      'річниця',
      'пам’ять',
      'пам’яті',
    ],
    ru: [
      'без жертв',
      'обошлось без',
      'пострадавших нет | погибших нет | жертв нет | без пострадавших',
      'никто не пострадал',
      'никто не погиб',
      'не пострадал | не пострадали | не пострадала | не пострадало | без пострадавших | без погибших | не погиб | не погибли | не было раненых',
      'годовщина',
      'память',
      'памяти',
    ],
  },
} satisfies TopicDefinitionInput;
