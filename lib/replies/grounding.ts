/**
 * What a reply may rest on, read from the post, the thread under it and the customer's profile:
 * the order and item the post is about, an order number or e-mail the customer already gave, and
 * whether the brand has already answered. A reply names only what is found here: never the latest
 * order's item for a post about something else, never a request for what was already given.
 */
import type { Customer, Order } from '../db/types';
import { brandAccounts, isBrandAuthor } from '../brand';
import { foldName, transliterate } from '../match/names';
import { problemsIn } from '../reading/cues';
import { goodsNamed } from './products';

/** A post of the thread under the post being answered, oldest first. */
export interface ThreadPost {
  author: { handle: string; displayName?: string };
  text: string;
  createdAt?: string;
}

export interface Grounding {
  /** The order the post is about: named by its number, by its item's words, or (for delivery) the latest. */
  order?: Order;
  /** The item of that order the post names, as the order spells it. */
  item?: string;
  /** How the order was found. */
  orderBy?: 'number' | 'item' | 'latest';
  /** The words of the post that named the item. */
  itemWords?: string[];
  /** An order number the customer wrote in the post or the thread. */
  givenOrderId?: string;
  /** An e-mail the customer wrote in the post or the thread. */
  givenEmail?: string;
  /** What the brand already wrote under the post, newest last. */
  brandReplies: string[];
  /** The customer says they wrote to the brand in private ("sent you a DM", "написала в личку"). */
  sentPrivate?: boolean;
  /** What the post asks the brand to do, beside how it was read: each has replies of its own. */
  asks: Ask[];
  /**
   * What alone the post complains of, when it is not the item: the delivery (a courier, a wait, a
   * box left outside: "the kettle is amazing but the delivery took forever" is no fault of the
   * kettle's), or that nobody answered ("third time asking").
   */
  complaint?: Complaint;
}

export type Complaint = 'delivery' | 'waiting';

export type Ask = 'cancel' | 'address' | 'stock' | 'variant' | 'shipping';

const SENT_PRIVATE =
  /\b(?:(?:sent|dm'?d|dm-?ed|messaged|inboxed|emailed)\b.{0,30}\b(?:you|dms?|direct message|message|inbox|photos?|pictures?|details)|(?:check|see) (?:your|the) (?:dms?|inbox))\b|(?:отправил|написал|скинул|прислал)\S*.{0,30}(?:в личк|в личн|в директ|сообщени|фото)/i;

const ASKS: Record<Ask, RegExp> = {
  // Asking to cancel, not telling of a cancellation ("you cancelled my order!" is a complaint).
  cancel:
    /\b(?:(?:can|could|how|want|need|like|please|possible)\b.{0,25}\bcancel|cancel (?:my|the|this|that|an?|our) (?:order|purchase))|(?:можно|хочу|хотел[аи]?|как|прошу|нужно|надо|помогите|получится|успею)(?![а-яё]).{0,25}отмен|(?<![а-яё])отмените/i,
  // Changing where an order goes: "can I change the delivery address?", "поменять адрес".
  address:
    /\b(?:(?:change|update|correct|fix|edit) (?:the |my |our |a )?(?:delivery |shipping |postal )?address|I (?:put|entered|gave|typed|used) (?:the |a |an )?(?:wrong|old) address|(?:deliver|ship|send) (?:it |them |my order )?to (?:a |my )?(?:different|another|new) address)\b|(?:поменять|изменить|сменить|исправить|указал[аи]? (?:не тот|неверн\S*|неправильн\S*|старый))(?![а-яё]) (?:\S+ )?адрес|на (?:другой|новый) адрес/i,
  // When something is back: "is the kettle in stock again?", "когда будет в наличии?".
  stock:
    /\b(?:(?:back |again )?in stock|out of stock|restock\w*|sold out|available again|(?:back|available) (?:soon|again))\b|(?<![а-яё])(?:в наличии|нет в наличии|появится|поступлени\S*|распродан\S*|закончил(?:ся|ась|ись))/i,
  // Where, what for and how fast a shop delivers, asked before buying: "do you ship to Canada?",
  // "сколько стоит доставка в Казань?". Only forms a late parcel's complaint does not take.
  shipping:
    /\b(?:(?:do|does|can|will|would) you (?:ship|deliver)\b|how much (?:is|does|for|will|would) (?:the )?(?:shipping|delivery|postage)|(?:shipping|delivery|postage) (?:cost|costs|fee|fees|price|charge|charges)\b|how long (?:does|will|would) (?:shipping|delivery) take|is (?:shipping|delivery) free|free (?:shipping|delivery)\?)|(?<![а-яё])(?:доставляете|доставите ли|сколько (?:стоит|будет стоить) доставка|стоимость доставки|доставка (?:платная|бесплатная)|бесплатная доставка\?|сколько (?:идёт|идет|займёт|займет|занимает) доставка|(?:есть|возможна) ли доставка|есть доставка)/i,
  // Which colours or sizes a product comes in: "do you have it in white?", "есть в белом цвете?".
  variant:
    /\b(?:(?:do you have|have you got|does it come|do they come|comes? in|available in|is there|any)\b.{0,30}?\b(?:white|black|red|blue|green|gr[ae]y|pink|beige|brown|yellow|purple|silver|cream|navy|other colou?rs?|another colou?r|(?:other |bigger |smaller |a )?sizes?)\b|(?:what|which) (?:colou?rs|sizes)\b)|(?<![а-яё])(?:есть|бывает|бывают|выпускается|продаётся|продается)(?:\s+ли)?(?:\s+\S+){0,3}?\s+(?:в|других|другого|другой)\s+(?:\S+\s+)?(?:цвет\S*|размер\S*|бел\S*|ч[её]рн\S*|красн\S*|син\S*|голуб\S*|зел[её]н\S*|сер(?:ом|ый|ая|ого)|розов\S*|бежев\S*|коричнев\S*|ж[её]лт\S*)|(?<![а-яё])(?:какие|каких)\s+(?:есть\s+)?(?:цвета|цветах|размеры|размерах)/i,
};

/** The item came broken: "arrived damaged", "пришёл разбитый". */
const ARRIVED_BROKEN =
  /\b(?:arrived|came|delivered|turned up|showed up)\b.{0,20}\b(?:damaged|broken|cracked|smashed|shattered|dented|in pieces|leaking)\b|(?<![а-яё])(?:пришл?[аои]?|приехал[аои]?|доставили|привезли)(?![а-яё])\s+(?:\S+\s+)?(?:разбит|сломан|поврежд|треснут|в трещин|с трещин|мят)/i;

/** "#1001", "order 12345", "заказ №7001"; and codes in capitals such as "HC-20418". */
const ORDER_NUMBER = /(?:#|№\s?|\b(?:order|заказ\S*)\s+(?:no\.?|number|номер|#|№)?\s*)([A-Z]{0,4}-?\d{3,})/i;
const ORDER_CODE = /\b([A-Z]{1,4}-\d{3,})\b/;
/** Links, with or without their scheme: what is in them was not written to the brand. */
const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*/gi;
/**
 * Except a link to an order's own page ("shop.example/orders/HC-20418", "?order_id=1001",
 * "/zakaz/7001"): the customer gives the order by linking it.
 */
const ORDER_LINK =
  /(?:\/(?:orders?|zakaz[a-z]*|заказ[а-я]*)\/#?|[?&](?:order|order_?id|order_?number|orderid)=)([A-Z]{0,4}-?\d{3,})(?![\w-])/i;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/** Words that name no product: what any order, parcel or post says. */
const GENERIC = new Set(
  (
    'order orders parcel package delivery item items product thing stuff one new old your with from that this ' +
    'have just still what when where which there their about would could should been were they them very ' +
    'заказ заказа заказе посылка посылку доставка доставку товар товара вещь ваша ваш ваши наш наша мой моя ' +
    'этот эта это того когда где который которая есть было были очень просто'
  ).split(' '),
);

/** A word as compared: folded (case, accents, ё), in Latin letters, cut to a stem of five. */
function stemOf(word: string): string {
  return transliterate(word).slice(0, 5);
}

function wordsOf(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter((w) => w.length >= 4 && !GENERIC.has(w) && !/^\d+$/.test(w));
}

const handleOf = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

/**
 * The item of the customer's orders that the text names, matching stems across English and
 * Russian letters ("kettle"/"kettles", "чайник"/"чайника", "kofemashina"/"Кофемашина"), and
 * kinds of goods across the two languages ("my fridge" names "Холодильник NordFrost",
 * ./products.ts). The item with the largest share of its words named wins; between equals, the
 * newer order.
 */
function itemNamed(
  text: string,
  orders: readonly Order[],
): { order: Order; item: string; words: string[] } | null {
  const goods = goodsNamed(text);
  const said = new Map<string, string>();
  for (const word of wordsOf(text)) if (!goods.joined.has(word)) said.set(stemOf(word), word);
  if (!said.size && !goods.kinds.size) return null;
  let best: { order: Order; item: string; words: string[]; share: number } | null = null;
  const newestFirst = [...orders].sort((a, b) => b.date.localeCompare(a.date));
  for (const order of newestFirst) {
    for (const { name } of order.items) {
      const itemGoods = goodsNamed(name);
      const itemWords = wordsOf(name);
      const named = itemWords
        .filter((w) => !itemGoods.joined.has(w))
        .map((w) => said.get(stemOf(w)))
        .filter((w): w is string => !!w);
      // The kinds the item is, told in the post in either language: a word of the item each.
      for (const [kind, word] of itemGoods.kinds) {
        const inPost = goods.kinds.get(kind);
        if (inPost && !named.includes(inPost) && !said.has(stemOf(word))) named.push(inPost);
      }
      if (!named.length) continue;
      const share = named.length / Math.max(itemWords.length, named.length);
      if (!best || share > best.share) best = { order, item: name, words: [...new Set(named)], share };
    }
  }
  return best && { order: best.order, item: best.item, words: best.words };
}

export function groundIn(input: {
  post: { author: { handle: string }; text: string };
  thread: readonly ThreadPost[];
  customer: Pick<Customer, 'orders'> | null;
  brandHandles: readonly string[];
  /** The post asks where an order is: its latest order may answer, item or not (so may a new address). */
  aboutDelivery: boolean;
}): Grounding {
  const { post, thread, customer, brandHandles, aboutDelivery } = input;
  const brand = brandAccounts(brandHandles);
  const author = handleOf(post.author.handle);
  const fromCustomer = [
    post.text,
    ...thread.filter((p) => handleOf(p.author.handle) === author).map((p) => p.text),
  ];
  const brandReplies = thread.filter((p) => isBrandAuthor(p.author, brand)).map((p) => p.text);

  const unlinked = post.text.replace(LINK, ' ');
  const grounding: Grounding = {
    brandReplies,
    asks: (Object.keys(ASKS) as Ask[]).filter((ask) => ASKS[ask].test(unlinked)),
  };
  // A post that also asks for something ("wrong address, can I change it?") is answered for that;
  // an item that arrived broken is the item's matter (a replacement), whoever broke it.
  const problems = problemsIn(unlinked).map((problem) => problem.kind);
  if (!grounding.asks.length) {
    if (problems.includes('delivery') && !problems.includes('defect') && !ARRIVED_BROKEN.test(unlinked))
      grounding.complaint = 'delivery';
    else if (problems.length === 1 && problems[0] === 'no_response') grounding.complaint = 'waiting';
  }
  for (const written of fromCustomer) {
    const text = written.replace(LINK, ' ');
    if (SENT_PRIVATE.test(text)) grounding.sentPrivate = true;
    const linked = written
      .match(LINK)
      ?.map((link) => ORDER_LINK.exec(link)?.[1])
      .find(Boolean);
    grounding.givenOrderId ??= (
      ORDER_NUMBER.exec(text)?.[1] ??
      ORDER_CODE.exec(text)?.[1] ??
      linked
    )?.toUpperCase();
    grounding.givenEmail ??= EMAIL.exec(text)?.[0].toLowerCase();
  }
  const orders = customer?.orders ?? [];
  const cited = grounding.givenOrderId
    ? orders.find((o) => o.id.replace(/^#/, '').toUpperCase() === grounding.givenOrderId!.replace(/^#/, ''))
    : undefined;
  // The item is named in the post itself; the thread names the order, not the subject.
  const named = itemNamed(post.text, cited ? [cited] : orders);
  if (named) {
    grounding.order = named.order;
    grounding.item = named.item;
    grounding.itemWords = named.words;
    grounding.orderBy = cited ? 'number' : 'item';
  } else if (cited) {
    grounding.order = cited;
    grounding.orderBy = 'number';
  } else if ((aboutDelivery || grounding.asks.includes('address')) && orders.length) {
    grounding.order = [...orders].sort((a, b) => b.date.localeCompare(a.date))[0];
    grounding.orderBy = 'latest';
  }
  return grounding;
}

/**
 * The name to greet with in a reply's alphabet: the first word of the name, without emoji or
 * symbols; a Cyrillic name in Latin letters for a reply in English; none for a Russian reply to a
 * Latin name (a greeting without a name reads better than a mangled one).
 */
export function greetingName(name: string, language: string): string | undefined {
  const first = name
    .replace(/[^\p{L}\p{M}\s'’-]/gu, ' ')
    .trim()
    .split(/\s+/)[0];
  if (!first || first.length < 2) return undefined;
  const cyrillic = /[\u0400-\u04ff]/.test(first);
  if (language === 'ru') return cyrillic ? first : undefined;
  if (!cyrillic) return first;
  const latin = transliterate(first.toLowerCase());
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}
