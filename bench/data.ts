/**
 * Generated customers for the benchmarks: English and Russian names varied enough that most are
 * unique at 100,000, with the emails, phones, handles and tags a CRM export would carry. The
 * generator is seeded, so every run measures the same data.
 */
import { foldName, transliterate } from '../lib/match/names';

export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_FIRST = [
  'Ada',
  'Adrian',
  'Alice',
  'Amelia',
  'Arthur',
  'Beatrice',
  'Benjamin',
  'Caleb',
  'Chloe',
  'Daniel',
  'Diana',
  'Edgar',
  'Eleanor',
  'Felix',
  'Fiona',
  'George',
  'Grace',
  'Harvey',
  'Hazel',
  'Isaac',
  'Iris',
  'Jasper',
  'Julia',
  'Kevin',
  'Laura',
  'Leo',
  'Lorena',
  'Marcus',
  'Maya',
  'Nathan',
  'Nora',
  'Oliver',
  'Olivia',
  'Patrick',
  'Quinn',
  'Rosa',
  'Samuel',
  'Sophie',
  'Tobias',
  'Vera',
];
const EN_HEAD = [
  'Ash',
  'Bar',
  'Black',
  'Brook',
  'Car',
  'Dun',
  'Fair',
  'Gar',
  'Hal',
  'Hart',
  'Kings',
  'Lang',
  'Mar',
  'Mor',
  'North',
  'Pem',
  'Ray',
  'Rid',
  'Shel',
  'Stan',
  'Thorn',
  'Wal',
  'Wen',
  'Whit',
  'Wil',
];
const EN_TAIL = [
  'bury',
  'by',
  'croft',
  'den',
  'field',
  'ford',
  'gate',
  'ham',
  'hurst',
  'ington',
  'ley',
  'low',
  'more',
  'ridge',
  'shaw',
  'son',
  'stead',
  'ton',
  'well',
  'wood',
  'worth',
  'wright',
  'lock',
  'mere',
  'wick',
];
const RU_FIRST = [
  'Алиса',
  'Анна',
  'Борис',
  'Вера',
  'Виктор',
  'Галина',
  'Глеб',
  'Дарья',
  'Дмитрий',
  'Евгений',
  'Екатерина',
  'Захар',
  'Иван',
  'Ирина',
  'Кирилл',
  'Ксения',
  'Лев',
  'Мария',
  'Михаил',
  'Надежда',
  'Олег',
  'Ольга',
  'Павел',
  'Полина',
  'Роман',
  'Светлана',
  'Тимур',
  'Ульяна',
  'Фёдор',
  'Юлия',
];
const RU_HEAD = [
  'Бел',
  'Вол',
  'Гор',
  'Жук',
  'Заб',
  'Кам',
  'Кузн',
  'Леб',
  'Мал',
  'Мор',
  'Нов',
  'Орл',
  'Пал',
  'Сок',
  'Сол',
  'Тар',
  'Ус',
  'Фед',
  'Чер',
  'Шир',
];
const RU_TAIL = [
  'ов',
  'ёв',
  'ин',
  'ецов',
  'енко',
  'анов',
  'ышев',
  'ицкий',
  'овский',
  'яков',
  'ухин',
  'олев',
  'арёв',
  'унов',
  'иков',
];

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)]!;

export interface GeneratedCustomer {
  first: string;
  last: string;
  name: string;
  email: string;
  phone: string;
  handle: string;
  russian: boolean;
}

export function generateCustomers(count: number, seed = 1): GeneratedCustomer[] {
  const r = random(seed);
  const out: GeneratedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const russian = r() < 0.35;
    const first = russian ? pick(RU_FIRST, r) : pick(EN_FIRST, r);
    let last = russian ? pick(RU_HEAD, r) + pick(RU_TAIL, r) : pick(EN_HEAD, r) + pick(EN_TAIL, r);
    // Russian surnames agree with the person: Соколов, Соколова.
    if (russian && /[аяь]$/.test(first) && /(ов|ёв|ин|ев)$/.test(last)) last += 'а';
    const latin = foldName(transliterate(foldName(`${first}.${last}`))).replace(/ /g, '.');
    out.push({
      first,
      last,
      name: `${first} ${last}`,
      email: `${latin}.${i}@example.com`,
      phone: `+1 555 ${String(1_000_000 + i).slice(1)}`,
      handle: `${latin.replace(/\./g, '_').slice(0, 20)}_${i}`,
      russian,
    });
  }
  return out;
}

/** A CRM export of the customers: 12 columns, as HubSpot names them. */
export function crmCsv(customers: readonly GeneratedCustomer[]): string {
  const lines = [
    'Record ID,First Name,Last Name,Email,Phone Number,Twitter Username,Facebook,City,Tags,Lifecycle Stage,Preferred Language,Notes',
  ];
  customers.forEach((c, i) => {
    lines.push(
      [
        `hs-${i}`,
        c.first,
        c.last,
        c.email,
        c.phone,
        c.handle,
        '',
        i % 3 ? 'Portland' : 'Казань',
        i % 2 ? 'newsletter;kitchen' : 'vip-event',
        'customer',
        c.russian ? 'ru' : 'en',
        i % 10 ? '' : '"Called about delivery, prefers evenings"',
      ].join(','),
    );
  });
  return lines.join('\n');
}

export type Perturbation = 'typo' | 'transliterated' | 'reordered' | 'accents' | 'exact';

/** How a person might write a customer's name on a social site. */
export function perturb(c: GeneratedCustomer, kind: Perturbation, r: () => number): string {
  switch (kind) {
    case 'exact':
      return c.name;
    case 'reordered':
      return `${c.last} ${c.first}`;
    case 'transliterated': {
      // Their own Latin spelling, not always the one Concierge would pick.
      const latin = transliterate(foldName(c.name))
        .replace(/iy\b/g, 'iy')
        .replace(/kh/g, r() < 0.5 ? 'h' : 'kh');
      return latin.replace(/\b\w/g, (ch) => ch.toUpperCase());
    }
    case 'accents':
      return c.name.replace(/e/, 'é').replace(/a/, 'á').toUpperCase();
    case 'typo': {
      const word = c.last;
      const at = 1 + Math.floor(r() * (word.length - 2));
      const chars = [...word];
      const op = r();
      if (op < 0.33) chars.splice(at, 1);
      else if (op < 0.66) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
      else chars.splice(at, 0, chars[at]!);
      return `${c.first} ${chars.join('')}`;
    }
  }
}
