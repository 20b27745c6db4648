import { expect, test, type Page } from '@playwright/test';
import { extensionPage, type Harness } from './support/extension';
import { downloaded, openCustomer, wipeAndChoose } from './support/options';
import { extensionSuite } from './support/session';

// The specs confirm "delete everything" themselves: dialogs are accepted here.
const suite = extensionSuite(undefined, { sample: false, acceptDialogs: true });
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

async function withSample(): Promise<Page> {
  const page = await extensionPage(h, 'options.html');
  await page.getByTestId('wipe').click();
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('customer-count')).toContainText('5');
  return page;
}

test('search by name, email, handle and tag; edit every kind of field; delete', async () => {
  const page = await withSample();
  const search = page.getByTestId('customer-search');
  const rows = page.getByTestId('customer-table').locator('tr');
  for (const [query, name] of [
    ['alisa', 'Алиса Андреева'],
    ['tomas', 'Tomás Rivera'],
    ['mei.tanaka@', 'Mei Tanaka'],
    ['@dsokolov', 'Дмитрий Соколов'],
    ['kitchen', 'Lorena Willis'],
  ] as const) {
    await search.fill(query);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(name);
  }

  await search.fill('willis');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('edit-customer').click();
  const editor = page.getByTestId('customer-editor');
  await editor.locator('select[name="tier"]').selectOption('gold');
  await editor.locator('textarea[name="emails"]').fill('lorena.willis@example.com\nlorena@work.example');
  await editor.getByTestId('add-identity').click();
  const identity = editor.getByTestId('edit-identities').locator('.row').last();
  await identity.locator('select').selectOption('facebook');
  await identity.getByLabel('Numeric id').fill('100099');
  await editor.getByTestId('add-order').click();
  const order = editor.getByTestId('edit-orders').locator('.row').last();
  await order.getByLabel('Order number').fill('HC-30000');
  await order.getByLabel('Items').fill('Stone kettle x2; Mug');
  await editor.getByTestId('add-life-event').click();
  const event = editor.getByTestId('edit-life-events').locator('.row').last();
  await event.locator('select').selectOption('new_pet');
  await event.getByLabel('What happened').fill('Adopted a puppy');
  await editor.getByTestId('add-note').click();
  await editor.getByTestId('edit-notes').locator('textarea').last().fill('Prefers email now.');
  await editor.getByTestId('save-customer').click();
  await expect(editor.getByRole('status')).toHaveText('Saved.');

  // What was saved is what the side panel will read: check the stored record.
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('concierge');
    const dbh: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const store = dbh
      .transaction('customers')
      .objectStore('customers')
      .index('emails')
      .get('lorena@work.example');
    return new Promise<Record<string, unknown>>((r) => (store.onsuccess = () => r(store.result)));
  });
  expect(stored).toMatchObject({
    tier: 'gold',
    identityKeys: expect.arrayContaining(['x:lorenawillis', 'facebook:id:100099']),
    orders: expect.arrayContaining([
      expect.objectContaining({
        id: 'HC-30000',
        items: [{ name: 'Stone kettle', quantity: 2 }, { name: 'Mug' }],
      }),
    ]),
    lifeEvents: expect.arrayContaining([
      expect.objectContaining({ kind: 'new_pet', text: 'Adopted a puppy', source: 'agent' }),
    ]),
    notes: expect.arrayContaining([expect.objectContaining({ text: 'Prefers email now.' })]),
  });

  // An invalid edit is refused with a reason and not saved.
  await editor.locator('textarea[name="emails"]').fill('not an email');
  await editor.getByTestId('save-customer').click();
  await expect(editor.getByRole('alert')).toContainText('"not an email" is not an email address.');

  await editor.getByTestId('delete-customer').click();
  await expect(page.getByTestId('customer-count')).toContainText('4');
  await search.fill('willis');
  await expect(page.getByTestId('search-count')).toHaveText('No customer matches this search.');
  await page.close();
});

test('CSV exports open safely in a spreadsheet: formula-like cells are neutralised', async () => {
  const page = await withSample();
  await openCustomer(page, 'mei');
  await page.locator('input[name="name"]').fill('=HYPERLINK("https://evil.example")');
  await page.getByTestId('save-customer').click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.getByRole('button', { name: 'Back to the list' }).click();

  const csv = (await downloaded(page, page.getByTestId('export-customers-csv'))).toString('utf8');
  expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  expect(csv).toContain('Алиса Андреева');
  await page.close();
});

test("the spreadsheet export imports back: CRM ids from their column, never Concierge's own id, other names and preferences", async () => {
  const page = await withSample();
  await openCustomer(page, 'mei');
  await page.locator('input[name="crmId"]').fill('c-77');
  await page.getByTestId('save-customer').click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.getByRole('button', { name: 'Back to the list' }).click();
  const csv = await downloaded(page, page.getByTestId('export-customers-csv'));
  await wipeAndChoose(page, { name: 'customers.csv', mimeType: 'text/csv', buffer: csv });
  const mapping = page.getByTestId('import-mapping');
  // Columns: id, crm id, crm source, name…
  await expect(mapping.locator('select[data-column="0"]')).toHaveValue('');
  await expect(mapping.locator('select[data-column="1"]')).toHaveValue('crmId');
  await expect(mapping.locator('select[data-column="2"]')).toHaveValue('crmSource');
  await expect(mapping.locator('select[data-column="4"]')).toHaveValue('aliases');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('added: 5, updated: 0');
  await expect(page.getByTestId('import-flagged')).toHaveCount(0);
  await openCustomer(page, 'c-77');
  await expect(page.locator('input[name="name"]')).toHaveValue('Mei Tanaka');
  await expect(page.locator('input[name="crmId"]')).toHaveValue('c-77');
  await expect(page.getByText('CRM id, from a spreadsheet')).toBeVisible();
  await expect(page.locator('textarea[name="preferences"]')).toHaveValue('delivery: parcel locker');
  await page.getByRole('button', { name: 'Back to the list' }).click();
  // Found by the other name the sheet kept.
  await openCustomer(page, 'Dmitri');
  await expect(page.locator('input[name="name"]')).toHaveValue('Дмитрий Соколов');
  await page.close();
});

test('a backup made with one click restores exactly after a wipe', async () => {
  const page = await withSample();
  const backup = await downloaded(page, page.getByTestId('export-json'));
  await wipeAndChoose(page, { name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByTestId('import-backup')).toContainText('5 customers');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('Restored 5 customers');
  await expect(page.getByTestId('customer-count')).toContainText('5');
  const again = await downloaded(page, page.getByTestId('export-json'));
  const strip = (text: string) => JSON.parse(text, (k, v) => (k === 'exportedAt' ? undefined : v));
  expect(strip(again.toString('utf8'))).toEqual(strip(backup.toString('utf8')));
  await page.close();
});
