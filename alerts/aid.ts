import type { TopicDefinitionInput } from '../src/topics/definition.ts';

// New pledges, deliveries, votes, pauses and cuts of military, financial or humanitarian aid
// to Ukraine. Weapons going to Russia, aid elsewhere, first aid and political jabs that
// merely mention aid are excluded.
const GOODS =
  'weapon | arms | ammunition | munition | shell | missile | rocket | tank | armored vehicle | ' +
  'fighter jet | f 16 | himars | atacms | patriot | iris t | nasams | storm shadow | taurus | ' +
  'air defense system | air defense | artillery | howitzer | drone | generator | transformer | ' +
  'equipment | abrams | leopard | bradley | mirage | gripen | anti personnel mine | anti tank mine | landmine | ' +
  'interceptor | armored carrier | armored personnel carrier | infantry fighting vehicle | ' +
  'long range weapon | long range missile | battery | radar | helicopter | aircraft | ' +
  'anti drone system | electronic warfare system';

// Ukrainian and Russian verbs are listed form by form (future, past, plural): the stemmer
// joins case endings, not verb forms.
const UK_GIVE =
  'передала | передасть | передав | передали | передадуть | надасть | надала | надали | надав | ' +
  'нададуть | виділила | виділить | виділили | виділять | виділив | виділяє | поставить | ' +
  'постачання | поставки | поставка | спрямує | спрямувала | спрямували | пообіцяла | пообіцяв | ' +
  'пообіцяли | профінансує | профінансувала | перерахувала | перерахував | перерахували | ' +
  'оголосила | оголосив | оголосили | відправила | відправить | відправили | закупить | закупила';
const UK_GOODS =
  'зброї | зброю | озброєння | боєприпаси | боєприпасів | снаряди | снарядів | танки | танків | ' +
  'ппо | системи ппо | систему ппо | patriot | iris t | ракети | ракет | техніки | бронетехніку | ' +
  'генератори | генераторів | трансформатори | винищувачі | винищувачів | f 16 | дрони | дронів | ' +
  'бпла | безпілотники | безпілотників | гаубиці | артилерію | допомогу | допомоги | пакет';
const UK_MONEY = 'млн | мільйонів | мільйона | млрд | мільярдів | мільярда | мільярди | трлн';
const RU_GIVE =
  'передаст | передала | передали | передал | передадут | выделит | выделила | выделили | ' +
  'выделят | выделил | поставит | поставки | поставка | предоставит | предоставила | ' +
  'предоставили | предоставят | направит | направила | направили | пообещала | пообещал | ' +
  'пообещали | профинансирует | перечислила | перечислил | перечислили | объявила | объявил | ' +
  'объявили | отправила | отправит | отправили | закупит';
const RU_GOODS =
  'оружия | оружие | вооружения | боеприпасы | боеприпасов | снаряды | снарядов | танки | танков | ' +
  'пво | системы пво | систему пво | patriot | iris t | ракеты | ракет | техники | бронетехнику | ' +
  'генераторы | трансформаторы | истребители | f 16 | дроны | дронов | бпла | беспилотники | ' +
  'беспилотников | гаубицы | артиллерию | помощь | помощи | пакет';
const RU_MONEY = 'млн | миллионов | миллиона | млрд | миллиардов | миллиарда | миллиарды | трлн';

export default {
  id: 'aid',
  name: { en: 'Aid to Ukraine', uk: 'Допомога Україні' },
  description: {
    en: 'Military, financial and humanitarian aid to Ukraine: pledges, packages, deliveries, votes, pauses',
    uk: 'Військова, фінансова й гуманітарна допомога Україні: пакети, поставки, голосування, паузи',
  },
  emoji: '📦',
  color: 0x16a34a,
  urgency: 'normal',
  include: {
    en: [
      'military aid | humanitarian aid | financial aid | economic aid | lethal aid | defense aid | weapons aid',
      'aid package | aid bill | aid delivery | aid deliveries | aid shipment | aid convoy | aid tranche',
      'aid to ukraine | aid for ukraine | ukraine aid | aid to kyiv | aid for kyiv',
      'aid + ukraine | kyiv | zelensky | zelenskyy | zelenskiy',
      'military support | military assistance | security assistance | defense support + pledge | promise | send | provide | # bn | # billion | # million | # m | package | worth | new | announce | approve | allocate',
      'security assistance package | support package | military package | package of military | package of aid | package of support | package for ukraine',
      'package + weapon | ammunition | military | aid | support | grant | loan | air defense | shell | missile',
      'weapons deliveries | arms deliveries | weapons shipment | arms shipment | weapons delivery',
      'deliveries of | delivery of | shipment of + weapon | arms | ammunition | shell | missile | tank | equipment | aid',
      `send | deliver | supply | provide | transfer | hand over | donate | gift | pledge | promise | allocate | fund | finance | pay for | buy for | purchase for + ${GOODS} + ukraine | kyiv | ukrainian | zelensky`,
      'halt | pause | suspend | resume | freeze | stop | block | restart + shipment | deliveries | weapons flow | flow of weapons | military aid | assistance | funding for ukraine',
      'ukraine facility | ukraine support fund + # bn | # billion | # m | # million | tranche | disburse | pay | transfer | receive | release | approve | allocate | payment',
      'ammunition initiative | pursuing initiative | purl',
      'drawdown | presidential drawdown authority | usai',
      'ramstein | contact group | drone coalition | tank coalition | jet coalition | capability coalition | air defense coalition + pledge | commit | announce | package | deliver | provide | send | # bn | # billion | # million | # m',
      `ukraine get | kyiv get | ukraine to get | kyiv to get + ${GOODS}`,
      'ukraine receive | kyiv receive | ukraine has received | ukraine received + # bn | # billion | # million | # m | tranche | funding | loan | payment | grant',
      'humanitarian assistance | humanitarian support | winter support | energy support | recovery conference | reconstruction conference + ukraine | kyiv | ukrainian',
      `arrive in ukraine | reach ukraine | arrive in kyiv | deliver to ukraine | hand over to ukraine + ${GOODS} | shipment | consignment`,
      'pledge | promise | allocate | approve | announce | earmark | commit | unveil | unlock | disburse | grant | lend | contribute | channel | release | send | provide | transfer + # bn | # billion | # million | # m | # tn + ukraine | kyiv | ukrainian',
      'budget support | macro financial assistance | macrofinancial assistance | financial support + ukraine | kyiv | # bn | # billion | # million',
      'send ukraine | supply ukraine | lend ukraine | give ukraine | provide ukraine',
      `ukraine receive | kyiv receive | ukraine has received | ukraine received + ${GOODS}`,
      'weapon | arms | ammunition | shell + to ukraine | for ukraine | to kyiv | for kyiv',
      'loan + ukraine | kyiv | ukrainian | frozen russian assets | frozen assets',
      'tranche + ukraine | kyiv | loan | aid | # bn | # billion',
      'humanitarian convoy | humanitarian cargo | humanitarian shipment',
      'convoy + food | medicine | generator | humanitarian | aid',
      'funding for ukraine | funding to ukraine',
      'sale | sell + ukraine | kyiv + approve | weapon | missile | # m | # million | # bn | # billion | patriot | air defense',
      'patriot | iris t | nasams | himars | atacms | f 16 | leopard | abrams | storm shadow | taurus | gripen | air defense system | air defence system + ukraine | kyiv | hand | send | deliver | arrive | buy | provide | pledge | package | supply | transfer | donate',
      'loan | grant | tranche | credit | financing | funding | budget support + ukraine | ukrainian | kyiv | ukrenergo | naftogaz | # bn | billion',
      'package + # bn | billion | million | military | weapons | security assistance | drones | artillery',
      'delay | delayed | hold up | held up | blocked | block | pause | paused | resume | resumed + aid | assistance | supplies | deliveries | tranche | package | shipments',
      'czech initiative | ammunition initiative | ukraine facility | defense contact group | defence contact group',
    ],
    uk: [
      'військова допомога | гуманітарна допомога | фінансова допомога | макрофінансова допомога | оборонна допомога | безпекова допомога',
      'допомога україні | допомогу україні',
      'пакет + допомоги | підтримки | зброї | озброєння | боєприпасів | військової',
      `${UK_GIVE} + ${UK_GOODS} + україні | україна | києву | зсу | українським`,
      `${UK_GIVE} | виплатить | погодили | погодив | затвердили | затвердив | схвалили | схвалив | схвалила | ухвалили + ${UK_MONEY} + україні | україна | києву`,
      `україна отримала | україна отримає | україна отримала від | отримала від партнерів | отримали від партнерів | прибули в україну | прибула в україну | прибули до україни + ${UK_GOODS} | ${UK_MONEY} | транш | системи | літаки`,
      'фінансова підтримка | фінансової підтримки | бюджетна підтримка | бюджетної підтримки + україна | млрд | мільярдів | мільйонів | млн',
      'гуманітарний конвой | гуманітарний вантаж | гуманітарна допомога',
      'кредит | позика + україні | україна',
      'транш + україні | україна | кредиту | допомоги',
      'рамштайн | коаліція дронів | коаліції дронів | коаліція ппо | коаліції спроможностей + пакет | передати | передасть | оголосили | оголосив | млн | млрд | зобов’язання',
      'передасть | передає | передала | передали | передав | передати | надасть | надала | надали | виділить | виділила | передачу | прибули | прибула | отримала | отримали + україні | україна | зсу | танк | танків | танки | винищувач | винищувачі | бронемашин | генератор | генератори | ракети | ппо | nasams | patriot | f 16 | міг 29 | снаряд | снарядів | боєприпас | дрон | дронів',
      'ленд ліз | угоду про підтримку | угода про безпеку | безпекова угода | безпекову угоду',
      'patriot | iris t | nasams | himars | atacms | f 16 | leopard | abrams | storm shadow | taurus | gripen + україн | надійдуть | надійшли | передаватимуть | передавати | поставки | постачання | купуватимуть | купити | отримала | дорозі',
      'транш | позика | позику | кредит | грант | фінансування + україн | євро | доларів | млрд | укренерго | нафтогаз',
      'поставки | постачання + зброї | снарядів | боєприпасів | затримуються | призупинили | відновили | відновлено | наступними',
      'снарядів | снаряди + дісталися | надійшли | поставити | постачання | ініціативи',
      'виділяє | виділить | виділила | спрямуємо | спрямує | профінансує | фінансуємо | фінансує + млрд | мільйон | україн | енергетик | відновлення | виробництво',
      'жодного патрона | заблокував | заблокувала + допомог | транш | фонд | патрона',
      // deliveries resumed, paused or promised, money in foreign currency, weapons named for Ukraine,
      'відновили | відновив | відновила | призупинили | призупинив | призупинила + постачання | поставки | передачу | відвантаження',
      'передадуть | передаватиме | передаватимуть | пообіцяв надати | пообіцяла надати | пообіцяли надати | профінансувати | профінансує | профінансують',
      'виділила | виділили | виділив | виділить | надасть | надала + млн | млрд | мільйонів | мільярдів + євро | доларів | фунтів | крон | єн',
      'для україни | для зсу + ракет | ракети | снарядів | ппо | систем | дронів | танків | винищувачів',
      'пакет військової допомоги | пакету військової допомоги | пакет допомоги | новий пакет | нового пакета',
      'на закупівлю + газу | зброї | дронів | снарядів | ппо | систем',
      'постачання | поставку | поставки + бойових машин | танків | снарядів | ракет | систем | гаубиць | бронемашин | винищувачів',
      'схвалив | затвердив | затвердили | схвалили + продаж | продажу',
    ],
    ru: [
      'военная помощь | гуманитарная помощь | финансовая помощь | макрофинансовая помощь',
      'помощь украине | помощи украине',
      'пакет + помощи | поддержки | вооружений | оружия | боеприпасов | военной',
      `${RU_GIVE} + ${RU_GOODS} + украине | украина | киеву | всу | украинским`,
      `${RU_GIVE} | выплатит | согласовали | утвердили | утвердил | одобрили | одобрил | одобрила + ${RU_MONEY} + украине | украина | киеву`,
      `украина получила | украина получит | получила от партнеров | получили от партнеров | прибыли в украину | прибыла в украину + ${RU_GOODS} | ${RU_MONEY} | транш | системы | самолеты`,
      'финансовая поддержка | финансовой поддержки | бюджетная поддержка | бюджетной поддержки + украина | млрд | миллиардов | миллионов | млн',
      'гуманитарный конвой | гуманитарный груз',
      'кредит | кредита + украине | украина',
      'транш + украине | украина | кредита | помощи',
      'рамштайн | коалиция дронов | коалиции дронов | коалиция пво + пакет | передать | передаст | объявили | объявил | млн | млрд',
      'передаст | передает | передала | передали | передал | передать | предоставит | предоставила | выделит | выделила | передачу | прибыли | прибыла | получила | получили + украине | украина | всу | танк | танков | танки | истребител | бронемашин | генератор | генераторы | ракеты | пво | nasams | patriot | f 16 | миг 29 | снаряд | снарядов | боеприпас | дрон | дронов',
      'ленд лиз | соглашение о поддержке | соглашение о безопасности',
      'patriot | iris t | nasams | himars | atacms | f 16 | leopard | abrams | storm shadow | taurus | gripen + украин | поступят | поступили | передавать | передают | поставки | отправку | закупку | покупают | получила | пути',
      'транш | заем | кредит | грант | финансирование + украин | евро | долларов | млрд | укрэнерго | нафтогаз',
      'поставки | отправку | отправка + оружия | снарядов | боеприпасов | задержан | задержанных | приостановил | возобновил | возобновлены',
      'выделит | выделяет | профинансирует | направит | финансирует + млрд | миллион | украин | энергетик | восстановлени | закупку | газа',
      'заблокировал | заблокировала + помощ | транш | фонд',
      'ни одного патрона | ни одного снаряда',
      // deliveries resumed, paused or promised, money in foreign currency, weapons named for Ukraine,
      'возобновил | возобновила | возобновили | приостановил | приостановила | приостановили + отгрузку | поставки | поставок | передачу',
      'передадут | перечислит | перечислят | пообещал предоставить | пообещала предоставить | пообещали предоставить | профинансировать | профинансируют',
      'выделила | выделили | выделил | выделит | выделяет | предоставит + млн | млрд | миллионов | миллиардов + евро | долларов | фунтов | крон | иен',
      'для украины | для всу + ракет | ракеты | снарядов | пво | систем | дронов | танков | истребителей',
      'пакет военной помощи | пакета военной помощи | пакет помощи | новый пакет | нового пакета',
      'на закупку + газа | оружия | дронов | снарядов | пво | систем',
      'о поставке | поставку | поставки + боевых машин | танков | снарядов | ракет | систем | гаубиц | бронемашин | истребителей | зенитных',
      'утвердил | одобрил | утвердили | одобрили + продажу | продажи',
      'передали | передала | передал + оборудование | оборудования',
    ],
  },
  exclude: {
    en: [
      'first aid',
      'aid agency',
      'aid agencies',
      'aid worker',
      'aid organization',
      'hearing aid',
      'legal aid',
      'sudan',
      'gaza',
      'mock',
      'joke',
      'criticize',
      'criticism',
      'swipe',
      'jab',
      'tirade',
      'ridicule',
      'blank check',
      'campaign ad',
      'weapon | arms | drone | missile | shell | ammunition | munition + to russia | to moscow',
      'from iran | from north korea | iran supply | iran send | iran deliver | north korea send | north korea supply | pyongyang',
      'short supply',
      'if',
      'whether | declined to say | refused to say | did not say',
      'nuclear weapon',
      'with the aid of',
      'russia send | moscow send | russian forces send | into ukraine | against ukraine | at ukraine',
    ],
    uk: [
      'перша допомога',
      'першої допомоги',
      'медична допомога',
      'психологічна допомога',
      'до росії',
      'іран',
      'кндр',
    ],
    ru: ['первая помощь', 'медицинская помощь', 'в россию', 'иран', 'кндр'],
  },
} satisfies TopicDefinitionInput;
