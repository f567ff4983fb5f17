import { describe, expect, it } from 'vitest';
import { type MatchableTopic, Matcher } from '../../src/topics/matcher.ts';

const topic = (id: string, include: string[], exclude: string[] = []): MatchableTopic => ({
  id,
  include,
  exclude,
});

const found = (matcher: Matcher, title: string, body = '') =>
  matcher.match({ title, body }).map((m) => m.topicId);

describe('Matcher: one phrase, many written forms', () => {
  const strikes = new Matcher([topic('strikes', ['missile strike'])]);

  it.each([
    'Missile strike on Dnipro',
    'Missile strikes reported in the east',
    'Russian missiles struck Lviv overnight',
    'Missiles striking the capital',
  ])('finds inflected forms: %s', (title) => {
    expect(found(strikes, title)).toEqual(['strikes']);
  });

  it('ignores case and dash, quote and apostrophe variants', () => {
    const alerts = new Matcher([topic('alert', ['air-raid alert', "Ukraine's energy"])]);
    expect(found(alerts, 'AIR RAID ALERT in Kyiv')).toEqual(['alert']);
    expect(found(alerts, 'Air–raid alerts everywhere')).toEqual(['alert']);
    expect(found(alerts, 'Ukraine’s energy grid')).toEqual(['alert']);
    expect(found(alerts, 'Ukraine energy grid')).toEqual(['alert']);
  });

  it.each([
    ['defence', 'Air defense shot it down'],
    ['mobilise', 'Kyiv to mobilize 160,000 more'],
    ['mobilisation', 'New mobilization law passed'],
    ['kilometre', 'Troops advanced two kilometers'],
    ['armoured', 'Armored vehicles arrive'],
    ['centre', 'Shelling in the city center'],
  ])('treats British and American spellings alike: %s', (phrase, title) => {
    expect(found(new Matcher([topic('t', [phrase])]), title)).toEqual(['t']);
  });

  it('respects word boundaries', () => {
    const matcher = new Matcher([topic('aid', ['aid']), topic('raid', ['raid'])]);
    expect(found(matcher, 'The minister said so')).toEqual([]);
    expect(found(matcher, 'Raiders of the lost ark')).toEqual([]);
    expect(found(matcher, 'A Kremlin aide said it')).toEqual([]);
    expect(found(matcher, 'New aid for Kyiv; raids on Kharkiv')).toEqual(['aid', 'raid']);
  });

  it('keeps words of different meaning apart', () => {
    const matcher = new Matcher([topic('trains', ['trains delayed']), topic('talks', ['talks'])]);
    expect(found(matcher, 'Training delayed by a week')).toEqual([]);
    expect(found(matcher, 'He talked to reporters')).toEqual([]);
    expect(found(matcher, 'Trains delayed by fog')).toEqual(['trains']);
  });
});

describe('Matcher: Ukrainian and Russian', () => {
  const alarm = new Matcher([topic('alarm', ['повітряна тривога', 'воздушная тревога'])]);

  it.each([
    'Повітряна тривога в Києві',
    'Відбій повітряної тривоги',
    'Оголосили повітряну тривогу',
    'Під час повітряної тривоги',
    'Воздушная тревога в Одессе',
    'Отбой воздушной тревоги',
    'Объявили воздушную тревогу',
  ])('finds case endings: %s', (title) => {
    expect(found(alarm, title)).toEqual(['alarm']);
  });

  it('does not take anxiety for an alert', () => {
    expect(found(alarm, 'Підлітки відчувають тривогу')).toEqual([]);
  });

  it('reads a word right after an emoji with a presentation selector or a joiner', () => {
    const threat = new Matcher([topic('threat', ['загроза + балістики'])]);
    expect(found(threat, '', '❗️Загроза балістики! 🏃\u200d♂️Укриття')).toEqual(['threat']);
    expect(found(threat, '', '⚠️\u200dЗагроза балістики')).toEqual(['threat']);
  });

  it('reads apostrophes in Ukrainian words in any form', () => {
    const energy = new Matcher([topic('energy', ["енергетичний об'єкт"])]);
    expect(found(energy, 'Удар по енергетичних об’єктах')).toEqual(['energy']);
    expect(found(energy, 'Удар по енергетичних обʼєктах')).toEqual(['energy']);
  });

  it('matches a plural against its singular', () => {
    const drones = new Matcher([topic('drones', ['атака дронів', 'атака беспилотников'])]);
    expect(found(drones, 'Масована атака дронів на Одесу')).toEqual(['drones']);
    expect(found(drones, 'Отражена атака беспилотников')).toEqual(['drones']);
  });
});

describe('Matcher: phrase operators', () => {
  it('"#" stands for any number, in digits or words', () => {
    const killed = new Matcher([topic('killed', ['# killed'])]);
    expect(found(killed, '12 killed in Kharkiv')).toEqual(['killed']);
    expect(found(killed, 'Two killed in Sumy')).toEqual(['killed']);
    expect(found(killed, 'Man killed in Sumy')).toEqual([]);
  });

  it('"+" needs every part in the same sentence, in any order', () => {
    const hits = new Matcher([topic('hit', ['missile | drone + hit'])]);
    expect(found(hits, 'A drone has hit a school')).toEqual(['hit']);
    expect(found(hits, 'It was hit by a missile')).toEqual(['hit']);
    expect(found(hits, 'A drone was seen. Then a school was hit.')).toEqual([]);
    expect(found(hits, 'Drone sighting', 'A school was hit')).toEqual([]);
  });

  it('"|" offers alternatives', () => {
    const matcher = new Matcher([topic('t', ['power cut | blackout'])]);
    expect(found(matcher, 'Blackout in Odesa')).toEqual(['t']);
    expect(found(matcher, 'Power cuts in Odesa')).toEqual(['t']);
  });

  it('reports the words of the definition that matched, each once', () => {
    const matcher = new Matcher([topic('t', ['blackout', 'power cut | outage', 'blackout'])]);
    const [match] = matcher.match({ title: 'Blackout', body: 'Power cuts. A blackout again.' });
    expect(match).toEqual({ topicId: 't', phrases: ['blackout', 'power cut'] });
  });

  it('names which alternative of each part matched, not the whole pattern', () => {
    const matcher = new Matcher([topic('aid', ['supply | send | deliver + shell | tank | jet'])]);
    const [match] = matcher.match({ title: 'EU supplied 980,000 shells', body: '' });
    expect(match).toEqual({ topicId: 'aid', phrases: ['supply + shell'] });
  });
});

describe('Matcher: exclusions', () => {
  const raids = new Matcher([topic('air-raid', ['air raid', 'siren'], ['museum', 'anniversary'])]);

  it('cancels the topic in the sentence where the exclusion occurs', () => {
    expect(found(raids, 'Air-raid shelter turned museum')).toEqual([]);
    expect(
      found(raids, 'Shelter opens', 'The air-raid shelter is now a museum with a siren.'),
    ).toEqual([]);
  });

  it('does not silence a real alert in another sentence', () => {
    const body = 'The museum was closed today. An air raid alert is in force across the region.';
    expect(found(raids, 'Lviv', body)).toEqual(['air-raid']);
  });

  it('only cancels the topic that lists the exclusion', () => {
    const matcher = new Matcher([
      topic('air-raid', ['siren'], ['museum']),
      topic('culture', ['museum']),
    ]);
    expect(found(matcher, 'Sirens heard near the museum')).toEqual(['culture']);
  });

  it('merges topics that share an id', () => {
    const matcher = new Matcher([topic('t', ['drone']), topic('t', ['missile'], ['show'])]);
    expect(found(matcher, 'Drone show in Vilnius')).toEqual([]);
    expect(found(matcher, 'Missile over Kyiv')).toEqual(['t']);
  });
});

describe('Matcher: plain (user-typed) phrases', () => {
  it('treats operators and regex characters as text', () => {
    const matcher = new Matcher([
      { id: 'g', include: ['a + b', '.*', 'F-16 | jets', 'c++'], exclude: [], plain: true },
    ]);
    expect(found(matcher, 'a fighter flew over b')).toEqual([]);
    expect(found(matcher, 'Anything at all')).toEqual([]);
    expect(found(matcher, 'F-16 jets arrive')).toEqual(['g']);
    expect(found(matcher, 'jets arrive')).toEqual([]);
    expect(found(matcher, 'written in C')).toEqual(['g']);
  });
});
