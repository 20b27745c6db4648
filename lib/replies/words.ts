/**
 * The profile's words (order statuses, ways of delivery) as a reply in either language can say
 * them, or not at all where it would quote another alphabet.
 */

/** Letters of the Cyrillic block. */
export const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Order statuses as shops and CRMs export them (Shopify, WooCommerce, Magento, Bitrix24,
 * RetailCRM and the like), in the words of each reply language. Keys are in the form `keyOf`
 * gives: lower case, "_" and "-" as spaces, "ё" as "е", without WooCommerce's "wc-".
 */
const STATUS_WORDS: Record<string, Record<string, string>> = {
  ru: {
    new: 'новый',
    open: 'открыт',
    confirmed: 'подтверждён',
    pending: 'ожидает оплаты',
    'pending payment': 'ожидает оплаты',
    'awaiting payment': 'ожидает оплаты',
    authorized: 'оплата подтверждается',
    'payment review': 'оплата проверяется',
    paid: 'оплачен',
    'partially paid': 'оплачен частично',
    processing: 'в обработке',
    'in progress': 'в обработке',
    'on hold': 'приостановлен',
    holded: 'приостановлен',
    scheduled: 'запланирован',
    unfulfilled: 'ещё не отправлен',
    'awaiting fulfillment': 'ожидает сборки',
    'awaiting shipment': 'ожидает отправки',
    packed: 'собран',
    'ready to ship': 'готов к отправке',
    partial: 'отправлен частично',
    'partially fulfilled': 'отправлен частично',
    'partially shipped': 'отправлен частично',
    fulfilled: 'отправлен',
    shipped: 'отправлен',
    dispatched: 'отправлен',
    'in transit': 'в пути',
    'out for delivery': 'передан курьеру',
    'ready for pickup': 'готов к выдаче',
    'awaiting pickup': 'ждёт в пункте выдачи',
    delivered: 'доставлен',
    complete: 'выполнен',
    completed: 'выполнен',
    closed: 'закрыт',
    cancelled: 'отменён',
    canceled: 'отменён',
    voided: 'оплата отменена',
    failed: 'оплата не прошла',
    expired: 'срок оплаты истёк',
    refunded: 'деньги возвращены',
    'partially refunded': 'деньги возвращены частично',
    returned: 'возвращён',
    restocked: 'возвращён на склад',
  },
  en: {
    holded: 'on hold',
    новый: 'new',
    принят: 'received',
    'принят, ожидается оплата': 'received, awaiting payment',
    'ожидает оплаты': 'awaiting payment',
    'ждет оплаты': 'awaiting payment',
    подтвержден: 'confirmed',
    согласование: 'being confirmed',
    оплачен: 'paid',
    'оплачен, формируется к отправке': 'paid, being prepared for dispatch',
    'в обработке': 'processing',
    комплектация: 'being packed',
    собирается: 'being packed',
    собран: 'packed',
    'ожидает отправки': 'awaiting shipment',
    'готов к отправке': 'ready to ship',
    отгружен: 'shipped',
    отправлен: 'shipped',
    'отправлен частично': 'partly shipped',
    'ещё не отправлен': 'not shipped yet',
    'еще не отправлен': 'not shipped yet',
    'передан в доставку': 'handed to the courier',
    'передан в службу доставки': 'handed to the courier',
    доставка: 'out for delivery',
    доставляется: 'out for delivery',
    'передан курьеру': 'out for delivery',
    'в пути': 'in transit',
    'готов к выдаче': 'ready for pickup',
    'ожидает получения': 'ready for pickup',
    'ждет в пункте выдачи': 'ready for pickup',
    доставлен: 'delivered',
    получен: 'delivered',
    выполнен: 'completed',
    закрыт: 'closed',
    приостановлен: 'on hold',
    отменен: 'cancelled',
    возврат: 'returned',
    возвращен: 'returned',
    'деньги возвращены': 'refunded',
  },
};

const keyOf = (status: string) =>
  status
    .trim()
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[_-]+/g, ' ')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ');

const LETTERS = /\p{L}.*\p{L}.*\p{L}/u;

/**
 * An order's status as a reply in `language` can say it: in that language's words where the
 * status is a known one, as the shop wrote it where it is already in the reply's alphabet, and
 * not at all otherwise ("its status is “Принят, ожидается оплата”", a Russian reply quoting
 * "awaiting_courier", or a one-letter code): a template that needs it then gives way.
 */
export function statusIn(status: string, language: string): string | undefined {
  const key = keyOf(status);
  // A code of an English-speaking shop is said in plain words ("wc-on-hold" → "on hold").
  const said =
    STATUS_WORDS[language]?.[key] ??
    (language === 'en' && STATUS_WORDS.ru![key] ? key : status.trim().replace(/[_\s]+/g, ' '));
  if (!LETTERS.test(said)) return undefined;
  return CYRILLIC.test(said) === (language === 'ru') ? said : undefined;
}

/** Ways of delivery as profiles write them, in the other language of the reply. */
const DELIVERY_WORDS: Record<string, Record<string, string>> = {
  ru: {
    courier: 'курьер',
    'courier delivery': 'курьер',
    'parcel locker': 'постамат',
    locker: 'постамат',
    post: 'почта',
    mail: 'почта',
    'post office': 'почта',
    pickup: 'самовывоз',
    'pick-up': 'самовывоз',
    'store pickup': 'самовывоз',
  },
  en: {
    курьер: 'courier',
    курьером: 'courier',
    'курьерская доставка': 'courier',
    постамат: 'parcel locker',
    почта: 'post',
    почтой: 'post',
    'почта россии': 'post',
  },
};

/**
 * A preference as a reply can say it: a way of delivery in the reply's language where it is a
 * known one, and nothing where an English reply would have to quote Cyrillic ("we'll deliver it
 * by самовывоз"): a template that needs it then gives way to one that does not.
 */
export function preferenceIn(key: string, value: string, language: string): string | undefined {
  const said = key === 'delivery' ? (DELIVERY_WORDS[language]?.[value.trim().toLowerCase()] ?? value) : value;
  return language !== 'ru' && CYRILLIC.test(said) ? undefined : said;
}
