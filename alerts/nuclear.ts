import type { TopicDefinitionInput } from '../src/topics/definition.ts';

// Nuclear plants, radiation, nuclear weapons, threats and doctrine. Slang ("went nuclear",
// "the nuclear option") is excluded.
export default {
  id: 'nuclear',
  name: { en: 'Nuclear', uk: 'Ядерна загроза' },
  description: {
    en: 'Nuclear plants such as Zaporizhzhia, radiation, nuclear weapons, threats and doctrine',
    uk: 'Атомні станції (зокрема ЗАЕС), радіація, ядерна зброя, погрози й доктрина',
  },
  emoji: '☢️',
  color: 0xa855f7,
  urgency: 'normal',
  include: {
    en: [
      'nuclear',
      'atomic',
      'iaea',
      'radiation | radioactive | radiological',
      'reactor | reactors',
      'chornobyl | chernobyl',
      'energoatom | rosatom | znpp | npp | enerhodar',
      'dirty bomb',
    ],
    uk: [
      'ядерна | ядерний | ядерні | ядерної | ядерну | ядерного',
      'атомна | атомний | атомної | атомну',
      'аес | заес | чаес',
      'магате',
      'радіація | радіаційний | радіаційна | радіоактивний | радіоактивна',
      'реактор | реактора | реактори',
      'чорнобиль | чорнобильська',
      'енергоатом | росатом | енергодар',
      'брудна бомба',
    ],
    ru: [
      'ядерная | ядерный | ядерные | ядерной | ядерную | ядерного',
      'атомная | атомный | атомной | атомную',
      'аэс | заэс | чаэс',
      'магатэ',
      'радиация | радиационный | радиационная | радиоактивный | радиоактивная',
      'реактор | реактора | реакторы',
      'чернобыль | чернобыльская',
      'энергоатом | росатом | энергодар',
      'грязная бомба',
    ],
  },
  exclude: {
    en: ['go nuclear', 'nuclear option', 'nuclear family', 'nuclear medicine', 'political nuclear'],
    uk: [],
    ru: [],
  },
} satisfies TopicDefinitionInput;
