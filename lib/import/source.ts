import { normaliseHeader } from './columns';

/**
 * The system an export comes from, told by its header row. A CRM id means something only in
 * its own system: Bitrix24, amoCRM and RetailCRM all number their contacts 1, 2, 3 in a column
 * named "ID", and so do spreadsheets. Ids are matched only within one source, so that a second
 * system's contact 7 never updates the first one's.
 *
 * A header row no rule knows (a spreadsheet, or a system's export with columns chosen by hand)
 * is a `sheet`: every such file shares that source, as every file shared one before sources.
 */
export type ExportSource = (typeof RULES)[number][0] | 'sheet';

/** Each system with the headers only its exports have, normalised (see normaliseHeader). */
const RULES = [
  // Both number records in "Record Id"; Zoho's carry its own opt-out and secondary fields.
  ['zoho', (h: Headers) => h.has('recordid') && h.some('emailoptout', 'secondaryemail', 'skypeid')],
  ['hubspot', (h: Headers) => h.has('recordid') && h.some('lifecyclestage', 'leadstatus', 'contactowner')],
  [
    'shopify',
    (h: Headers) =>
      (h.has('customerid') && h.some('acceptsemailmarketing', 'defaultaddresscity', 'totalspent')) ||
      (h.has('financialstatus') && h.has('lineitemname')),
  ],
  [
    'salesforce',
    (h: Headers) =>
      (h.has('id') && h.some('isdeleted', 'masterrecordid', 'accountid')) ||
      (h.has('contactid') && h.some('accountname', 'mailingcity')),
  ],
  ['zendesk', (h: Headers) => h.has('id') && h.some('externalid', 'organizationid') && h.has('locale')],
  ['freshdesk', (h: Headers) => h.has('uniqueexternalid')],
  ['intercom', (h: Headers) => h.has('userid') && h.some('websessions', 'segments', 'browserlanguage')],
  ['pipedrive', (h: Headers) => h.has('person-id')],
  ['amocrm', (h: Headers) => h.ends('контакт)')],
  ['retailcrm', (h: Headers) => h.some('внешнийid', 'плохойклиент')],
  [
    'bitrix24',
    (h: Headers) =>
      (h.has('id') && h.some('контактfacebook', 'контактtelegram', 'населенныйпункт', 'обращение')) ||
      (h.has('id') && h.has('номерзаказа') && h.has('e-mailпокупателя')),
  ],
  ['1c', (h: Headers) => h.has('наименование') && h.has('код') && h.some('инн', 'видконтрагента')],
  ['woocommerce', (h: Headers) => (h.has('orderid') && h.has('billingemail')) || h.has('aov')],
] as const;

interface Headers {
  has: (name: string) => boolean;
  some: (...names: string[]) => boolean;
  /** Whether a raw header (lower case) ends so, as amoCRM's "Имя (контакт)". */
  ends: (tail: string) => boolean;
}

export function exportSource(header: readonly string[]): ExportSource {
  const names = new Set(header.map(normaliseHeader));
  const raw = header.map((h) => h.trim().toLowerCase());
  const headers: Headers = {
    has: (name) => names.has(name),
    some: (...list) => list.some((name) => names.has(name)),
    ends: (tail) => raw.some((h) => h.endsWith(tail)),
  };
  return RULES.find(([, test]) => test(headers))?.[0] ?? 'sheet';
}

const known = new WeakMap<readonly string[], ExportSource>();

/** The source of a file's rows, told once per header row however many rows ask. */
export function sourceOf(header: readonly string[]): ExportSource {
  let source = known.get(header);
  if (!source) known.set(header, (source = exportSource(header)));
  return source;
}

/** Each system by its own name, for the customer editor and the spreadsheet export. */
export const SOURCE_NAMES: Record<Exclude<ExportSource, 'sheet'>, string> = {
  zoho: 'Zoho CRM',
  hubspot: 'HubSpot',
  shopify: 'Shopify',
  salesforce: 'Salesforce',
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  intercom: 'Intercom',
  pipedrive: 'Pipedrive',
  amocrm: 'amoCRM',
  retailcrm: 'RetailCRM',
  bitrix24: 'Bitrix24',
  '1c': '1C',
  woocommerce: 'WooCommerce',
};

/** What the spreadsheet export writes for ids from a spreadsheet. */
export const SHEET_NAME = 'Spreadsheet';

const NAMED = new Map<string, ExportSource>([
  ...Object.entries(SOURCE_NAMES).flatMap(([id, name]) => [
    [id, id as ExportSource] as const,
    [name.toLowerCase(), id as ExportSource] as const,
  ]),
  ['sheet', 'sheet'],
  [SHEET_NAME.toLowerCase(), 'sheet'],
  ['таблица', 'sheet'],
]);

/**
 * The source a "CRM source" cell names, by id or by the system's name ("Bitrix24", "bitrix24");
 * undefined for a name Concierge does not know. Concierge's own export writes this column, so
 * that a base exported and imported again keeps each id within its system.
 */
export function sourceNamed(value: string): ExportSource | undefined {
  return NAMED.get(value.trim().toLowerCase());
}

/** How the spreadsheet export writes a customer's source; '' for an id kept without one. */
export function sourceLabel(source: string | undefined): string {
  if (!source) return '';
  if (source === 'sheet') return SHEET_NAME;
  return Object.hasOwn(SOURCE_NAMES, source) ? SOURCE_NAMES[source as keyof typeof SOURCE_NAMES] : source;
}
