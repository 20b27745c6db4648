import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileText } from './sheet';
import { exportSource } from './source';
import { readTable } from './table';

/** The header row of a fixture: each keeps its system's real header row (fixtures/README.md). */
async function headerOf(name: string): Promise<string[]> {
  const read = await fileText(new Uint8Array(readFileSync(`lib/import/fixtures/${name}`)), name);
  if (!read.ok) throw new Error(name);
  const table = readTable(read.text);
  if (!table.ok) throw new Error(name);
  return table.header;
}

describe('the system an export comes from', () => {
  it.each([
    ['hubspot-contacts.csv', 'hubspot'],
    ['zoho-contacts.csv', 'zoho'],
    ['shopify-customers.csv', 'shopify'],
    ['shopify-orders.csv', 'shopify'],
    ['salesforce-contact.csv', 'salesforce'],
    ['salesforce-report.csv', 'salesforce'],
    ['zendesk-users.tsv', 'zendesk'],
    ['freshdesk-contacts.csv', 'freshdesk'],
    ['intercom-users.csv', 'intercom'],
    ['pipedrive-people.csv', 'pipedrive'],
    ['amocrm-contacts.csv', 'amocrm'],
    ['retailcrm-customers.csv', 'retailcrm'],
    ['bitrix24-contacts.csv', 'bitrix24'],
    ['bitrix24-orders.csv', 'bitrix24'],
    ['1c-counterparties.csv', '1c'],
    ['woocommerce-customers.csv', 'woocommerce'],
    ['woocommerce-orders.csv', 'woocommerce'],
  ])('%s is told by its header row: %s', async (name, source) => {
    expect(exportSource(await headerOf(name))).toBe(source);
  });

  it('is a sheet for any other header row, however its id column is named', () => {
    expect(exportSource(['ID', 'Name', 'Email'])).toBe('sheet');
    expect(exportSource(['Customer ID', 'First Name', 'Phone'])).toBe('sheet');
    expect(exportSource(['Record ID', 'Name'])).toBe('sheet');
    expect(exportSource([])).toBe('sheet');
  });
});
