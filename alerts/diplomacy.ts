import type { TopicDefinitionInput } from '../src/topics/definition.ts';

// Talks, negotiations, peace plans, summits, leaders' calls about the war's settlement,
// sanctions and NATO/EU decisions. Sports contracts and sporting sanctions, mountain summits
// and domestic politics are excluded.
const WAR_SIDES =
  'russia | ukraine | kyiv | moscow | kremlin | putin | zelensky | war | peace | ceasefire | truce | ' +
  'delegation | envoy | negotiator | settlement | security guarantee | washington | white house | ' +
  'invasion | high level | foreign minister | secretary of state';
// A meeting or call between a leader of the warring sides and a foreign one.
const WAR_LEADERS =
  'zelensky | putin | kremlin | ukrainian president | russian president | sybiha | lavrov | yermak | umerov';
const FOREIGN_LEADERS =
  'trump | biden | macron | starmer | merz | scholz | erdogan | xi | modi | meloni | tusk | orban | ' +
  'fico | rutte | von der leyen | costa | vance | rubio | witkoff | kellogg | guterres | pope | ' +
  'carney | lula | netanyahu | mbs | crown prince | stubb | frederiksen | sanchez | albanese | ishiba';
const LEADERS =
  'president | prime minister | chancellor | putin | zelensky | trump | biden | macron | scholz | ' +
  'starmer | erdogan | xi | merz | meloni | leader';

export default {
  id: 'diplomacy',
  name: { en: 'Diplomacy', uk: 'Дипломатія' },
  description: {
    en: "Talks, peace proposals, summits, leaders' statements on a settlement, sanctions, NATO and EU decisions",
    uk: 'Переговори, мирні плани, саміти, заяви лідерів щодо врегулювання, санкції, рішення НАТО та ЄС',
  },
  emoji: '🕊️',
  color: 0x2563eb,
  urgency: 'normal',
  include: {
    en: [
      'peace talks | peace plan | peace deal | peace proposal | peace summit | peace process | peace agreement | peace formula | peace forum | peace conference | peace initiative | peace framework | peace settlement | peace negotiations | peace efforts | peace envoy',
      'peace in ukraine | peace for ukraine | peaceful solution | peaceful settlement | secure peace | securing peace | lasting peace | just peace',
      'end the war | ending the war | end to the war | end of the war + talks | negotiation | plan | deal | proposal | putin | trump | zelensky | kremlin',
      'ceasefire | cease fire | truce | armistice',
      'negotiation | negotiate | negotiating | negotiator',
      `talks + ${WAR_SIDES}`,
      'hold talks | held talks | summit',
      'sanction + russia | russian | moscow | kremlin | oligarch | tanker | shadow fleet | bank | oil | gas | lng | export | import | asset | package | list | belarus | iran | north korea | entities | individuals | companies | price cap | putin | lift | impose | extend',
      'security guarantees | security guarantee | coalition of the willing | reassurance force | peacekeepers | peacekeeping',
      'nato + ministerial | ministers meet | ministers met | ministers agree | meeting | summit | leader | allies | membership | member state | join | accession | invitation | declaration | secretary general | agree | decide | article 5 | enlargement | path',
      'eu membership | eu accession | accession talks | membership talks | join the eu | candidate status | eu leaders',
      'veto + eu | hungary | orban | slovakia | security council | aid | sanction | package | ukraine',
      `phone call | phone | spoke by phone | speak by phone | call with + ${LEADERS}`,
      'special envoy | envoy',
      'peace + russia | ukraine | kyiv | moscow | kremlin | putin | zelensky | trump | washington | war | negotiat',
      'durable peace | sustainable peace | comprehensive peace | stable peace',
      'talking to | talk to | keep talking + moscow | kyiv | putin | zelensky | kremlin | both sides',
      'meet | meeting | summit | talks + putin + zelensky',
      'price cap | embargo + russia | russian | oil | crude',
      'package + against russia | against moscow | against the kremlin',
      'restrictive measures | ban on russian + lng | oil | gas | import | diamond | steel | aluminum | crude',
      '# point plan | # point peace plan | # point framework | # point proposal',
      'framework + peace | war | ceasefire | agreement | deal',
      'deal with russia | deal with putin | deal with moscow | deal with ukraine | deal with kyiv | deal with zelensky',
      'cede | ceding | give up | withdraw from + territory | land | donbas | donetsk | crimea | luhansk | region + demand | peace | deal | plan | putin | kremlin | moscow | talks | negotiation',
      'mediation | mediate | mediator + russia | ukraine | war | peace | ceasefire | talks | kyiv | moscow',
      'recognize | recognition + crimea | annexation | occupied territories | russian control',
      'tariff + russian oil | buyers of russian | russia | moscow',
      `meet | met | meeting | talks | call | spoke | host | hold talks + ${WAR_LEADERS} + ${FOREIGN_LEADERS}`,
      'peace settlement | political settlement | negotiated settlement | diplomatic settlement | settlement of the conflict | settlement of the war | settle the conflict',
      'foreign minister | secretary of state + meet | met | talks | phone call | spoke',
      'delegation + talks | meet | negotiat | russia | ukraine | russian | ukrainian | istanbul | geneva | riyadh',
      'communique',
      'g7 | g20 + leader | summit | agree | meeting | communique | statement | minister | ukraine | russia',
      'joint statement | joint declaration + ukraine | russia | war | peace | ceasefire | leader | minister | allies | sanction | nato | eu',
      'diplomatic + solution | effort | push | track | channel | settlement | initiative | process | offensive',
      'diplomacy',
      'territorial integrity | territorial concessions | cede territory | land for peace | neutrality | sovereign ukraine',
      'sign + agreement | accord | treaty | memorandum | communique | declaration',
      'minerals deal | mineral deal | minerals agreement | resources deal',
      'security council + resolution | vote | meeting | ukraine | russia',
      'general assembly + resolution | vote | ukraine',
    ],
    uk: [
      'мирні переговори | переговори | переговорів | переговорах | перемовини',
      'мирний план | мирна угода | мирний процес | мирний саміт | саміт миру | формула миру | мирне врегулювання | мирну угоду',
      'припинення вогню | перемир’я | режим тиші',
      'гарантії безпеки | гарантій безпеки | коаліція охочих',
      'санкції | санкцій | санкційний + росії | росію | пакет | кремль | москви | тіньовий флот | нафт | банк | олігарх',
      'саміт | саміту | саміті',
      'нато + саміт | членство | вступ | запрошення | союзники | генсек | декларація',
      'вступ до єс | членство в єс | переговори про вступ | статус кандидата',
      'телефонна розмова | телефонну розмову | провів розмову',
      'делегація | делегації + переговори | зустріч | стамбул | женева | ер-ріяд',
      'спецпосланець | посланець | спецпредставник',
      'дипломатичн | дипломатичне врегулювання | дипломатичним шляхом',
      // "врегулювання" is also a legal term ("врегулювання питань"): only about the war
      'врегулювання | врегулюванню | врегулювати + війни | війну | конфлікту | конфлікт | мирне | мирного | росія | росією | україна | україною | переговор | переговорів | путін | трамп | зеленський | кремль | москва',
      'територіальна цілісність | територіальні поступки',
      'завершення війни | закінчення війни | припинити війну | завершити війну | закінчити війну',
      'спільна заява | комюніке',
      'зустріч | зустрівся | зустрілася | зустрілися | розмова | розмову | поговорив | переговори + зеленський | путін | сибіга | лавров + трамп | макрон | стармер | мерц | ердоган | сі цзіньпін | туск | орбан | рютте | фон дер ляєн | віткофф | рубіо | келлог | гутерреш | венс | папа',
      'посередництво | посередник + війни | переговор | миру | росії | україни',
    ],
    ru: [
      'мирные переговоры | переговоры | переговоров | переговорах',
      'мирный план | мирное соглашение | мирный процесс | мирный саммит | формула мира | мирное урегулирование',
      'прекращение огня | перемирие | режим тишины',
      'гарантии безопасности | гарантий безопасности | коалиция желающих',
      'санкции | санкций | санкционный + россии | россию | пакет | кремль | москвы | теневой флот | нефт | банк | олигарх',
      'саммит | саммита | саммите',
      'нато + саммит | членство | вступление | приглашение | союзники | генсек | декларация',
      'вступление в ес | членство в ес | статус кандидата',
      'телефонный разговор | телефонного разговора | провел разговор',
      'делегация | делегации + переговоры | встреча | стамбул | женева | эр-рияд',
      'спецпосланник | посланник | спецпредставитель',
      'дипломатическ | дипломатическое урегулирование | дипломатическим путем',
      'урегулирование | урегулированию | урегулирования | урегулировать + войны | войну | конфликта | конфликт | мирное | мирного | россия | россией | украина | украиной | переговоров | путин | трамп | зеленский | кремль | москва',
      'территориальная целостность | территориальные уступки',
      'завершение войны | окончание войны | прекратить войну | завершить войну | закончить войну',
      'совместное заявление | коммюнике',
      'встреча | встретился | встретилась | разговор | переговоры + путин | зеленский | лавров + трамп | макрон | стармер | мерц | эрдоган | си цзиньпин | орбан | рютте | уиткофф | рубио | келлог | гутерриш | вэнс | папа',
      'посредничество | посредник + войны | переговор | мира | россии | украины',
    ],
  },
  exclude: {
    en: [
      'contract',
      'coach',
      'football',
      'club',
      'football player | tennis player',
      'transfer fee',
      'wage',
      'salary',
      'trade union',
      'labor union',
      'pay deal',
      'merger',
      'takeover',
      'league',
      'uefa',
      'fifa',
      'disciplinary',
      'mountain',
      'climb',
      'reach the summit',
      'expedition',
      'everest',
      'kilimanjaro',
      'hike',
      'peace prize | nobel',
      // domestic pay, debt and IMF negotiations
      'pay rise | pay increase | pension | bondholder | creditor | debt restructuring | restructuring | imf | international monetary fund | teachers union | education ministry',
    ],
    uk: ['контракт', 'тренер', 'футбол', 'клуб', 'уєфа', 'фіфа', 'вершина', 'гора', 'сходження'],
    ru: ['контракт', 'тренер', 'футбол', 'клуб', 'уефа', 'фифа', 'вершина', 'гора', 'восхождение'],
  },
} satisfies TopicDefinitionInput;
