import type { CustomerDraft } from '../db/customers';
import { emailKey, identityFrom, phoneKey } from '../db/identity';
import { TIERS, type Identity, type Order, type Tier } from '../db/types';
import { EMAIL } from '../db/validate';
import { siteEntry } from '../sites/lookup';
import { SITES, type Site } from '../sites/registry';
import { cleanText, clip } from '../text';
import {
  guessCustomerMapping,
  guessOrderMapping,
  type CustomerField,
  type Mapping,
  type OrderField,
} from './columns';
import { readTable, type ImportProblem, type TableRow } from './table';

export type { ImportProblem } from './table';

export interface CsvRow {
  line: number;
  draft: CustomerDraft;
}

const PHONE = /^\+?[\d\s().-]{5,30}$/;
const TIER_WORDS: Record<string, Tier> = {
  вип: 'vip',
  золото: 'gold',
  золотой: 'gold',
  обычный: 'regular',
  новый: 'new',
  premium: 'vip',
};

/** What a mapping needs before an import can start; null when it is usable. */
export function customerMappingProblem(mapping: Mapping<CustomerField>): string | null {
  if (!mapping.includes('name') && !mapping.includes('firstName') && !mapping.includes('lastName')) {
    return 'Choose the column that holds the name (or the first and last name).';
  }
  return null;
}

export function orderMappingProblem(mapping: Mapping<OrderField>): string | null {
  if (!mapping.includes('customer'))
    return 'Choose the column that names the customer (email or customer id).';
  if (!mapping.includes('orderId')) return 'Choose the column that holds the order number.';
  if (!mapping.includes('date')) return 'Choose the column that holds the order date.';
  return null;
}

/** Reads one row as a customer; a string says why the row is skipped. */
export function customerFromRow(
  fields: readonly string[],
  mapping: Mapping<CustomerField>,
): CustomerDraft | string {
  const values: Partial<Record<CustomerField, string>> = {};
  mapping.forEach((field, i) => {
    if (field) values[field] = cleanText(fields[i] ?? '');
  });
  const cell = (field: CustomerField): string => values[field] ?? '';

  const name = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  if (!name) return 'The name is empty.';
  if (name.length > 200) return 'The name is longer than 200 characters.';

  const emails = splitList(cell('email')).map((e) => e.toLowerCase());
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) return `"${clip(badEmail, 60)}" is not an email address.`;

  const phones = splitList(cell('phone'));
  const badPhone = phones.find((p) => !PHONE.test(p));
  if (badPhone) return `"${clip(badPhone, 40)}" is not a phone number.`;

  const identities: Identity[] = [];
  for (const site of SITES) {
    const value = cell(site.id as CustomerField);
    if (!value) continue;
    const account = site.accountFrom(value);
    if (!account) return `"${clip(value, 60)}" is not an account on ${site.label}.`;
    identities.push(identityFrom(site.id as Site, account.handle, 'imported', account.id));
  }

  const tags = splitList(cell('tags'));
  const tierText = cell('tier').toLowerCase();
  const tier = (TIERS as readonly string[]).includes(tierText) ? (tierText as Tier) : TIER_WORDS[tierText];
  // A CRM's own segment names are worth keeping even when they are not one of Concierge's tiers.
  if (tierText && !tier) tags.push(cell('tier'));
  const language = cell('language').toLowerCase().split(/[-_]/)[0] ?? '';
  if (language && !/^[a-z]{2,3}$/.test(language))
    return `"${clip(cell('language'), 20)}" is not a language code such as en or ru.`;

  const crmId = cell('crmId');
  if (crmId.length > 100) return 'The customer id is longer than 100 characters.';
  const notes = cell('notes');
  const city = cell('city');
  const draft: CustomerDraft = { name, identities, emails, phones, tags };
  if (tier) draft.tier = tier;
  if (language) draft.language = language;
  if (crmId) draft.crmId = crmId;
  if (city) draft.preferences = { city: clip(city, 200) };
  if (notes) draft.notes = [{ at: new Date().toISOString(), text: clip(notes, 5000), by: 'import' }];
  return draft;
}

/** The keys a row is known by: the same key twice in one file is a mistake in the file. */
export function rowKeys(draft: CustomerDraft): string[] {
  return [
    ...(draft.crmId ? [`customer id ${draft.crmId}`] : []),
    ...(draft.emails ?? []).map((e) => `email ${emailKey(e)}`),
    ...(draft.identities ?? []).map(
      (i) => `${siteEntry(i.site).label} account ${(i.id ?? i.handle).toLowerCase()}`,
    ),
    ...(draft.phones ?? []).map((p) => `phone ${phoneKey(p)}`),
  ];
}

/** Finds rows that repeat a key of an earlier row; remembers the keys of the others. */
export class DuplicateCheck {
  private readonly seen = new Map<string, number>();

  check(line: number, draft: CustomerDraft): string | null {
    const keys = rowKeys(draft);
    for (const key of keys) {
      const first = this.seen.get(key);
      if (first !== undefined) return `The same ${key} as on line ${first}.`;
    }
    for (const key of keys) this.seen.set(key, line);
    return null;
  }
}

export interface OrderRow {
  line: number;
  /** An email (lower case) or a customer id, as the file names the customer. */
  customer: string;
  order: Order;
}

/** Reads one row of an orders file; a string says why the row is skipped. */
export function orderFromRow(
  fields: readonly string[],
  mapping: Mapping<OrderField>,
  line: number,
): OrderRow | string {
  const values: Partial<Record<OrderField, string>> = {};
  mapping.forEach((field, i) => {
    if (field) values[field] = cleanText(fields[i] ?? '');
  });
  const customer = values.customer ?? '';
  if (!customer) return 'The customer is empty.';
  const id = values.orderId ?? '';
  if (!id || id.length > 100)
    return id ? 'The order number is longer than 100 characters.' : 'The order number is empty.';
  const date = isoDate(values.date ?? '');
  if (!date) return `"${clip(values.date ?? '', 30)}" is not a date (use 2026-11-03 or 03.11.2026).`;
  const order: Order = { id, date, items: splitList(values.items ?? '').map(itemOf) };
  if (values.total) {
    const total = Number(
      values.total
        .replace(/\s/g, '')
        .replace(',', '.')
        .replace(/[^\d.-]/g, ''),
    );
    if (!Number.isFinite(total)) return `"${clip(values.total, 30)}" is not an amount.`;
    order.total = total;
  }
  if (values.currency) order.currency = clip(values.currency.toUpperCase(), 10);
  if (values.status) order.status = clip(values.status, 60);
  return { line, customer: EMAIL.test(customer) ? emailKey(customer) : customer, order };
}

function itemOf(text: string): Order['items'][number] {
  const match = /^(.*?)\s*[x×]\s*(\d{1,4})$/i.exec(text) ?? /^(\d{1,4})\s*[x×]\s*(.*)$/i.exec(text);
  if (!match) return { name: clip(text, 300) };
  const [name, quantity] = /^\d/.test(match[1]!) ? [match[2]!, match[1]!] : [match[1]!, match[2]!];
  return { name: clip(name, 300), quantity: Number(quantity) };
}

/** ISO dates, "03.11.2026" (Russian exports) and "11/03/2026" (US exports), as YYYY-MM-DD. */
function isoDate(value: string): string | null {
  let y: string | undefined, m: string | undefined, d: string | undefined;
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(value))) [, d, m, y] = match;
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value))) [, m, d, y] = match;
  if (!y || !m || !d) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

function splitList(value: string): string[] {
  return value
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export interface ParsedCustomers {
  header: string[];
  mapping: Mapping<CustomerField>;
  rows: CsvRow[];
  skipped: ImportProblem[];
}

/**
 * A whole customers file read at once, with the guessed (or given) mapping: the tests' and small
 * files' way in. Large files go through the import job, which reads them in chunks.
 */
export function parseCustomersCsv(
  text: string,
  given?: Mapping<CustomerField>,
): { ok: true; value: ParsedCustomers } | { ok: false; problems: ImportProblem[] } {
  const table = readTable(text);
  if (!table.ok) return table;
  const mapping = given ?? guessCustomerMapping(table.header);
  const problem = customerMappingProblem(mapping);
  if (problem) return { ok: false, problems: [{ line: 1, message: problem }] };
  const rows: CsvRow[] = [];
  const skipped: ImportProblem[] = [];
  const duplicates = new DuplicateCheck();
  for (const row of table.rows) {
    const result = customerRow(row, table.header.length, mapping, duplicates);
    if (typeof result === 'string') skipped.push({ line: row.line, message: result });
    else rows.push(result);
  }
  return { ok: true, value: { header: table.header, mapping, rows, skipped } };
}

/** One table row as a customer row, or why it is skipped. */
export function customerRow(
  row: TableRow,
  width: number,
  mapping: Mapping<CustomerField>,
  duplicates: DuplicateCheck,
): CsvRow | string {
  if (row.fields.length !== width) return `Expected ${width} fields, found ${row.fields.length}.`;
  const draft = customerFromRow(row.fields, mapping);
  if (typeof draft === 'string') return draft;
  return duplicates.check(row.line, draft) ?? { line: row.line, draft };
}

export function parseOrdersCsv(
  text: string,
  given?: Mapping<OrderField>,
): { ok: true; orders: OrderRow[]; skipped: ImportProblem[] } | { ok: false; problems: ImportProblem[] } {
  const table = readTable(text);
  if (!table.ok) return table;
  const mapping = given ?? guessOrderMapping(table.header);
  const problem = orderMappingProblem(mapping);
  if (problem) return { ok: false, problems: [{ line: 1, message: problem }] };
  const orders: OrderRow[] = [];
  const skipped: ImportProblem[] = [];
  for (const row of table.rows) {
    const result =
      row.fields.length !== table.header.length
        ? `Expected ${table.header.length} fields, found ${row.fields.length}.`
        : orderFromRow(row.fields, mapping, row.line);
    if (typeof result === 'string') skipped.push({ line: row.line, message: result });
    else orders.push(result);
  }
  return { ok: true, orders, skipped };
}
