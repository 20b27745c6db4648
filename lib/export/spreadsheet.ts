import Papa from 'papaparse';
import type { Customer, Interaction } from '../db/types';
import { sourceLabel } from '../import/source';
import { SITES } from '../sites/registry';

/**
 * CSV for spreadsheets. Every cell that a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) is written with a leading apostrophe: customer data comes
 * from strangers and must never run in the agent's spreadsheet.
 */
function toCsv(header: string[], rows: (string | number)[][]): string {
  // The BOM makes Excel read UTF-8 (Cyrillic names) correctly.
  return `\uFEFF${Papa.unparse({ fields: header, data: rows }, { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' })}`;
}

const list = (values: readonly string[]) => values.join('; ');

/**
 * Notes, each after the time it was written: the import splits the cell where a time begins, so
 * notes holding semicolons come back whole and with their times (lib/import/csv.ts).
 */
const notesCell = (customer: Customer) =>
  list(
    customer.notes.map((n) => {
      // A note whose time does not read as one goes with the customer's own.
      const at = Date.parse(n.at) || Date.parse(customer.createdAt) || 0;
      return `${new Date(at).toISOString()} ${n.text}`;
    }),
  );

/**
 * Customers as a sheet that Concierge imports back (lib/import/columns.ts reads every column but
 * the orders, which it only counts; the JSON backup keeps those): "crm id" wins over the bare
 * "id" (Concierge's own) and "crm source" keeps each id within its system.
 */
export function customersCsv(customers: readonly Customer[]): string {
  const header = [
    'id',
    'crm id',
    'crm source',
    'name',
    'aliases',
    'emails',
    'phones',
    ...SITES.map((site) => site.exportHeader),
    'tier',
    'tags',
    'language',
    'orders',
    'last order',
    'preferences',
    'life events',
    'notes',
    'created',
    'updated',
  ];
  const rows = customers.map((c) => {
    const last = [...c.orders].sort((a, b) => b.date.localeCompare(a.date))[0];
    return [
      c.id,
      c.crmId ?? '',
      c.crmId ? sourceLabel(c.crmSource) : '',
      c.name,
      list(c.aliases),
      list(c.emails),
      list(c.phones),
      ...SITES.map((site) =>
        list(c.identities.filter((i) => i.site === site.id).map((i) => i.handle || i.id || '')),
      ),
      c.tier,
      list(c.tags),
      c.language ?? '',
      c.orders.length,
      last ? `${last.id} ${last.date}` : '',
      list(Object.entries(c.preferences).map(([k, v]) => `${k}: ${v}`)),
      list(c.lifeEvents.map((e) => `${e.date} ${e.kind}: ${e.text}`)),
      notesCell(c),
      c.createdAt,
      c.updatedAt,
    ];
  });
  return toCsv(header, rows);
}

export function interactionsCsv(interactions: readonly Interaction[]): string {
  const header = [
    'site',
    'post id',
    'url',
    'kind',
    'author',
    'handle',
    'text',
    'posted',
    'seen',
    'status',
    'replies',
  ];
  const rows = interactions.map((i) => [
    i.site,
    i.postId,
    i.url,
    i.kind,
    i.author.displayName,
    i.author.handle || i.author.id || '',
    i.text,
    i.createdAt ?? '',
    i.seenAt,
    i.status,
    i.replies.length,
  ]);
  return toCsv(header, rows);
}
