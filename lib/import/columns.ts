import { SITE_IDS } from '../sites/lookup';
import { SITES, type Site } from '../sites/registry';
import { say, type Said } from './said';

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
  'crmSource',
  'tier',
  'tags',
  'language',
  'notes',
  'city',
  'aliases',
  'preferences',
  'lifeEvents',
] as const;
/** A customer's own fields, and an account column for each site (lib/sites/registry.ts). */
export type CustomerField = (typeof BASE_FIELDS)[number] | Site;
export const CUSTOMER_FIELDS: readonly CustomerField[] = [
  ...BASE_FIELDS.slice(0, 5),
  ...SITE_IDS,
  ...BASE_FIELDS.slice(5),
];

export const ORDER_FIELDS = [
  'customer',
  'orderId',
  'date',
  'items',
  'quantity',
  'total',
  'currency',
  'status',
] as const;
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
    'полное имя (контакт)',
    'клиент',
    'контакт',
    'название',
    'наименование',
    'полное наименование',
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
    'otheremail',
    'почта',
    'электронная почта',
    'email раб',
    'e-mail рабочий',
    'e-mail личный',
    'рабочий e-mail',
    'частный e-mail',
    'рабочий email',
    'личный email',
    'другой e-mail',
    'адрес электронной почты',
  ],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobilephonenumber',
    'homephone',
    'otherphone',
    'workphone',
    'defaultaddressphone',
    'telephone',
    'tel',
    'телефон',
    'мобильный',
    'телефон мобильный',
    'телефон раб',
    'телефон рабочий',
    'рабочий телефон',
    'мобильный телефон',
    'домашний телефон',
    'другой телефон',
  ],
  // A column named for the CRM id says more than a bare "id" beside it (Concierge's own export
  // has both: "id" is Concierge's, "crm id" the CRM's).
  crmId: [
    'crmid',
    'id',
    'customerid',
    'contactid',
    'recordid',
    'externalid',
    'userid',
    'uniqueexternalid',
    'ид',
    'id клиента',
    'id контакта',
    'код',
  ],
  crmSource: ['crmsource', 'crmsystem', 'источникid', 'системаcrm', 'crm-система'],
  // A lifecycle or status column names the tier through the user's tier words (tiers.ts).
  tier: [
    'tier',
    'segment',
    'level',
    'loyaltytier',
    'loyaltylevel',
    'customertier',
    'vip',
    'вип',
    'lifecyclestage',
    'customerstatus',
    'сегмент',
    'уровень',
    'уровень лояльности',
    'статус клиента',
    'стадия жизненного цикла',
  ],
  tags: ['tags', 'tag', 'labels', 'теги', 'метки', 'теги (контакт)'],
  // Intercom's "Language Override" is mostly empty: the browser's language is the one to read.
  language: ['language', 'lang', 'locale', 'preferredlanguage', 'browserlanguage', 'язык'],
  notes: ['notes', 'note', 'comment', 'comments', 'description', 'примечание', 'комментарий', 'заметки'],
  city: ['city', 'town', 'defaultaddresscity', 'mailingcity', 'город', 'населенный пункт'],
  // Concierge's own export writes these three (lib/export/spreadsheet.ts); CRMs have no such columns.
  aliases: ['aliases', 'alias', 'aka', 'also known as', 'другие имена', 'псевдонимы'],
  preferences: ['preferences', 'предпочтения'],
  lifeEvents: ['life events', 'события в жизни', 'события жизни'],
};

const ORDER_NAMES: Record<OrderField, string[]> = {
  customer: [
    'billingemail',
    'customer',
    'customerid',
    'customeremail',
    'email',
    'contactid',
    'клиент',
    'email клиента',
    'e-mail покупателя',
    'email покупателя',
    'id клиента',
    'почта',
  ],
  orderId: ['orderid', 'order', 'ordernumber', 'name', 'number', 'номер заказа', 'id', 'заказ', 'номер'],
  date: ['date', 'orderdate', 'createdat', 'created', 'дата', 'дата заказа', 'дата создания', 'создан'],
  items: [
    'items',
    'products',
    'product',
    'lineitems',
    'lineitemname',
    'itemname',
    'товары',
    'товар',
    'состав',
    'название товара',
  ],
  total: ['total', 'ordertotal', 'amount', 'sum', 'сумма', 'итого', 'сумма заказа'],
  currency: ['currency', 'ordercurrency', 'валюта'],
  // What an agent needs is whether it shipped: fulfilment before payment.
  status: ['status', 'orderstatus', 'fulfillmentstatus', 'статус', 'статус заказа', 'financialstatus'],
  quantity: ['quantity', 'qty', 'lineitemquantity', 'itemquantity', 'количество', 'кол-во'],
};

/** Header text in one form: lower case, ё as е, without spaces, dots, underscores or colons. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s._:()]+/g, '');
}

function table<F extends string>(
  names: Record<F, readonly string[]>,
): Map<string, { field: F; rank: number }> {
  const byName = new Map<string, { field: F; rank: number }>();
  for (const [field, list] of Object.entries(names) as [F, string[]][]) {
    list.forEach((name, rank) => byName.set(normaliseHeader(name), { field, rank }));
  }
  return byName;
}

const CUSTOMER_TABLE = table(CUSTOMER_NAMES);
const ORDER_TABLE = table(ORDER_NAMES);

/**
 * Fields a file may hold in several columns, every one of them imported: work, mobile and home
 * phones; work and private e-mails; tags; each site's accounts.
 */
export const LIST_FIELDS: ReadonlySet<string> = new Set<string>(['email', 'phone', 'tags', ...SITE_IDS]);

/** How sure a guess is: the header is a name the field is known by, or only looks like one. */
/** 'doubtful': the header looks right but the values do not (an "Email" column of postcodes). */
export type Confidence = 'exact' | 'likely' | 'doubtful';
export interface Guess<F extends string> {
  mapping: Mapping<F>;
  confidence: (Confidence | null)[];
}

/**
 * Each column's field. A header named exactly wins over one that only looks like it (Shopify's
 * "Total" over "Subtotal"); among exact names, the one listed first (its rank) wins ("Fulfillment
 * Status" over "Financial Status"). A list field takes every column that names it; any other
 * field takes one column.
 */
function guess<F extends string>(
  header: readonly string[],
  byName: Map<string, { field: F; rank: number }>,
  fallback: (h: string) => F | null,
): Guess<F> {
  const mapping: Mapping<F> = header.map(() => null);
  const confidence: (Confidence | null)[] = header.map(() => null);
  const named = header.map(
    (raw) => byName.get(normaliseHeader(raw)) ?? byName.get(normaliseHeader(unqualified(raw))),
  );
  const best = new Map<F, { column: number; rank: number }>();
  named.forEach((exact, column) => {
    if (!exact) return;
    if (LIST_FIELDS.has(exact.field)) [mapping[column], confidence[column]] = [exact.field, 'exact'];
    else if ((best.get(exact.field)?.rank ?? Infinity) > exact.rank)
      best.set(exact.field, { column, rank: exact.rank });
  });
  for (const [field, { column }] of best) [mapping[column], confidence[column]] = [field, 'exact'];
  header.forEach((raw, column) => {
    if (mapping[column] || named[column]) return;
    const field = fallback(normaliseHeader(raw));
    if (!field || (mapping.includes(field) && !LIST_FIELDS.has(field))) return;
    [mapping[column], confidence[column]] = [field, 'likely'];
  });
  return { mapping, confidence };
}

/**
 * A header without the entity it belongs to: amoCRM's brackets ("Имя (контакт)" is "Имя") and
 * Pipedrive's dashes ("Person - Phone - Mobile" is "Phone").
 */
const unqualified = (header: string) =>
  header
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/^(person|contact|organization|deal)\s+-\s+/i, '')
    .replace(/\s+-\s+(work|home|mobile|other|main)$/i, '');

/** Columns about an address or a channel rather than holding one: consent, types, postal codes. */
const NOT_A_VALUE =
  /marketing|accept|consent|assistant|optin|optout|opted|subscri|unsubscri|verified|bounce|status|type|domain|ext|zip|postal|postcode|индекс|подпис|рассылк|тип/;

/** The customer field each header most likely names; null where none fits. */
export function guessCustomerMapping(header: readonly string[]): Mapping<CustomerField> {
  return guessCustomerColumns(header).mapping;
}

export function guessOrderMapping(header: readonly string[]): Mapping<OrderField> {
  return guessOrderColumns(header).mapping;
}

/** The customer fields with how sure each guess is. */
export function guessCustomerColumns(header: readonly string[]): Guess<CustomerField> {
  return guess(header, CUSTOMER_TABLE, (h) => {
    if (NOT_A_VALUE.test(h)) return null;
    if (/e-?mail|электроннаяпочта/.test(h)) return 'email';
    if (/phone|mobile|телефон/.test(h)) return 'phone';
    return (SITES.find((s) => s.importPattern.test(h))?.id as Site | undefined) ?? null;
  });
}

export function guessOrderColumns(header: readonly string[]): Guess<OrderField> {
  return guess(header, ORDER_TABLE, (h) => {
    if (/e-?mail|электроннаяпочта/.test(h) && !NOT_A_VALUE.test(h)) return 'customer';
    if (/total|сумм/.test(h) && !/sub|tax|discount|shipping|налог|скидк|доставк/.test(h)) return 'total';
    return null;
  });
}

/** What a mapping needs before an import can start; null when it is usable. */
export function customerMappingProblem(mapping: Mapping<CustomerField>): Said | null {
  const says = (field: CustomerField | null) =>
    field !== null && ['name', 'firstName', 'lastName', 'email', 'phone', ...SITE_IDS].includes(field);
  if (!mapping.some(says)) return say('chooseName');
  return null;
}

export function orderMappingProblem(mapping: Mapping<OrderField>): Said | null {
  if (!mapping.includes('customer')) return say('chooseCustomer');
  if (!mapping.includes('orderId')) return say('chooseOrderId');
  if (!mapping.includes('date')) return say('chooseDate');
  return null;
}

/** A cell that could not be read: the rest of its row is imported without it. */
