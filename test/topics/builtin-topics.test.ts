import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinMatcher } from '../../src/topics/builtin.ts';
import type { Matcher } from '../../src/topics/matcher.ts';

let matcher: Matcher;
beforeAll(async () => {
  matcher = await loadBuiltinMatcher();
});

const topicsOf = (title: string, body = '') => matcher.match({ title, body }).map((m) => m.topicId);

describe('built-in topics, by example', () => {
  it.each([
    [
      'У Києві оголошено повітряну тривогу',
      'Загроза застосування балістики. Пройдіть в укриття.',
      ['air-raid'],
    ],
    ['Відбій тривоги у Львові', '', ['air-raid']],
    ['В Харькове воздушная тревога', 'Слышны взрывы, работает ПВО.', ['air-raid']],
    ['Russia sent 90 drones at Kyiv overnight', 'Air defence shot down 70 of them.', ['air-raid']],
    [
      'Missile hits a school in Sumy',
      'A missile hit a school in Sumy and two people were killed.',
      ['air-raid', 'casualties'],
    ],
    [
      'Zelensky and Trump discuss a ceasefire',
      'The two leaders spoke by phone about a 30-day truce and security guarantees.',
      ['diplomacy'],
    ],
    ['Загинули троє людей', 'Ще п’ятеро поранені внаслідок обстрілу Херсона.', ['casualties']],
    ['Погибли двое мирных жителей', 'Еще трое ранены.', ['casualties']],
    ['Данія передасть Україні нові танки', '', ['aid']],
    ['Германия выделит Украине 500 миллионов евро', '', ['aid']],
    [
      'На Покровському напрямку тривають бої',
      'Окупанти 30 разів намагалися прорвати оборону.',
      ['frontline'],
    ],
    ['Российские войска продвинулись под Купянском', '', ['frontline']],
    ['Графіки відключень світла на завтра', '', ['infrastructure']],
    [
      'Переговоры в Стамбуле',
      'Делегации России и Украины обсудили прекращение огня.',
      ['diplomacy'],
    ],
    ['МАГАТЕ: на ЗАЕС знову блекаут', '', ['nuclear']],
  ])('%s → %j', (title, body, expected) => {
    expect(topicsOf(title, body).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['Підлітки відчувають тривогу', 'Психологи радять більше спати.'],
    ['Тревога у школьников растет', 'Психологи советуют больше гулять.'],
    [
      'Wartime shelter opens as a museum',
      'The old air-raid shelter has a hand-cranked siren on display.',
    ],
    ['Shakhtar lead with a 30-yard strike', 'What a missile from the captain.'],
    ['Football club in talks with new coach', 'Negotiations centre on the length of the contract.'],
    ['Fans go nuclear over the jury vote', ''],
    [
      "Candlelit 'Blackout' concerts return",
      'First staged during the power cuts of 2022, the concerts return.',
    ],
    ['A Kremlin aide said the minister was ill', ''],
    [
      'Documentary Frontline premieres in Kyiv',
      'The documentary Frontline follows fighting near Bakhmut.',
    ],
    ['First-aid course for teachers', 'More than 600 teachers learned first aid.'],
  ])('raises nothing for: %s', (title, body) => {
    expect(topicsOf(title, body)).toEqual([]);
  });
});
