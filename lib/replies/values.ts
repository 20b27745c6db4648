import type { Customer } from '../db/types';
import type { SocialPost } from '../post';
import type { Settings } from '../settings';
import { greetingName, type Grounding } from './grounding';
import { CYRILLIC, preferenceIn, statusIn } from './words';
import type { TemplateValues } from './template';

/** Every variable a template may use; `preference.<key>` takes any key of the profile. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'greeting.name',
  'customer.firstName',
  'customer.name',
  'customer.tier',
  'customer.orders',
  'order.id',
  'order.item',
  'order.date',
  'order.daysSince',
  'order.status',
  'given.orderId',
  'given.email',
  'thread.askedPrivate',
  'thread.askedOrder',
  'thread.sentPrivate',
  'thread.toldStatus',
  'thread.toldRefund',
  'asked.cancel',
  'asked.address',
  'asked.stock',
  'asked.variant',
  'asked.shipping',
  'complained.delivery',
  'complained.waiting',
  'author.name',
  'author.handle',
  'agent.name',
  'brand.name',
]);

const DAY = 86_400_000;

/** What the brand already wrote in this thread, each as the `thread.*` variable it sets. */
const BRAND_SAID: Record<string, RegExp> = {
  // Asked for a private message, or for the order number.
  askedPrivate:
    /\b(dm|direct message|private message|inbox|message us|send us a message)\b|личн\S* сообщ|в личк|директ|напишите нам/i,
  askedOrder: /order (number|no\.?|#|id)|номер\S* заказ|почт\S*,? на которую/i,
  // Said where the order is: saying it again answers nothing.
  toldStatus:
    /\b(shipped|dispatched|sent out|on (its|the) way|in transit|out for delivery|should (arrive|be with you)|will (arrive|be with you)|arriv(e|es|ing) (by|on|tomorrow|today|this))\b|отправлен|в пути|передан\S* (курьер|в доставк|в служб)|прид(ё|е)т|доставят|будет у вас/i,
  // Started the refund.
  toldRefund:
    /\brefund\b.{0,30}\b(started|issued|processed|on its way|sent|initiated|approved|made)\b|\b(started|issued|processed|initiated|approved|sent|made) (your|the|a) refund\b|возврат\S* (оформлен|одобрен|отправлен)|(вернули|отправили) (вам )?деньги|деньги (вернули|отправили|вернутся|придут)/i,
};

/** A date as people write it in the reply's language: "3 November", "3 ноября". */
function spokenDate(iso: string, language: string): string | undefined {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The item as a reply names it: as the order spells it, unless the order spells it in Cyrillic
 * and the reply is English; then in the customer's own word for it ("the fridge", not "the
 * Холодильник NordFrost").
 */
function itemIn(grounding: Grounding, language: string): string | undefined {
  const { item } = grounding;
  if (!item || language === 'ru' || !CYRILLIC.test(item)) return item;
  return grounding.itemWords?.find((word) => !CYRILLIC.test(word)) ?? item;
}

/**
 * The values a reply's template is filled from: the greeting name in the reply's alphabet, the
 * order the post is about (never another one's item), what the customer already gave in the
 * thread, and what the brand already asked there.
 */
export function templateValues(
  post: Pick<SocialPost, 'author'>,
  customer: Customer | null,
  settings: Pick<Settings, 'agentName' | 'brandName'>,
  grounding: Grounding,
  language: string,
  now = Date.now(),
): TemplateValues {
  const authorName = greetingName(post.author.displayName, language);
  const customerName = customer ? greetingName(customer.name, language) : undefined;
  const values: TemplateValues = {
    'greeting.name': customerName ?? authorName,
    'author.name': authorName,
    'author.handle': post.author.handle,
    'agent.name': settings.agentName,
    'brand.name': settings.brandName,
    'given.orderId': grounding.givenOrderId,
    'given.email': grounding.givenEmail,
  };
  for (const [name, said] of Object.entries(BRAND_SAID)) {
    if (grounding.brandReplies.some((text) => said.test(text))) values[`thread.${name}`] = 'yes';
  }
  if (grounding.sentPrivate) values['thread.sentPrivate'] = 'yes';
  for (const ask of grounding.asks) values[`asked.${ask}`] = 'yes';
  if (grounding.complaint) values[`complained.${grounding.complaint}`] = 'yes';
  if (!customer) return values;
  values['customer.firstName'] = customerName;
  values['customer.name'] = customer.name;
  values['customer.tier'] = customer.tier;
  if (customer.orders.length) values['customer.orders'] = customer.orders.length;
  const order = grounding.order;
  if (order) {
    values['order.id'] = order.id;
    values['order.item'] = itemIn(grounding, language);
    values['order.date'] = spokenDate(order.date, language);
    values['order.status'] = order.status && statusIn(order.status, language);
    const days = Math.floor((now - Date.parse(order.date)) / DAY);
    if (Number.isFinite(days) && days >= 0) values['order.daysSince'] = days;
  }
  for (const [key, value] of Object.entries(customer.preferences)) {
    values[`preference.${key}`] = preferenceIn(key, value, language);
  }
  return values;
}
