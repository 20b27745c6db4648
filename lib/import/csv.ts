import type { CustomerDraft } from '../db/customers';
import { emailKey, identityFrom, phoneKey } from '../db/identity';
import {
  LIFE_EVENT_KINDS,
  type Identity,
  type LifeEvent,
  type LifeEventKind,
  type Note,
  type Order,
} from '../db/types';
import { EMAIL } from '../db/validate';
import { siteEntry } from '../sites/lookup';
import { SITES, type Site } from '../sites/registry';
import { cleanText, clip } from '../text';
import { KeyLines } from './key-lines';
import { sourceNamed, sourceOf, type ExportSource } from './source';
import { languageCode } from './language';
import { phoneE164 } from './phone';
import { DEFAULT_TIER_WORDS, tierOf, tierOfTags, type TierWords } from './tiers';
import {
  customerMappingProblem,
  guessCustomerMapping,
  guessOrderMapping,
  orderMappingProblem,
  type CustomerField,
  type Mapping,
  type OrderField,
} from './columns';
import { readTable, type ImportProblem, type TableRow } from './table';
import { isSaid, problemOf, say, type ImportCode, type Said } from './said';

export type { ImportProblem } from './table';

export interface CsvRow {
  line: number;
  draft: CustomerDraft;
  /** Cells of the row left out, each with why. */
  flags: CellProblem[];
}

/** What a phone written in any common layout looks like, its country code or not. */
export const PHONE = /^\+?[\d\s().-]{5,30}$/;

export interface CellProblem {
  column: string;
  value: string;
  /** Why, with the value: "\"x\" is not an email address." */
  said: Said;
}

/** A row read as a customer, with the cells left out and why. */
export interface CustomerRead {
  draft: CustomerDraft;
  flags: CellProblem[];
}

/**
 * Reads one row as a customer. A row is skipped (a string says why) only when nothing in it
 * identifies a person: no name, e-mail, phone or account. A cell that cannot be read is flagged
 * and left out; the rest of the row is imported. `header` names the columns in the flags.
 */
export function customerFromRow(
  fields: readonly string[],
  mapping: Mapping<CustomerField>,
  header: readonly string[] = [],
  tierWords: TierWords = DEFAULT_TIER_WORDS,
): CustomerRead | Said {
  const cells = new Map<CustomerField, { column: string; value: string }[]>();
  mapping.forEach((field, i) => {
    const value = unguarded(cleanText(fields[i] ?? ''));
    if (!field || !value) return;
    const list = cells.get(field) ?? [];
    list.push({ column: header[i] ?? `column ${i + 1}`, value });
    cells.set(field, list);
  });
  const flags: CellProblem[] = [];
  const flag = (cell: { column: string; value: string }, code: ImportCode, ...more: string[]) => {
    const value = clip(cell.value, 60);
    flags.push({ column: cell.column, value, said: say(code, value, ...more) });
  };
  const first = (field: CustomerField) => cells.get(field)?.[0];
  const text = (field: CustomerField) => first(field)?.value ?? '';
  /** Every value of a field that may fill several columns, split where a column holds a list. */
  const each = (field: CustomerField, split: (v: string) => string[] = splitList) =>
    (cells.get(field) ?? []).flatMap((cell) => split(cell.value).map((value) => ({ ...cell, value })));

  const emails: string[] = [];
  for (const cell of each('email')) {
    const email = cell.value.toLowerCase();
    if (EMAIL.test(email)) emails.push(email);
    else flag(cell, 'cellEmail');
  }
  const phones: string[] = [];
  for (const cell of each('phone')) {
    const phone = phoneE164(cell.value) ?? (PHONE.test(cell.value) ? cell.value : null);
    if (phone && !phones.includes(phone)) phones.push(phone);
    else if (!phone) flag(cell, 'cellPhone');
  }
  const identities: Identity[] = [];
  for (const site of SITES) {
    for (const cell of each(site.id as CustomerField, (v) => [v])) {
      const account = site.accountFrom(cell.value);
      if (account) identities.push(identityFrom(site.id as Site, account.handle, 'imported', account.id));
      else flag(cell, 'cellAccount', site.label);
    }
  }

  let name = text('name') || [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  if (name.length > 200) {
    flag(first('name') ?? first('firstName')!, 'cellLong200');
    name = clip(name, 200);
  }
  // A person known by an address or an account alone is still a customer: named by it until an
  // agent knows better.
  name ||=
    emails[0] ??
    (identities[0] ? siteEntry(identities[0].site).showAccount(identities[0]) : (phones[0] ?? ''));
  if (!name) return say('noOne');

  const tags = [...new Set(each('tags', splitTags).map((cell) => cell.value))];
  const tierCell = first('tier');
  // A yes/no column named for a tier (RetailCRM's "VIP": "Да") says the tier by its header.
  const yes = tierCell && yesOrNo(tierCell.value);
  let tier = tierCell && tierOf(yes === undefined ? tierCell.value : yes ? tierCell.column : '', tierWords);
  // A CRM's own segment names are worth keeping even when they are not one of Concierge's tiers.
  if (tierCell && !tier && yes === undefined) tags.push(tierCell.value);
  tier ??= tierOfTags(tags, tierWords);

  const languageCell = first('language');
  const language = languageCell ? languageCode(languageCell.value) : null;
  if (languageCell && !language) flag(languageCell, 'cellLanguage');

  const crmCell = first('crmId');
  const crmId = crmCell && crmCell.value.length <= 100 ? crmCell.value : '';
  if (crmCell && !crmId) flag(crmCell, 'cellLong100');
  const notes = text('notes');
  const city = text('city');
  const draft: CustomerDraft = { name, identities, emails, phones, tags };
  if (tier) draft.tier = tier;
  if (language) draft.language = language;
  if (crmId) {
    draft.crmId = crmId;
    draft.crmSource = crmSourceOf(first('crmSource'), header, flag);
  }
  const aliases = [...new Set(each('aliases', splitNames).map((cell) => clip(cell.value, 200)))];
  if (aliases.length) draft.aliases = aliases.slice(0, 50);
  const preferences: Record<string, string> = {};
  for (const cell of each('preferences', splitNames)) {
    const at = cell.value.indexOf(':');
    const key = cell.value.slice(0, at).trim();
    if (at > 0 && key.length <= 60) preferences[key] = clip(cell.value.slice(at + 1).trim(), 200);
    else flag(cell, 'cellPreference');
  }
  if (city) preferences.city = clip(city, 200);
  if (Object.keys(preferences).length) draft.preferences = preferences;
  const lifeEvents = each('lifeEvents', splitEvents).flatMap((cell) => {
    const event = lifeEventOf(cell.value);
    if (!event) flag(cell, 'cellLifeEvent');
    return event ? [event] : [];
  });
  if (lifeEvents.length) draft.lifeEvents = lifeEvents.slice(0, 100);
  if (notes) draft.notes = notesOf(notes);
  return { draft, flags };
}

/** The time Concierge's export writes before each note, and the space after it. */
const NOTE_AT = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z `;
const STARTS_WITH_NOTE_AT = new RegExp(`^${NOTE_AT}`);
const BEFORE_NOTE_AT = new RegExp(`;\\s*(?=${NOTE_AT})`);

/**
 * Notes: a CRM's notes cell is one note, written now. Concierge's own export writes each note
 * after its time, "2026-11-01T10:00:00.000Z Prefers calls; 2026-11-03T…": those come back one by
 * one, with their times.
 */
function notesOf(cell: string): Note[] {
  if (!STARTS_WITH_NOTE_AT.test(cell))
    return [{ at: new Date().toISOString(), text: clip(cell, 5000), by: 'import' }];
  // Each part begins with its time: the first as tested, the others where the split was made.
  return cell
    .split(BEFORE_NOTE_AT)
    .flatMap((entry) => {
      const at = entry.slice(0, entry.indexOf(' '));
      const text = entry.slice(at.length).trim();
      return text ? [{ at, text: clip(text, 5000), by: 'import' }] : [];
    })
    .slice(0, 200);
}

/** A life event as Concierge's export writes it: "2026-10-02 moved: Moved to Kazan". */
function lifeEventOf(value: string): LifeEvent | null {
  const match = /^(\S+)\s+([a-z_]+):\s*(.*)$/s.exec(value);
  const date = match && isoDate(match[1]!);
  const kind = match?.[2] as LifeEventKind;
  if (!date || !LIFE_EVENT_KINDS.includes(kind)) return null;
  return { date, kind, text: clip(match[3]!, 500), source: 'imported' };
}

/**
 * The system a row's CRM id belongs to: the one its "CRM source" cell names (Concierge's own
 * export writes one per row), else the one the header row tells. A name Concierge does not know
 * is flagged, and the header's source stands.
 */
function crmSourceOf(
  cell: { column: string; value: string } | undefined,
  header: readonly string[],
  flag: (cell: { column: string; value: string }, code: ImportCode) => void,
): ExportSource {
  const named = cell && sourceNamed(cell.value);
  if (cell && !named) flag(cell, 'cellCrmSource');
  return named || sourceOf(header);
}

/**
 * A cell without the apostrophe that spreadsheets and some exports (Shopify's) put before a
 * number to keep it text: "'+15550100" is "+15550100", "'00123" is "00123".
 */
export function unguarded(value: string): string {
  return value.startsWith("'") && /^'[+\d(]/.test(value) ? value.slice(1) : value;
}

const YES = new Set(['yes', 'y', 'true', '1', 'да', 'д']);
const NO = new Set(['no', 'n', 'false', '0', 'нет', 'н']);

/** True or false for a yes/no cell; undefined for any other value. */
function yesOrNo(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : undefined;
}

/** The keys a row is known by: the same key twice in one file is a mistake in the file. */
function rowKeys(draft: CustomerDraft): { key: string; repeated: (line: number) => Said }[] {
  return [
    ...(draft.crmId
      ? [
          {
            key: `id ${draft.crmSource}:${draft.crmId}`,
            repeated: (l: number) => say('sameCrmId', draft.crmId!, l),
          },
        ]
      : []),
    ...(draft.emails ?? []).map((e) => ({
      key: `email ${emailKey(e)}`,
      repeated: (l: number) => say('sameEmail', e, l),
    })),
    ...(draft.identities ?? []).map((i) => ({
      key: `${i.site} ${(i.id ?? i.handle).toLowerCase()}`,
      repeated: (l: number) => say('sameAccount', siteEntry(i.site).label, i.id ?? i.handle, l),
    })),
    ...(draft.phones ?? []).map((p) => ({
      key: `phone ${phoneKey(p)}`,
      repeated: (l: number) => say('samePhone', p, l),
    })),
  ];
}

/** Finds rows that repeat a key of an earlier row; remembers the keys of the others. */
export class DuplicateCheck {
  private readonly seen = new KeyLines();

  check(line: number, draft: CustomerDraft): Said | null {
    const keys = rowKeys(draft);
    for (const { key, repeated } of keys) {
      const first = this.seen.get(key);
      if (first !== undefined) return repeated(first);
    }
    for (const { key } of keys) this.seen.set(key, line);
    return null;
  }
}

export interface OrderRow {
  line: number;
  /** An email (lower case) or a customer id, as the file names the customer. */
  customer: string;
  order: Order;
}

/** Reads one row of an orders file, or says why the row is skipped. */
export function orderFromRow(
  fields: readonly string[],
  mapping: Mapping<OrderField>,
  line: number,
): OrderRow | Said {
  const values: Partial<Record<OrderField, string>> = {};
  mapping.forEach((field, i) => {
    if (field) values[field] = cleanText(fields[i] ?? '');
  });
  const customer = values.customer ?? '';
  if (!customer) return say('orderNoCustomer');
  const id = values.orderId ?? '';
  if (!id || id.length > 100) return say(id ? 'orderIdLong' : 'orderIdEmpty');
  const date = isoDate(values.date ?? '');
  if (!date) return say('orderDate', clip(values.date ?? '', 30));
  const items = itemsOf(values.items ?? '');
  // A line-item export (Shopify's) gives each item's quantity a column of its own.
  const quantity = Number(unguarded(values.quantity ?? ''));
  if (items.length === 1 && values.quantity && Number.isInteger(quantity) && quantity > 0)
    items[0]!.quantity = quantity;
  const order: Order = { id, date, items };
  if (values.total) {
    const total = Number(
      values.total
        .replace(/\s/g, '')
        .replace(',', '.')
        .replace(/[^\d.-]/g, ''),
    );
    if (!Number.isFinite(total)) return say('orderAmount', clip(values.total, 30));
    order.total = total;
  }
  if (values.currency) order.currency = clip(values.currency.toUpperCase(), 10);
  if (values.status) order.status = clip(values.status, 60);
  return { line, customer: EMAIL.test(customer) ? emailKey(customer) : customer, order };
}

/** An order's row joined by another row of it: its items added, its totals and status kept where given. */
function withItemsOf(order: OrderRow, more: OrderRow): OrderRow {
  const { total, currency, status } = order.order;
  return {
    ...order,
    order: {
      ...order.order,
      items: [...order.order.items, ...more.order.items],
      ...((total ?? more.order.total) !== undefined && { total: total ?? more.order.total }),
      ...((currency ?? more.order.currency) && { currency: currency ?? more.order.currency }),
      ...((status ?? more.order.status) && { status: status ?? more.order.status }),
    },
  };
}

/**
 * The items of an order's cell. Item names may hold commas ("Kettle, stone"), so a list is split on
 * ; or | only. WooCommerce's one-row-per-order export writes each item as "name:…|quantity:2|…",
 * items separated by ";".
 */
function itemsOf(cell: string): Order['items'] {
  if (/^name:/.test(cell.trim())) return cell.split(';').flatMap(keyedItem);
  return cell
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean)
    .map(itemOf);
}

function keyedItem(text: string): Order['items'] {
  const parts = new Map(
    text.split('|').map((part) => {
      const at = part.indexOf(':');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const name = parts.get('name');
  if (!name) return [];
  const quantity = Number(parts.get('quantity'));
  return [{ name: clip(name, 300), ...(Number.isInteger(quantity) && quantity > 0 && { quantity }) }];
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

/** Tags as CRMs write them: split on commas, semicolons or pipes, else on spaces between slugs (Zendesk's "vip kitchen_fan"). */
function splitTags(value: string): string[] {
  if (/[,;|]/.test(value))
    return value
      .split(/[,;|]/)
      .map((t) => t.trim())
      .filter(Boolean);
  const words = value.split(/\s+/).filter(Boolean);
  return words.length > 1 && words.every((w) => /^[\p{Ll}\d_:/-]+$/u.test(w)) ? words : [value];
}

/** Splits a cell holding a list on the given separators, dropping blanks. */
const splitOn =
  (separators: RegExp) =>
  (value: string): string[] =>
    value
      .split(separators)
      .map((v) => v.trim())
      .filter(Boolean);

const splitList = splitOn(/[,;|]/);
/** Lists whose entries may hold commas (names, "delivery: after 6, weekdays"): semicolons or pipes. */
const splitNames = splitOn(/[;|]/);

/**
 * Life events as Concierge's export writes them, "2026-10-02 moved: Moved to Kazan; 2026-11-20
 * new_pet: …": split only where the next one begins, so that an event's text may hold semicolons.
 */
const splitEvents = splitOn(/[;|]\s*(?=[\d./-]{8,10}\s+[a-z_]+:)/);

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
  tierWords?: TierWords,
): { ok: true; value: ParsedCustomers } | { ok: false; problems: ImportProblem[] } {
  const table = readTable(text);
  if (!table.ok) return table;
  const mapping = given ?? guessCustomerMapping(table.header);
  const problem = customerMappingProblem(mapping);
  if (problem) return { ok: false, problems: [problemOf(1, problem)] };
  const rows: CsvRow[] = [];
  const skipped: ImportProblem[] = [];
  const duplicates = new DuplicateCheck();
  for (const row of table.rows) {
    const result = customerRow(row, table.header, mapping, duplicates, tierWords);
    if (isSaid(result)) skipped.push(problemOf(row.line, result));
    else rows.push(result);
  }
  return { ok: true, value: { header: table.header, mapping, rows, skipped } };
}

/** One table row as a customer row, or why it is skipped. */
export function customerRow(
  row: TableRow,
  header: readonly string[],
  mapping: Mapping<CustomerField>,
  duplicates: DuplicateCheck,
  tierWords?: TierWords,
): CsvRow | Said {
  const width = header.length;
  if (row.fields.length !== width) return say('fields', width, row.fields.length);
  const read = customerFromRow(row.fields, mapping, header, tierWords);
  if (isSaid(read)) return read;
  return duplicates.check(row.line, read.draft) ?? { line: row.line, ...read };
}

export function parseOrdersCsv(
  text: string,
  given?: Mapping<OrderField>,
):
  | {
      ok: true;
      orders: OrderRow[];
      skipped: ImportProblem[];
      mapping: Mapping<OrderField>;
      /** The system the orders come from: their customer ids are that system's. */
      source: ExportSource;
    }
  | { ok: false; problems: ImportProblem[] } {
  const table = readTable(text);
  if (!table.ok) return table;
  const mapping = given ?? guessOrderMapping(table.header);
  const problem = orderMappingProblem(mapping);
  if (problem) return { ok: false, problems: [problemOf(1, problem)] };
  const byId = new Map<string, OrderRow>();
  const skipped: ImportProblem[] = [];
  for (const row of table.rows) {
    const result =
      row.fields.length !== table.header.length
        ? say('fields', table.header.length, row.fields.length)
        : orderFromRow(row.fields, mapping, row.line);
    if (isSaid(result)) skipped.push(problemOf(row.line, result));
    else {
      // Shops export an order as one row per line item: one order, with all its items.
      const key = `${result.customer}\n${result.order.id}`;
      const earlier = byId.get(key);
      byId.set(key, earlier ? withItemsOf(earlier, result) : result);
    }
  }
  return { ok: true, orders: [...byId.values()], skipped, mapping, source: sourceOf(table.header) };
}
