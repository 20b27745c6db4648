/**
 * Reading a customer's post as an agent does, on the device: the language, how they feel, what
 * they want, what changed in their life, how urgent it is, and the words that say so. Rules and
 * word lists in English and Russian (with a light Russian stemmer, so "заказ", "заказа" and
 * "заказом" are one word), negation ("not happy", "не доволен") and emoji. Deterministic: the same
 * text always reads the same.
 */
import type { LifeEventKind } from '../db/types';

export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Intent = 'complaint' | 'question' | 'order_status' | 'return_refund' | 'praise' | 'purchase_intent' | 'other';

export interface Reading {
  language: string;
  sentiment: Sentiment;
  intents: Intent[];
  lifeEvents: LifeEventKind[];
  /** 0 (can wait) to 1 (answer now). */
  urgency: number;
  /** The words, emoji and numbers the reading rests on, for the agent to see. */
  evidence: string[];
}

const MAX_TEXT = 10_000;

/** Russian endings, longest first: what is left is the stem the word lists use. */
const RU_ENDINGS = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'ием', 'иях', 'ость', 'ости',
  'ешь', 'ете', 'ете', 'ишь', 'ите', 'ует', 'уют', 'ают', 'яют', 'ает', 'яет', 'ала', 'ила', 'ыла', 'ели', 'али', 'или', 'ало', 'ило',
  'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев',
  'ал', 'ил', 'ыл', 'ла', 'ли', 'ло', 'ть', 'ет', 'ит', 'ут', 'ют', 'ат', 'ят', 'ешь', 'ся', 'сь',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];

export function stem(word: string): string {
  if (/[а-яё]/.test(word)) {
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

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Word lists by stem; a phrase is a sequence of stems. */
const NEGATIVE = [
  // English
  'angry', 'awful', 'bad', 'broke', 'broken', 'crack', 'loud', 'down', 'damag', 'dead', 'defect', 'disappoint', 'disgust', 'dissatisf',
  'fail', 'fault', 'frustrat', 'furious', 'garbage', 'hate', 'horribl', 'horrible', 'useless', 'wors', 'worst', 'joke', 'junk', 'late',
  'leak', 'lie', 'lost', 'mess', 'miss', 'poor', 'burn', 'burnt', 'warp', 'snapp', 'peel', 'chipp', 'smash', 'crash', 'nothing', 'twice', 'problem', 'ridiculous', 'rip', 'rubbish', 'rude', 'sad', 'scam', 'shame',
  'sick', 'stopp', 'stuck', 'terribl', 'terrible', 'trash', 'unacceptabl', 'unhappy', 'upset', 'wast', 'wrong', 'annoy', 'ugh', 'wtf',
  'nightmare', 'ruin', 'refund', 'complain', 'complaint', 'delay', 'overpric', 'cold', 'smell', 'noisy', 'unreliabl', 'pathetic',
  // Russian stems
  'ужасн', 'плох', 'отвратит', 'кошмар', 'разочарова', 'разочар', 'злой', 'зл', 'бесит', 'бес', 'позор', 'обман', 'развод', 'брак', 'слома',
  'слом', 'слома', 'трещин', 'разбит', 'разби', 'вернит', 'возврат', 'жалоб', 'недовол', 'хам', 'груб', 'опозда', 'задерж', 'потеря', 'потер',
  'испорч', 'дефект', 'бракова', 'сломал', 'гряз', 'вонюч', 'мусор', 'хлам', 'ерунд', 'кидалов', 'обидн', 'грустн', 'жаль', 'сожал',
  'отстой', 'треш', 'бред', 'издевательств', 'безобраз', 'возмути', 'возмут', 'раздража', 'течет', 'шум', 'громк',
  'облез', 'облаз', 'пригора', 'сжига', 'скол', 'воня', 'бесполез', 'нахам', 'деформир', 'отвал', 'дважд',
];
const POSITIVE = [
  'amaz', 'awesome', 'beautiful', 'best', 'brilliant', 'delight', 'excellent', 'fantastic', 'fast', 'glad', 'good', 'great', 'happy',
  'impress', 'incredibl', 'love', 'lovely', 'nice', 'perfect', 'pleas', 'quick', 'smooth', 'super', 'thank', 'thanks',
  'wonderful', 'wow', 'cool', 'gorgeous', 'adore', 'favourite', 'favorite', 'satisf', 'enjoy', 'helpful', 'kind', 'fine',
  'obsess', 'adorabl', 'worth', 'special', 'beautifully', 'rock', '10/10',
  'спасиб', 'благодар', 'отличн', 'прекрасн', 'замечательн', 'супер', 'класс', 'классн', 'круто', 'крут', 'обожа', 'люб', 'нрав',
  'довол', 'рад', 'восторг', 'шикарн', 'великолепн', 'быстр', 'удобн', 'рекоменд', 'советую', 'совет', 'хорош', 'чудесн', 'кайф',
  'идеальн', 'красив', 'лучш', 'порадова', 'вкусн', 'огонь', 'прелест', 'молодц', 'неплох', 'милую', 'вау', 'ура',
];
const NEGATORS = new Set(['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", 'cannot', 'hardly', 'не', 'нет', 'ни', 'никогда', 'ничуть']);
const NEGATIVE_EMOJI = /[😡😠🤬😞😢😭👎💔😤😒🙄😩😫😖😣☹🙁🤮]/u;
const POSITIVE_EMOJI = /[😍😊🙂😀😃😄😁🥰❤💕👍🎉🙏🤩😎💯🔥✨😻]/u;

interface Pattern {
  re: RegExp;
  label: string;
}

const p = (re: RegExp, label: string): Pattern => ({ re, label });

const INTENTS: Record<Exclude<Intent, 'other'>, Pattern[]> = {
  order_status: [
    p(/\b(where('s| is) (my|the|our|it)|where is it|still (not|no|haven'?t) (here|arrived|delivered|received|shipped)|still waiting (for|on) (my|the|our) (order|parcel|package|delivery)|hasn'?t (arrived|come|shipped)|not (arrived|delivered|received|shipped)|never received|didn'?t (arrive|get|receive)|tracking|track(ing)? (number|code|page)|delivery (date|status|time)|when will (it|my|the|order)\b.{0,20}(arrive|come|ship|be delivered|be dispatched)|out for delivery|shipping status|dispatch(ed)?|supposed to (come|arrive)|no package|says delivered)\b/i, 'delivery'),
    p(/\b(my|the|our) (order|parcel|package|delivery|shipment)\b.{0,40}\b(where|late|delay|still|yet|status|arriv|stuck|lost|missing)/i, 'order'),
    p(/\border\b.{0,30}\b(stuck|processing|not (arrived|shipped)|delayed|lost)/i, 'order'),
    p(/(где (мой|моя|мои|наш|курьер)|когда (придет|придёт|привезут|доставят|будет доставка|отправите)|до сих пор (не|нет)|(не|так и не) (пришел|пришёл|пришла|пришло|доставили|привезли|получил|получила)|трек|отслеж|статус[еа]? (заказ|доставк|«)|висит в статусе|обрабатывается|нет посылки|посылк[аиу]? (нет|не)|задерж.{0,10}доставк|доставк.{0,20}(задерж|нет|не было|должна)|заказ потерял|на (одном )?складе|курьер не)/i, 'доставка'),
  ],
  return_refund: [
    p(/\b(refund|money back|return (it|this|the|my)|send (it|this) back|exchange (it|this|for)|(want|need|send me) a replacement|replace (it|this|my)|chargeback|reimburse|money back)/i, 'refund'),
    p(/(верн(ите|уть|у) (деньги|товар)|возврат|обмен(ять)?|замен(ить|ите|у)|вернуть (его|ее|её)|деньги назад|компенсац)/i, 'возврат'),
  ],
  complaint: [
    p(/\b(stopped (working|heating|charging)|doesn'?t (even )?(work|turn on|heat|fit|close|charge)|does not work|not working|broke|broken|damaged|cracked|defective|faulty|leaking|leaks|arrived (damaged|broken|cracked)|wrong (item|size|colou?r|order)|missing (part|item|piece)s?|terrible|worst|rude|never again|never (order|buy|shop)\w* (from|with|here|again)|unacceptable|disappointed|furious|scam|ripped off|waste of money|complain|useless|charged (me |my card )?(twice|two times|double)|double charged|smells? (like|of)|(a week|\d+ days|\d+ weeks) late|sent (me )?(a |an )?(used|wrong|broken|damaged)|(came|fell|snapped) off|peeling|chipped|smashed|warped|crash(es|ing)|(site|website|app) (is )?(down|not loading)|please stop|stop (emailing|sending|spamming)|too loud|no one (replies|answers|responds))/i, 'problem'),
    p(/(не работает|перестал[аио]? (работать|греть|включаться)|сломал(ся|ась|ось|ись)?|сломан|брак|бракован|треснул|разбит|пришл[аио]? (разбит|сломан|поврежд|не то)|поврежд|не тот (товар|размер|цвет)|не та |ужасн|отвратит|кошмар|жалоб|обман|разочарова|хамств|нахамил|никогда (больше|у вас)|больше никогда|верх наглости|безобраз|списали.{0,25}(дважды|два раза)|воняет|бесполез|облез|облаз|отвалил|со сколами|пригорает|деформир|течет|течёт|возмутительно|трещин|уберите меня|отпишите|никто не отвечает)/i, 'проблема'),
  ],
  question: [
    p(/\?/, '?'),
    p(/^(hi,? |hey,? |hello,? )?(how|what|what's|whats|when|where|which|who|why|can i|could you|do you|does|is (it|there|this|the|your)|are (there|you|your|the|these|they)|will (it|you)|should i|any (idea|chance))\b/i, 'question'),
    p(/(^|[.!?]\s+)(а )?(как|что|когда|где|какой|какая|какие|каков|почему|зачем|можно|есть ли|подскажите|скажите|сколько|вы )/i, 'вопрос'),
  ],
  praise: [
    p(/\b(thank(s| you)|love (it|this|my|the|your)|so happy|great (service|job|quality|product)|amazing|excellent|fantastic|perfect|highly recommend|best (purchase|kettle|service|shop)|well done|you guys rock|impressed|delighted)/i, 'praise'),
    p(/(спасибо|благодар|отличн|прекрасн|замечательн|супер|в восторге|обожаю|рекомендую|лучший|лучшая|очень довол|всё (пришло|супер|отлично)|класс|огонь|молодцы|порадовал)/i, 'благодарность'),
  ],
  purchase_intent: [
    p(/\b(want(ing)? to (buy|order|get)|thinking (of|about) (buying|getting|ordering)|planning to (buy|order|get)|where (can|do) i (buy|get|order)|how much (is|does|for)|in stock|restock|back in stock|price (of|for)|is (it|this) any good|worth (it|buying)|should i (buy|get)|gift for|looking for a|need a new|what do you recommend|recommend (a|me|something))/i, 'buying'),
    p(/(хочу (купить|заказать|взять)|планирую (купить|заказать)|думаю (купить|взять|заказать)|где (купить|заказать)|сколько стоит|какая цена|есть в наличии|в наличии|когда (поступ|появ)|стоит ли (брать|покупать)|посоветуйте|ищу (подарок|чайник|кофемашину))/i, 'покупка'),
  ],
};

const LIFE_EVENTS: Record<LifeEventKind, Pattern[]> = {
  moved: [p(/\b(just moved|we moved|i moved|moving (to|into|house)|new (flat|apartment|house|home|place)|moved (to|into|house|in)|housewarming|relocat)/i, 'moved'), p(/(переехал[аи]?|переезд|переезжаем|новая квартира|новую квартиру|новоселье|новый дом)/i, 'переезд')],
  married: [p(/\b(got married|just married|our wedding|my wedding|wedding (day|gift|registry)|newlywed|honeymoon|engaged)/i, 'wedding'), p(/(свадьб|поженились|вышла замуж|женился|медовый месяц|молодожен)/i, 'свадьба')],
  divorced: [p(/\b(divorce|divorced|separated from|my ex\b)/i, 'divorce'), p(/(развод|развелись|развелась|развёлся|бывший муж|бывшая жена)/i, 'развод')],
  new_baby: [p(/\b(new ?born|our baby|my baby|baby (girl|boy|shower)|gave birth|just had a baby|became (a )?(mum|mom|dad|parents)|welcomed (our|a) (son|daughter|little))/i, 'baby'), p(/(родил(ась|ся|а)|малыш|новорожд|стал[аи]? (мамой|папой|родителями)|декрет|сыночек|доченька)/i, 'малыш')],
  new_pet: [p(/\b(new (puppy|kitten|dog|cat)|adopted (a|our) (dog|cat|puppy|kitten)|got a (puppy|kitten|dog|cat)|rescue (dog|cat))/i, 'new pet'), p(/(завел[аи]? (собаку|кошку|щенка|котенка|котёнка)|щеночек|котеночек|котёночек|взяли (щенка|котенка|котёнка|собаку|кошку)|новый питомец|наш щенок|наш котенок|наш котёнок)/i, 'питомец')],
  pet_loss: [p(/\b((dog|cat|puppy|kitten|pet)\b.{0,30}(passed away|died|put down|crossed the rainbow)|lost our (dog|cat|pet)|rainbow bridge)/i, 'pet loss'), p(/((собак|кошк|кот|пес|пёс|питом)\w*.{0,30}(умер|умерл|не стало|усыпил)|не стало (нашего|нашей) (пса|кота|собаки|кошки))/i, 'потеря питомца')],
  bereavement: [p(/\b((mum|mom|dad|father|mother|grand(ma|pa|mother|father)|husband|wife|brother|sister|friend)\b.{0,25}(passed away|died|funeral)|funeral|condolences|in memory of|rest in peace)/i, 'loss'), p(/((мам|пап|бабушк|дедушк|муж|жена|брат|сестр|отец|мать)\w*.{0,25}(умер|умерл|не стало|скончал)|похорон|соболезн|царствие небесное)/i, 'утрата')],
  new_job: [p(/\b(new job|started (a|my) new (job|role|position)|got (the|a) job|got hired|first day at|promoted|promotion)/i, 'new job'), p(/(новая работа|новую работу|устроил(ся|ась) на|вышел на новую|повысили|первый рабочий день)/i, 'новая работа')],
  job_loss: [p(/\b(lost my job|laid off|got fired|been fired|made redundant|unemployed|out of work)/i, 'job loss'), p(/(уволили|потерял[а]? работу|сократили|без работы|остал(ся|ась) без работы)/i, 'потеря работы')],
  illness: [p(/\b(in (the )?hospital|surgery|operation|i'?m sick|been sick|diagnosed|chemo|recovering from|broke my (leg|arm)|covid|flu)\b/i, 'illness'), p(/(в больнице|болею|заболел|операци|лечусь|диагноз|больничн|сломал[а]? (ногу|руку)|температур|ковид|грипп)/i, 'болезнь')],
  birthday: [p(/\b(birthday|bday|turned \d{2}|turning \d{2})\b/i, 'birthday'), p(/(день рождения|дня рождения|днём рождения|днем рождения|юбилей|исполнилось \d+)/i, 'день рождения')],
  graduation: [p(/\b(graduat(ed|ion|ing)|finished (uni|university|college|school)|got my (degree|diploma))/i, 'graduation'), p(/(выпускн|окончил[а]? (университет|школу|институт)|получил[а]? диплом|защитил[а]? диплом)/i, 'выпуск')],
};

const ORDER_NUMBER = /(?:#|№\s?|\border\s+(?:no\.?|number|#)?\s*)([A-Z]{0,4}-?\d{4,})|\b([A-Z]{2,4}-\d{3,})\b/gi;
const QUOTED = /[«"“]([^»"”]{2,60})[»"”]/g;

export function detectLanguage(text: string, hint?: string): string {
  const base = hint?.toLowerCase().split('-')[0];
  if (base && /^[a-z]{2,3}$/.test(base) && base !== 'und') return base;
  const cyrillic = (text.match(/[а-яё]/gi) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  return cyrillic > latin ? 'ru' : 'en';
}

const NEGATIVE_WORDS = new Set(NEGATIVE);
const POSITIVE_WORDS = new Set(POSITIVE);
const CYRILLIC = /[а-яё]/;
// Russian lists hold stems, met as prefixes; English words are met whole ("lovers" is not "love").
const NEGATIVE_PREFIXES = NEGATIVE.filter((x) => x.length >= 4 && CYRILLIC.test(x));
const POSITIVE_PREFIXES = POSITIVE.filter((x) => x.length >= 4 && CYRILLIC.test(x));

function listed(words: ReadonlySet<string>, prefixes: readonly string[], word: string, s: string): boolean {
  return words.has(s) || words.has(word) || (CYRILLIC.test(word) && prefixes.some((x) => s.startsWith(x) || word.startsWith(x)));
}

/** For each word of the text: the sentence it is in, and whether that sentence asks (ends with "?"). */
function sentencesOf(text: string): { sentenceOf: number[]; asked: boolean[] } {
  const parts = text.toLowerCase().split(/([.!?…]+)/);
  const sentenceOf: number[] = [];
  const asked: boolean[] = [];
  for (let n = 0; n < parts.length; n += 2) {
    const question = (parts[n + 1] ?? '').includes('?');
    for (const _ of tokens(parts[n]!)) {
      sentenceOf.push(n / 2);
      asked.push(question);
    }
  }
  return { sentenceOf, asked };
}

/** How the post feels: word lists with negation, emoji, and the marks of anger. */
function sentimentOf(words: string[], text: string, evidence: string[]): { score: number } {
  const { sentenceOf, asked } = sentencesOf(text);
  let score = 0;
  words.forEach((word, i) => {
    const s = stem(word);
    let value = 0;
    // "Is it any good?" asks; it does not praise. Words of a question count only when negative.
    if (!asked[i] && listed(POSITIVE_WORDS, POSITIVE_PREFIXES, word, s)) value = 1;
    else if (listed(NEGATIVE_WORDS, NEGATIVE_PREFIXES, word, s)) value = -1;
    if (!value) return;
    // "not happy", "не доволен", "not bad": a negator just before, in the same sentence, flips the word.
    const from = Math.max(0, i - 3);
    const negator = words.slice(from, i).find((w, k) => NEGATORS.has(w) && sentenceOf[from + k] === sentenceOf[i]);
    if (negator) value = value > 0 ? -1.2 : 1;
    score += value;
    evidence.push(`${value > 0 ? '+' : '−'} ${negator ? `${negator} ` : ''}${word}`);
  });
  for (const ch of text.match(/\p{Extended_Pictographic}/gu) ?? []) {
    if (NEGATIVE_EMOJI.test(ch)) {
      score -= 1.5;
      evidence.push(`− ${ch}`);
    } else if (POSITIVE_EMOJI.test(ch)) {
      score += 1;
      evidence.push(`+ ${ch}`);
    }
  }
  if (/!{2,}/.test(text) && score < 0) score -= 0.5;
  return { score };
}

const WAITING = /\d+\s*(days?|weeks?|дн|недел)|still|until now|\?\?|!!|supposed to|nothing|до сих пор|так и не|уже \d|обещали|где курьер|неделю|две недели|потерял/i;
const GREETING = /^(happy (friday|monday|weekend|holidays|new year)|good (morning|night|evening)|hello everyone|доброе утро|всем (привет|хороших)|хороших выходных|с пятницей)/i;

export function classify(input: string, lang?: string): Reading {
  const text = input.slice(0, MAX_TEXT);
  const language = detectLanguage(text, lang);
  const evidence: string[] = [];
  const words = tokens(text);
  const intents: Intent[] = [];
  for (const [intent, patterns] of Object.entries(INTENTS) as [Exclude<Intent, 'other'>, Pattern[]][]) {
    const hit = patterns.map((pt) => pt.re.exec(text)).find(Boolean);
    if (hit) {
      intents.push(intent);
      if (intent !== 'question' || hit[0] !== '?') evidence.push(`${intent}: "${hit[0].trim().slice(0, 60)}"`);
    }
  }
  const lifeEvents: LifeEventKind[] = [];
  for (const [kind, patterns] of Object.entries(LIFE_EVENTS) as [LifeEventKind, Pattern[]][]) {
    const hit = patterns.map((pt) => pt.re.exec(text)).find(Boolean);
    if (hit) {
      lifeEvents.push(kind);
      evidence.push(`${kind}: "${hit[0].trim().slice(0, 60)}"`);
    }
  }
  // A pet lost is not also a person lost; a loss is not a new pet.
  if (lifeEvents.includes('pet_loss')) removeFrom(lifeEvents, 'bereavement', 'new_pet');

  const greeting = GREETING.test(text.trim());
  const { score } = greeting ? { score: 0 } : sentimentOf(words, text, evidence);
  let sentiment: Sentiment = score <= -1 ? 'negative' : score >= 1 ? 'positive' : 'neutral';
  // Waiting for an order is never neutral for the one who waits.
  if (intents.includes('order_status') && sentiment === 'neutral' && WAITING.test(text)) sentiment = 'negative';
  // Unhappy about something that is not a delivery or a refund: a complaint.
  if (sentiment === 'negative' && !intents.some((i) => i === 'complaint' || i === 'order_status' || i === 'return_refund' || i === 'purchase_intent')) {
    intents.push('complaint');
  }
  // Complaints and condolences are never "positive", whatever polite words they hold.
  if (intents.includes('complaint') && sentiment !== 'negative') sentiment = score > 1.5 && !intents.includes('return_refund') ? 'neutral' : 'negative';
  if (lifeEvents.some((e) => e === 'pet_loss' || e === 'bereavement' || e === 'job_loss' || e === 'illness') && sentiment === 'positive') sentiment = 'neutral';
  if (sentiment === 'positive' && !intents.length) intents.push('praise');
  if (intents.includes('praise') && sentiment === 'negative') removeFrom(intents, 'praise');
  if (!intents.length) intents.push('other');

  for (const m of text.matchAll(ORDER_NUMBER)) evidence.push(`order number: ${m[1] ?? m[2]}`);
  for (const m of text.matchAll(QUOTED)) evidence.push(`product: ${m[1]}`);

  let urgency = 0.1;
  if (sentiment === 'negative') urgency += 0.35;
  if (intents.includes('complaint')) urgency += 0.2;
  if (intents.includes('order_status') || intents.includes('return_refund')) urgency += 0.15;
  if (/\b(urgent|asap|immediately|right now|today)\b|срочно|немедленно|сегодня же/i.test(text)) urgency += 0.2;
  if (/!{2,}/.test(text) || (text.length > 12 && text === text.toUpperCase() && /\p{L}/u.test(text))) urgency += 0.1;
  return { language, sentiment, intents, lifeEvents, urgency: Math.min(1, Math.round(urgency * 100) / 100), evidence: [...new Set(evidence)].slice(0, 20) };
}

function removeFrom<T>(list: T[], ...values: T[]): void {
  for (const v of values) {
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1);
  }
}

/** A reading with the agent's correction applied: what the agent said wins over the rules. */
export function corrected(reading: Reading, correction?: { sentiment?: Sentiment; intents?: string[] }): Reading {
  if (!correction) return reading;
  const intents = correction.intents?.filter((i): i is Intent => INTENT_NAMES.includes(i as Intent));
  return {
    ...reading,
    sentiment: correction.sentiment ?? reading.sentiment,
    intents: intents?.length ? intents : reading.intents,
    evidence: ['corrected by the agent', ...reading.evidence],
  };
}

export const INTENT_NAMES: readonly Intent[] = ['complaint', 'question', 'order_status', 'return_refund', 'praise', 'purchase_intent', 'other'];
