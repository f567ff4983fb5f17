import type { TopicDefinitionInput } from '../src/topics/definition.ts';

// Damage to or outages of power, heating, water, rail, ports, bridges and the grain
// corridor. Nuclear plants belong to `nuclear`; concerts named "Blackout" and media
// blackouts are excluded.
const ASSETS =
  'power plant | power station | thermal power | hydroelectric | hydropower | hydro plant | ' +
  'dam | substation | power line | transmission line | power grid | energy grid | grid | ' +
  'energy facility | energy facilities | energy infrastructure | energy system | energy sector | ' +
  'generating facility | generating facilities | generating capacity | gas production | ' +
  'gas facility | gas facilities | gas infrastructure | gas storage | gas pipeline | ' +
  'boiler | heating plant | water supply | pumping station | water main | water utility | ' +
  'railway | rail line | railway station | train station | rail bridge | bridge | port | ' +
  'seaport | port infrastructure | grain terminal | grain silo | shipping | vessel | tunnel | ' +
  'chp | combined heat and power | thermal plant | critical infrastructure | energy target | ' +
  'energy site | energy asset | locomotive | railway infrastructure | rail infrastructure | ' +
  'gas distribution | gas network | heating network | heat supply | power supply';
const DAMAGE =
  'hit | strike | damage | destroy | attack | target | shell | knock out | disable | disrupt | ' +
  'cut | restore | repair | outage | offline | fire | blaze | explosion | collapse | blow up | ' +
  'closure | shut | flood | suspend | close to traffic | closed for | bring down | brought down | ' +
  'disconnect';
// Who loses a supply: households and towns, not a party losing power in an election.
const CONSUMERS =
  'household | home | consumer | customer | subscriber | town | village | settlement | city | ' +
  'district | region | building | apartment | people | resident | hospital | school | part of';

export default {
  id: 'infrastructure',
  name: { en: 'Infrastructure', uk: 'Інфраструктура' },
  description: {
    en: 'Damage to and outages of power, heating, water, rail, ports and bridges; blackouts and power cuts',
    uk: 'Пошкодження й відключення світла, тепла, води, залізниці, портів і мостів; блекаути',
  },
  emoji: '⚡',
  color: 0xeab308,
  urgency: 'normal',
  include: {
    en: [
      'blackout | power cut | power outage | electricity outage | rolling blackout | power rationing',
      'outage + power | electricity | hour | schedule | household | consumer | region | emergency | grid | heating | water | light | energy | #',
      'emergency shutdown | scheduled shutdown | emergency power cuts | outage schedule | hourly outage',
      'without power | without electricity | without heating | without heat | without water | without running water | without gas | without light',
      'electricity | heating | water + restore | cut off | without | shortage | deficit | disrupt | lose | reconnect | switch off',
      'power + restore | cut off | reconnect | switch off | shortage | deficit',
      `lose | lost | losing | loss of + power | electricity | heating | heat | water | gas supply | power supply + ${CONSUMERS}`,
      'no power | no electricity | no heating | no running water | no water supply | no light',
      `${ASSETS} + ${DAMAGE}`,
      // the metro is also a shelter: only its own disruption counts
      'metro | subway | tram | trolleybus + suspend | halt | stop running | closed | close | outage | without power | damage | disrupt',
      'grain corridor | shipping corridor | black sea corridor | grain export | grain exports',
      'train | trains | railway | ukrzaliznytsia + delay | late | cancel | suspend | reroute | halt | disrupt',
      'running water | water supply + cut | restore | without | damage | outage | off',
    ],
    uk: [
      'відключення світла | відключення електроенергії | відключення електрики | графік відключень | графіки відключень | аварійні відключення | стабілізаційні відключення | погодинні відключення',
      'знеструмлено | знеструмлення | знеструмлені',
      'немає світла | немає води | немає гарячої води | немає тепла | немає опалення | немає електроенергії | без світла | без електроенергії | без електропостачання | без тепла | без опалення | без води | без водопостачання | без газу',
      'блекаут',
      'газовидобування | газова інфраструктура | газової інфраструктури | газотранспортна система | нафтогаз | тепломережа | тепломережі | водогін | водогону | енергосистема | енергосистему | енергосистеми | енергетичний об’єкт | енергетичні об’єкти | енергетичних об’єктів | енергетична інфраструктура | енергетичної інфраструктури | об’єкт енергетики | об’єкти енергетики | підстанція | підстанції | лінії електропередач | лінія електропередачі | тес | тец | гес | електростанція | теплоелектростанція + удар | атака | атакував | пошкоджено | пошкодження | пошкоджені | влучання | зруйновано | знеструмлення | відключення | обстріл | пожежа',
      'укренерго + відключення | пошкодження | дефіцит | атака | удар',
      'залізниця | залізниці | укрзалізниця | поїзди | потяги + затримка | затримуються | затримки | пошкодження | пошкоджено | удар | атака | обстріл',
      'порт | порту | портова інфраструктура | мосту | мости | мостів + удар | атака | пошкоджено | пошкодження | зруйновано | обстріл',
      'водопостачання | теплопостачання | електропостачання | опалення + відновлено | відновили | пошкоджено | відсутнє | припинено | перебої',
      'зерновий коридор | морський коридор',
      'екстрені відключення | екстрених відключень | гпв | черги відключень | аварійне відключення',
      'енергооб’єкт | енергетика | енергетику | енергетики | критична інфраструктура | критичної інфраструктури | лінію електропередачі | газопровід | котельня | вокзал | локомотив | дніпрогес | залізнична інфраструктура | залізничну інфраструктуру + удар | атака | атакував | атакували | пошкоджено | пошкодили | пошкоджені | пошкоджений | зруйновано | зруйнували | знищено | уражено | влучання | влучили | поцілили | обстріл | пожежа | знеструмлення',
      'відновлення електропостачання | відновлення енергопостачання | відновити електропостачання | відновили електропостачання | відновили світло | повернули світло | енергетики працюють',
      'міст | мосту | мости | моста | мостом + удар | ударили | вдарили | атакували | пошкоджено | пошкодили | пошкодив | зруйновано | зруйнували | зруйнував | вибух | обвалилися | обвалився | обвал | перекрито',
      'вокзал | вокзалу | колію | колії | залізниця | залізниці | залізничну | залізничний | підстанці | підстанцій | порт | портову | портову | портові | портовий | газовидобування | видобування газу | нафтобаза | нафтобазу | енергооб’єкт | енергооб’єкти | енергооб’єктів + удар | ударив | ударили | вдарили | атака | атакували | атакував | атаковали | атаковал | атакували | влучили | влучання | пошкоджено | пошкодили | пошкодив | зруйн',
      'відновили рух | рух поїздів | рух відновлено | знизили потужність',
      // water and dams, terminals and berths, generation named plainly,
      'без централізованого водопостачання | без питної води | водоканал | водоканалу | насосна станція | насосну станцію + пошкоджено | пошкоджена | обстріл | удар | без води | без водопостачання',
      'гребля | греблю | дамба | дамбу + підірвали | зруйнована | зруйновано | прорив | підрив',
      'термінал | термінали | причал | причали | причалів | елеватор + пошкоджено | пошкоджені | пошкоджений | горить | не працюють | зупинено | удар | атака | влучання',
      'тес | тец | гес + знищена | знищено | зруйнована | зруйновано | пошкоджена | пошкоджено | уражено',
      'генерації | генерацію | генерація + пошкоджено | пошкодив | пошкодили | пошкоджені | уражено | знищено',
      'коридор | коридором + судна | судно | суховантажі | контейнеровоз | суден',
    ],
    ru: [
      'отключения света | отключения электроэнергии | отключение электричества | графики отключений | аварийные отключения | стабилизационные отключения | почасовые отключения',
      'обесточено | обесточены | обесточивание',
      'нет света | нет воды | нет горячей воды | нет отопления | нет электроэнергии | без света | без электричества | без электроэнергии | без тепла | без отопления | без воды | без газа',
      'блэкаут | блекаут',
      'газодобыча | газовая инфраструктура | газовой инфраструктуры | нафтогаз | теплосеть | теплосети | водопровод | энергосистема | энергосистему | энергетический объект | энергетические объекты | энергетической инфраструктуры | энергетическая инфраструктура | объект энергетики | объекты энергетики | подстанция | подстанции | линии электропередачи | тэс | тэц | гэс | электростанция + удар | атака | атаковали | повреждено | повреждения | попадание | разрушено | обесточивание | отключения | обстрел | пожар',
      'укрэнерго + отключения | повреждения | дефицит | атака | удар',
      'железная дорога | железной дороги | укрзализныця | поезда + задержка | задерживаются | задержки | повреждения | повреждено | удар | атака | обстрел',
      'порт | порта | портовая инфраструктура | мост | моста + удар | атака | повреждено | повреждения | разрушено | обстрел',
      'водоснабжение | теплоснабжение | электроснабжение | отопление + восстановлено | восстановили | повреждено | отсутствует | прекращено | перебои',
      'зерновой коридор | морской коридор',
      'экстренные отключения | экстренных отключений | очереди отключений | аварийное отключение',
      'энергообъект | энергетика | энергетику | энергетики | критическая инфраструктура | критической инфраструктуры | лэп | газопровод | котельная | вокзал | локомотив | железнодорожная инфраструктура | железнодорожную инфраструктуру + удар | атака | атаковали | повреждено | повредили | повреждены | разрушено | уничтожено | поражен | поражено | попадание | попали | обстрел | пожар | обесточивание',
      'восстановление электроснабжения | восстановили электроснабжение | восстановили свет | вернули свет | энергетики работают',
      'мост | моста | мосту | мостом + удар | ударили | атака | атакували | атакував | атаковали | атаковал | атаковали | повреждено | повредили | повредил | разрушено | разрушили | разрушил | взрыв | взрывы | взорван | обрушился | обрушились | обрушение | перекрыт',
      'вокзал | вокзала | путь | пути | железная дорога | железной дороги | железнодорожный | железнодорожную | подстанц | порт | портову | портові | портовий | газодобыча | добычи газа | нефтебаза | нефтебазу | энергообъект | энергообъекты | энергообъектов + удар | ударил | ударили | атака | атакували | атакував | атаковали | атаковал | атаковали | попали | попадание | попадание | повреждено | повредили | повредил | разруш',
      'восстановили движение | движение поездов | движение восстановлено | снизили мощность',
      // water and dams, terminals and berths, generation named plainly,
      'без водоснабжения | без централизованного водоснабжения | без питьевой воды | водовод | водоканал | горводоканала | насосная станция | насосную станцию + поврежден | повреждена | повредили | обстрел | удар | без воды',
      'плотина | плотину | дамба | дамбу + разрушена | разрушили | подорвали | подорвана | прорыв',
      'терминал | терминалы | причал | причалы | причалов | элеватор + поврежден | повреждены | горит | не работают | приостановлена | остановлена | удар | атака | атаковали',
      'тэс | тэц | гэс + уничтожена | разрушена | повреждена | поражена',
      'генерации | генерацию | генерация + повреждены | повреждена | повредил | поражены | уничтожены',
    ],
  },
  exclude: {
    en: [
      'nuclear power plant | nuclear plant | nuclear power station | nuclear station',
      'reactor',
      'cooling water',
      'concert',
      'orchestra',
      'festival',
      'film',
      'exhibition',
      'museum',
      'anniversary',
      'sanction',
      'power sharing',
      'safe from | protect from | shelter from',
      'call off',
      'trade union | pay offer | pay deal | industrial action | walkout | picket',
      'media blackout | news blackout | information blackout',
      // warships, airfields and depots are military targets, not civilian infrastructure
      'pontoon | warship | landing ship | frigate | submarine | corvette | black sea fleet | naval base | airbase | air base | airfield | ammunition depot | ammo depot | arms depot | command post | launcher | s 400 | s 300 | radar station',
      // money for repairs is aid; the damage itself is reported elsewhere
      'earmark | pledge | donate | allocate | fund | funding | finance | financing | grant',
      // outages the weather or a planned repair caused ("storm" alone would also be Storm Shadow),
      'snowstorm | blizzard | gale | heavy snow | freezing rain | icing | lightning | hurricane | typhoon | storm + wind | winds | rain | snow | weather',
      'planned maintenance | scheduled maintenance | planned repairs | scheduled repairs',
    ],
    uk: [
      'аес',
      'заес',
      'концерт',
      'фільм',
      'виставка',
      // outages the weather or a planned repair caused
      'негода | негоду | негоди | снігопад | хуртовина | ожеледь | ожеледиця | мокрий сніг | пориви вітру | блискавки | блискавка | шторм',
      'плановий ремонт | планового ремонту',
    ],
    ru: [
      'аэс',
      'заэс',
      'концерт',
      'фильм',
      'выставка',
      // outages the weather or a planned repair caused
      'непогода | непогоду | непогоды | снегопад | метель | гололед | гололедица | мокрый снег | порывы ветра | молнии | молния | тайфун | шторм',
      'плановый ремонт | планового ремонта | плановые работы',
    ],
  },
} satisfies TopicDefinitionInput;
