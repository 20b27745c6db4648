import { SITE_IDS } from '../sites/lookup';
import { SITES, type Site } from '../sites/registry';

/**
 * What the columns of a CRM export mean. Exports from HubSpot, Salesforce, Zendesk, Shopify,
 * Bitrix24 and amoCRM name the same things differently, in English or Russian; each field lists
 * the header names it is known by (compared without case, spaces or punctuation). The guess is
 * shown to the user, who can correct it before anything is imported.
 */

const BASE_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'crmId',
  'tier',
  'tags',
  'language',
  'notes',
  'city',
] as const;
/** A customer's own fields, and an account column for each site (lib/sites/registry.ts). */
export type CustomerField = (typeof BASE_FIELDS)[number] | Site;
export const CUSTOMER_FIELDS: readonly CustomerField[] = [
  ...BASE_FIELDS.slice(0, 5),
  ...SITE_IDS,
  ...BASE_FIELDS.slice(5),
];

export const ORDER_FIELDS = ['customer', 'orderId', 'date', 'items', 'total', 'currency', 'status'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** One entry per column of the file: the field it fills, or null to leave it out. */
export type Mapping<F extends string> = (F | null)[];

const CUSTOMER_NAMES: Record<CustomerField, readonly string[]> = {
  ...(Object.fromEntries(SITES.map((s) => [s.id, s.importHeaders])) as Record<Site, readonly string[]>),
  name: [
    'name',
    'fullname',
    'contactname',
    'customername',
    'customer',
    'displayname',
    'имя и фамилия',
    'фио',
    'полное имя',
    'клиент',
    'контакт',
    'название',
  ],
  firstName: ['firstname', 'first', 'givenname', 'имя'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'фамилия'],
  email: [
    'email',
    'emailaddress',
    'e-mail',
    'mail',
    'workemail',
    'personalemail',
    'почта',
    'электронная почта',
    'email раб',
    'e-mail рабочий',
    'e-mail личный',
    'адрес электронной почты',
  ],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobilephonenumber',
    'telephone',
    'tel',
    'телефон',
    'мобильный',
    'телефон мобильный',
    'телефон раб',
    'телефон рабочий',
    'мобильный телефон',
  ],
  crmId: [
    'id',
    'customerid',
    'contactid',
    'recordid',
    'externalid',
    'crmid',
    'userid',
    'ид',
    'id клиента',
    'id контакта',
  ],
  tier: ['tier', 'segment', 'level', 'loyaltytier', 'сегмент', 'уровень'],
  tags: ['tags', 'tag', 'labels', 'теги', 'метки'],
  language: ['language', 'lang', 'locale', 'preferredlanguage', 'язык'],
  notes: ['notes', 'note', 'comment', 'comments', 'description', 'примечание', 'комментарий', 'заметки'],
  city: ['city', 'town', 'defaultaddresscity', 'mailingcity', 'город'],
};

const ORDER_NAMES: Record<OrderField, string[]> = {
  customer: [
    'customer',
    'customerid',
    'customeremail',
    'email',
    'contactid',
    'клиент',
    'email клиента',
    'id клиента',
    'почта',
  ],
  orderId: ['orderid', 'order', 'ordernumber', 'name', 'number', 'id', 'номер заказа', 'заказ', 'номер'],
  date: ['date', 'orderdate', 'createdat', 'created', 'дата', 'дата заказа', 'создан'],
  items: ['items', 'products', 'product', 'lineitems', 'lineitemname', 'товары', 'товар', 'состав'],
  total: ['total', 'amount', 'sum', 'ordertotal', 'сумма', 'итого'],
  currency: ['currency', 'валюта'],
  status: ['status', 'orderstatus', 'fulfillmentstatus', 'financialstatus', 'статус'],
};

/** Header text in one form: lower case, ё as е, without spaces, dots, underscores or colons. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s._:()]+/g, '');
}

function table<F extends string>(names: Record<F, readonly string[]>): Map<string, F> {
  const byName = new Map<string, F>();
  for (const [field, list] of Object.entries(names) as [F, string[]][]) {
    for (const name of list) byName.set(normaliseHeader(name), field);
  }
  return byName;
}

const CUSTOMER_TABLE = table(CUSTOMER_NAMES);
const ORDER_TABLE = table(ORDER_NAMES);

function guess<F extends string>(
  header: readonly string[],
  byName: Map<string, F>,
  fallback: (h: string) => F | null,
): Mapping<F> {
  const used = new Set<F>();
  return header.map((raw) => {
    const h = normaliseHeader(raw);
    const field = byName.get(h) ?? fallback(h);
    // A field is filled from one column: the first that names it.
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** The customer field each header most likely names; null where none fits. */
export function guessCustomerMapping(header: readonly string[]): Mapping<CustomerField> {
  return guess(header, CUSTOMER_TABLE, (h) => {
    if (/e-?mail|почт/.test(h)) return 'email';
    if (/phone|mobile|телефон/.test(h)) return 'phone';
    return (SITES.find((s) => s.importPattern.test(h))?.id as Site | undefined) ?? null;
  });
}

export function guessOrderMapping(header: readonly string[]): Mapping<OrderField> {
  return guess(header, ORDER_TABLE, (h) => {
    if (/e-?mail|почт/.test(h)) return 'customer';
    if (/total|сумм/.test(h)) return 'total';
    return null;
  });
}
