import type { TopicDefinitionInput } from '../src/topics/definition.ts';

// Only what is happening now: alerts, sirens, incoming missiles/drones, strikes under way,
// interceptions, the all-clear. Weapons being supplied or produced, permissions to strike,
// anniversaries and memories, statistics over months, apps and space launches are excluded
// sentence by sentence.

// What flies at a city; generic classes ("glide bomb") only count next to an action.
const WEAPON =
  'missile | rocket | drone | shahed | uav | bomb | warhead | projectile | interceptor debris';
const IN_FLIGHT =
  'hit | strike | attack | slam | pound | target | rain down | explode | crash into | fall on | ' +
  'land on | smash into | set fire | set ablaze | launch | fire at | fired at | toward | heading | ' +
  'inbound | incoming | approach | damage | overnight | tonight | fire # | fired # | fly over | flying over | ' +
  'flew over | spotted | move toward | moving toward | drop';
const DOWNED =
  'shoot down | down # | downed | intercept | neutralize | destroy # | destroyed # | ' +
  'jam | suppress | lost to electronic warfare | locationally lost';

// Ukrainian and Russian: the weapons and what they do, listed form by form where the
// stemmer cannot join verb forms.
const UK_WEAPON =
  'ракета | ракети | ракет | ракетою | дрон | дрони | дронів | дронами | безпілотник | безпілотника | ' +
  'безпілотники | безпілотників | безпілотниками | бпла | шахед | шахеди | шахедів | шахедами | ' +
  'авіабомба | авіабомби | авіабомб | авіабомбами | каб | каби | кабами | балістика | балістики | ' +
  'крилаті ракети | балістичні ракети | іскандер | кинджал | герань';
const UK_STRIKE =
  'атака | атакував | атакувала | атакували | атакують | атакує | удар | вдарив | вдарила | ' +
  'вдарили | завдали удару | завдав удару | влучання | влучила | влучили | влучив | поцілили | ' +
  'обстріляли | обстріляв | скинули | скинув | запустив | запустили | випустив | випустили | ' +
  'пуск | пуски | уламки | падіння уламків | б’є | б’ють | гатить | гатять | бомбардує | бомбардували';
const UK_DOWNED =
  'збито | збили | збив | збила | збиті | знешкоджено | знешкодили | знешкодила | знищено | ' +
  'знищили | подавлено | локаційно втрачені';
const RU_WEAPON =
  'ракета | ракеты | ракет | ракетой | дрон | дроны | дронов | дронами | беспилотник | ' +
  'беспилотника | беспилотники | беспилотников | беспилотниками | бпла | шахед | шахеды | шахедов | ' +
  'герань | авиабомба | авиабомбы | авиабомб | каб | кабами | баллистика | баллистики | ' +
  'крылатые ракеты | баллистические ракеты | искандер | кинжал';
const RU_STRIKE =
  'атака | атаковал | атаковала | атаковали | атакуют | атакует | удар | ударил | ударила | ' +
  'ударили | нанесли удар | нанес удар | попадание | попала | попали | попал | обстреляли | ' +
  'сбросили | сбросил | запустил | запустили | выпустил | выпустили | пуск | пуски | обломки | ' +
  'падение обломков | бьет | бьют | бомбят | бомбили | бомбит';
const RU_DOWNED =
  'сбито | сбиты | сбили | сбил | сбила | уничтожено | уничтожены | уничтожили | подавлены | ' +
  'перехвачены | перехватили';

export default {
  id: 'air-raid',
  name: { en: 'Air-raid alerts', uk: 'Повітряні тривоги' },
  description: {
    en: 'Air-raid alerts and sirens, incoming missiles and drones, strikes, interceptions, the all-clear',
    uk: 'Повітряні тривоги й сирени, ракети та дрони, удари, робота ППО, відбій',
  },
  emoji: '🚨',
  color: 0xdc2626,
  urgency: 'urgent',
  include: {
    en: [
      'air raid alert | air raid alarm | air raid siren | air raid warning | air raid signal',
      'air raid + russia | russian | overnight | night | kill | hit | strike | wave | launch | continue | sound | declare | announce | issue | lift | end | in force | across | city | region',
      'air alert | air alarm',
      'alert + declare | sound | announce | lift | in force | nationwide | all regions | whole country',
      'siren',
      'all clear + sound | give | declare | announce | alert | siren | air | lift',
      'false alarm + siren | alert | air | warning system',
      'alert + missile | rocket | drone | shahed | bomber | ballistic | threat | air force | shelter | take cover',
      'missile strike | missile attack | missile barrage | rocket attack | rocket strike | russia strike | double tap',
      'drone attack | drone strike | uav attack | air strike | airstrike | aerial attack',
      // a big attack as it happens, not as the cause of last week's damage
      'massive attack | massive strike | large scale attack | large scale strike | mass attack | combined attack | combined strike | massive barrage + launch | overnight | tonight | under way | underway | ongoing | continue | city | capital | kyiv | warn | threat | prepare | expect | imminent | air defense',
      'overnight attack | overnight strike | night attack | nighttime attack + launch | drone | missile | shahed | air defense | shelter | explosion | blast | under way | underway | continue | ongoing | repel',
      `glide bomb | guided bomb | aerial bomb | cluster munition | cruise missile | ballistic missile | hypersonic missile | kinzhal | iskander | kalibr | kh 101 | kh 22 | kh 59 | oreshnik | zircon + ${IN_FLIGHT} | ${DOWNED} | alert | threat`,
      `shahed + ${IN_FLIGHT} | ${DOWNED} | alert | threat | wave | group | swarm | circle | circling`,
      `kamikaze drone | attack drone | loitering munition + ${IN_FLIGHT} | ${DOWNED} | alert | threat`,
      `${WEAPON} + ${IN_FLIGHT}`,
      `${DOWNED} + ${WEAPON} | decoy`,
      'destroy | down | neutralize | suppress | take out + # of | # of the + missile | drone | shahed | uav | decoy',
      'electronic warfare + drone | shahed | uav | missile + suppress | jam | lost | neutralize | down | overnight | launch',
      'imminent + attack | strike | missile | drone',
      'threat of + strike | attack | ballistic | missile | drone | bomb',
      'under attack + missile | drone | shahed | air | kyiv | city | capital | overnight',
      'air defense + shoot | down | intercept | destroy | repel | engage | work | active | operate | respond | in action | at work | fire',
      'mobile fire group | mobile fire team',
      'launch + missile | drone | shahed | uav | rocket + # | overnight | at | toward | against | from',
      'bomber + take off | airborne | launch | fire',
      'mig 31 | tu 95 | tu 22 | tu 160 + take off | airborne | launch | alert',
      'scramble + jet | aircraft | fighter | plane',
      'explosion | blast + heard | ring out | rock | thunder | reported | overnight | capital | city',
      'explosions in | blasts in | loud explosion | loud explosions | series of explosions | series of blasts',
      `debris + ${WEAPON} | interception | downed`,
      'take cover | take shelter',
      'shelter + urge | stay | remain | head | rush | go to | hide | seek | spend the night | descend | until',
      'wave of drones | swarm of drones | wave of missiles',
      'ballistic threat | missile threat | drone threat | threat of ballistic | threat of missile',
      'air force + warn | track | monitor | record + missile | drone | shahed | uav | bomb | ballistic | target | launch',
      'pound | batter | bombard + russia | russian | city | overnight | missile | drone | air | capital | kyiv | region',
      'ballistic threat | missile threat | threat of ballistic | threat of missile | threat of guided bombs | high speed target | to shelters | to the shelters | take shelter | go to shelters | stay in shelters',
      'all clear',
      'shahed | shaheds | drones | missile | missiles | ballistic + from the north | from the south | from the east | from the west | from belarus | course | into',
      'enemy + struck | strike | hit | attacked',
    ],
    uk: [
      'повітряна тривога | повітряної тривоги | тривозі',
      'відбій + тривога',
      'тривога + ракета | дрон | бпла | безпілотник | шахед | балістика | загроза | укриття | ппо | сирена | оголошено | оголосили | вибухи',
      'сирена | сирени',
      'загроза + ракетного удару | балістики | балістичних | бпла | безпілотників | шахедів | дронів | авіабомб | каб | удару',
      'ракетний удар | ракетна атака | ракетний обстріл | комбінований удар | комбінована атака | нічна атака',
      // "унаслідок удару по місту": the usual report of a strike
      'удар по | удару по | ударом по | удари по | ударів по',
      // "приліт": a hit, in everyday Ukrainian and Russian news language
      'приліт | прильоти | прильотів | прилетіло',
      'масована атака | масований удар + триває | зараз | вночі | цієї ночі | ппо | вибухи | укриття | тривога',
      'атака дронів | атака шахедів | атака бпла | удар дронів | удар бпла | дронова атака',
      `${UK_STRIKE} + ${UK_WEAPON}`,
      `${UK_DOWNED} + ${UK_WEAPON} | цілей | цілі`,
      `${UK_WEAPON} + над | курсом на | у напрямку | в напрямку | рух | група | групи | загроза | загрозу | тривога | вночі | цієї ночі | вибухи`,
      // "калібр" is also a gun calibre: only the missile, launched or flying
      'калібр | калібри + ракета | ракети | пуск | пуски | запустили | корабель | море',
      'пуски ракет | пуск ракет | пуски крилатих | пуск балістичних',
      'ту 95 | міг 31 | ту 22',
      'ппо + збили | збито | збив | збила | знищила | знищили | працює | працюють | відбиває | знешкодила',
      'протиповітряна оборона | протиповітряної оборони | протиповітряною обороною | мобільні вогневі групи + збито | збили | знищено | знешкоджено | працює | працюють | подавлено',
      'вибухи | вибух | вибухів',
      'прямуйте | перебувайте | залишайтеся | пройдіть | спустіться | перебувати | залишатися | пройти + укриття | укриттях',
      'швидкісна ціль | швидкісні цілі | негайно в укриття | терміново в укриття',
      'рух | курсом на | у напрямку | в напрямку | група | групи + ракет | ракети | ракета | шахедів | шахеди | дронів | дрони | бпла | безпілотників | безпілотники | ціль | цілі',
      'повітряні сили + попереджають | попередили | фіксують | зафіксували | загроза | загрозу',
      'небезпека + ракет | бпла | дронів | шахедів | балістики | удару',
      'ударних дронів | ударні дрони | ударних бпла | ударні бпла | ударними безпілотниками | ударні безпілотники | локаційно втрачені',
      'загроза застосування | загроза балістики | загроза ракетного удару | швидкісна ціль | швидкісні цілі | в укриття | в укриттях | до укриттів | в укриттi',
      'відбій',
      'ракета на | ракети на | шахеди на | шахед на | дрони на | бпла на | курсом на | курс на',
      'шахеди | безпілотники | дрони | бпла + з півночі | з півдня | зі сходу | із заходу | з території | заходять | рухаються | рухається',
    ],
    ru: [
      'воздушная тревога | воздушной тревоги',
      'отбой + тревога | тревоги',
      'тревога + ракета | дрон | беспилотник | бпла | шахед | баллистика | угроза | укрытие | пво | сирена | объявлена | взрывы',
      'сирена | сирены',
      'угроза + ракетного удара | баллистики | баллистических | бпла | беспилотников | шахедов | дронов | авиабомб | каб | удара',
      'ракетный удар | ракетная атака | ракетный обстрел | комбинированный удар | ночная атака',
      'удар по | удара по | ударом по | удары по | ударов по',
      'прилет | прилеты | прилетов | прилетело',
      'массированная атака | массированный удар + продолжается | сейчас | ночью | этой ночью | пво | взрывы | укрытие | тревога',
      'атака дронов | атака беспилотников | атака бпла | атака шахедов | удар беспилотников | удар дронов',
      `${RU_STRIKE} + ${RU_WEAPON}`,
      `${RU_DOWNED} + ${RU_WEAPON} | целей | цели`,
      `${RU_WEAPON} + над | курсом на | в направлении | движение | группа | группы | угроза | угрозу | тревога | ночью | этой ночью | взрывы`,
      'калибр | калибры + ракета | ракеты | пуск | пуски | запустили | корабль | море',
      'пуски ракет | пуск ракет | пуски крылатых | пуск баллистических',
      'ту 95 | миг 31 | ту 22',
      'пво + сбили | сбиты | сбит | сбила | уничтожила | уничтожены | работает | отражает | уничтожили',
      'противовоздушная оборона | противовоздушной обороны | мобильные огневые группы + сбиты | сбили | уничтожены | работает | работают',
      'взрывы | взрыв | взрывов',
      'пройдите | оставайтесь | спуститесь | направляйтесь | оставаться | находиться + укрытие | укрытия | укрытиях',
      'скоростная цель | скоростные цели | срочно в укрытие | немедленно в укрытие',
      'движение | курсом на | в направлении | группа | группы + ракет | ракеты | ракета | шахедов | шахеды | дронов | дроны | бпла | беспилотников | беспилотники | цель | цели',
      'воздушные силы + предупреждают | предупредили | фиксируют | зафиксировали | угроза | угрозу',
      'опасность + ракет | бпла | дронов | шахедов | баллистики | удара',
      'ударные беспилотники | ударных беспилотников | ударные дроны | ударных дронов | ударными беспилотниками',
      'ракетная опасность | ракетной опасности | ракетную опасность | авиационная опасность | беспилотная опасность | угроза атаки бпла | скоростная цель | скоростные цели | в укрытия | укрыться',
      'отбой',
      'ракета на | ракеты на | шахеды на | шахед на | дроны на | бпла на | курсом на | курс на',
      'шахеды | беспилотники | дроны | бпла + с территории | с севера | с юга | с востока | с запада | движется | движутся',
      'атака на | атакован | атакованы',
      'fpv дрон + атаковал | ударил | атаковали | сбросил',
    ],
  },
  exclude: {
    en: [
      'museum',
      'exhibition',
      'exhibit',
      'fair | expo | trade show | showcase | show off | on show',
      // shelters refurbished for lessons "during alerts": habits, not an alert
      'during alert | during air raid alert | during air alert | during air raid | refurbish | renovate | convert into',
      // drones over the trenches are ground fighting, not an attack on a town
      'trench | fpv | infantry | assault group | motorbike',
      'on display',
      'anniversary',
      'commemorate',
      'memorial',
      'recall | remember | memories | reminisce | looked back | years ago | years on | years since',
      'documentary',
      'film',
      'movie',
      'concert',
      'video game',
      'world war',
      'nazi',
      'if',
      'in case',
      // a siren or missile test, not "testing air defences" with a real attack
      'will be test | to be test | siren test | test of | test launch | test fire | missile test | weapons test | test site | drill | training exercise',
      'racing',
      'strike a deal | struck a deal',
      'call off',
      'would',
      'permission',
      'green light',
      'allow ukraine',
      'authorize',
      'restrictions',
      'deliver | delivery | deliveries',
      'send ukraine | send to ukraine | send kyiv | send to kyiv | will send | to send',
      'supply',
      'pledge',
      'donate',
      'package',
      'drone production | missile production | weapons production | arms production | production of',
      'produce',
      'manufacture',
      'purchase | procure | buy | acquire',
      'capable of + hit | strike | intercept | down | reach | carry',
      'capability | capabilities',
      // what a weapon can do, not what it did
      'to intercept | can intercept | could intercept | to shoot down | can shoot down | could shoot down | to counter | to defend against | to protect against',
      'court | trial | verdict | sentenced | convicted | crimes against humanity | war crimes | commission of inquiry | on this day',
      'ambulance siren',
      'police siren',
      'throw',
      'riot | rioter | protest | protester | demonstrator | looting | lockdown',
      'brick | bottle | paving slab | used as missile',
      'petrol bomb | smoke bomb | molotov',
      'short supply',
      'goal',
      '# yard',
      'scoring',
      'drone show',
      'light show',
      'ceasefire on | truce on | halt strikes | halt attacks | suspend strikes | suspend attacks | pause strikes',
      'moratorium',
      'storm warning',
      'gas explosion | gas leak | population explosion',
      // bombs planted or thrown, missile tests and other wars are not an air raid on Ukraine
      'car bomb | booby trap | improvised explosive | planted a bomb | planted explosives | mine explosion | methane',
      'into the sea | sea of japan | test launch | test fire | test firing',
      'israel | gaza | houthi | yemen | lebanon | hezbollah | hamas | tehran',
      'firework | mistaken for',
      'safe from | protect from',
      'weather',
      'forecast',
      'flood',
      // statistics over months, not an attack under way
      'compared with | compared to | year on year | first half of | second half of | so far this year | since the start of the year | per month | a month',
      // news about the alert app itself, and space launches
      'app | apps + user | download | developer | install | feature',
      'satellite | spacex | space agency | spaceport | orbit',
      // a strike weeks ago is background, and a venue's habit is not an alert,
      'earlier this month | earlier this year | last month | weeks ago | months ago',
      'when an alert | whenever an alert | whenever the siren | whenever sirens',
      'ddos | cyberattack | cyber attack | hacker | hackers',
    ],
    uk: [
      'музей',
      'виставка',
      'річниця',
      'вшанування',
      'фільм',
      'концерт',
      'якщо',
      'постачання',
      'поставки',
      'передасть',
      'пакет',
      'виробництво',
      'психолог',
      'стрес',
      'депресія',
      'мораторій',
      'економіці | економіку | економіки | репутації | бюджету | бюджет',
      'вибух газу | побутового газу',
      'вибухівка | вибухівку | вибуховий пристрій | теракт | теракту | на шахті | 1986',
      'феєрверк | салют',
      // permission to use, or a threat of using, weapons: no attack under way
      'застосувати | дозвіл | дозволу | дозволили | дозволить',
      // the same other senses as in English: sport, cyber attacks, weather, tests and exercises,,
      // courts, other wars, space launches, strikes weeks ago,
      'матч | матчу | гол | м’яч | забив | футбол | футболу | чемпіонат | чемпіонату',
      'ddos | кібератака | кібератаку | кібератаки | хакерська атака | хакерську атаку | хакери',
      'штормове попередження | штормового попередження | негода | негоду | прогноз погоди | синоптики',
      'випробування | випробувань | навчання | навчань',
      'вирок | засудив | засуджено | засудили | суддя',
      'японське море | японському морі | японського моря | ізраїль | хусити | ємен | ліван | тегеран',
      'супутник | супутника | космодром',
      'минулого місяця | на початку місяця | тижні тому | місяці тому | місяців тому',
    ],
    ru: [
      'музей',
      'выставка',
      'годовщина',
      'фильм',
      'концерт',
      'если',
      'поставки',
      'передаст',
      'пакет',
      'производство',
      'психолог',
      'стресс',
      'мораторий',
      'экономике | экономику | экономики | репутации | бюджету | бюджет',
      'взрыв газа | бытового газа',
      'взрывчатка | взрывчатку | взрывное устройство | теракт | теракта | на шахте | 1986',
      'фейерверк | салют',
      'применить | разрешение | разрешили | разрешит',
      // the same other senses as in English: sport, cyber attacks, weather, tests and exercises,,
      // courts, other wars, space launches, strikes weeks ago,
      'матч | матча | гол | мяч | забил | футбол | футбола | чемпионат | чемпионата',
      'ddos | кибератака | кибератаку | кибератаки | хакерская атака | хакерскую атаку | хакеры',
      'штормовое предупреждение | штормового предупреждения | непогода | непогоду | прогноз погоды | синоптики',
      'испытание | испытания | испытаний | учения | учений | учениях',
      'приговор | приговорил | осужден | осудили | судья',
      'японское море | японском море | японского моря | израиль | хуситы | йемен | ливан | тегеран',
      'спутник | спутника | космодром',
      'в прошлом месяце | в начале месяца | недели назад | месяца назад | месяцев назад',
    ],
  },
} satisfies TopicDefinitionInput;
