import { expect, test, type Page } from '@playwright/test';
import { extensionPage, type Harness } from './support/extension';
import { extensionSuite } from './support/session';

// The specs confirm "delete everything" themselves: dialogs are accepted here.
const suite = extensionSuite(undefined, { sample: false, acceptDialogs: true });
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

async function optionsPage(): Promise<Page> {
  const page = await extensionPage(h, 'options.html');
  await page.getByTestId('wipe').waitFor();
  await page.getByTestId('wipe').click();
  await expect(page.getByTestId('customer-count')).toContainText('No customers');
  return page;
}

const file = (name: string, content: string | Buffer) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
});

test('a CRM export: mapping guessed and corrected, orders joined, bad cells reported by column; a second import updates', async () => {
  const page = await optionsPage();
  const customers = [
    'Record ID,First Name,Last Name,Email,Phone Number,Twitter Username,Lead Status',
    'h-1,Ada,Lane,ada@example.com,+1 555 0100,ada_lane,vip',
    'h-2,Bob,Stone,not-an-email,,,',
    'h-3,Cyd,Moss,cyd@example.com,,,gold',
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles(file('hubspot.csv', customers));
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.locator('select[data-column="1"]')).toHaveValue('firstName');
  await expect(mapping.locator('select[data-column="6"]')).toHaveValue('');
  await expect(mapping).toContainText('ada@example.com');
  // "Lead Status" holds the tier here: the agent says so.
  await mapping.locator('select[data-column="6"]').selectOption('tier');

  const orders =
    'Email,Order Number,Date,Items,Total,Currency\nada@example.com,A-100,2026-11-02,Stone kettle x2,98,usd\nghost@example.com,A-101,2026-11-02,Mug,9,usd\n';
  await page.getByTestId('import-orders-file').setInputFiles(file('orders.csv', orders));
  await expect(page.getByTestId('import-orders-mapping').locator('select[data-column="0"]')).toHaveValue(
    'customer',
  );

  await page.getByTestId('import-start').click();
  const report = page.getByTestId('import-report');
  // Bob's e-mail is unreadable: that cell is left out and reported, Bob is imported.
  await expect(report).toContainText('Imported: 3 added, 0 updated, 1 orders, 1 rows skipped.');
  await expect(page.getByTestId('import-flagged')).toContainText(
    'Email: 1 cells, for example Line 3: "not-an-email" is not an email address.',
  );
  await expect(page.getByTestId('import-skipped')).toContainText(
    'Line 3: Orders file: No customer has the email or id "ghost@example.com".',
  );
  await expect(page.getByTestId('customer-count')).toContainText('3');
  await expect(page.getByTestId('customer-table')).toContainText('Ada Lane');

  // Every row is known by its CRM id: the same file again updates them all.
  await page.getByTestId('import-start').click();
  await expect(report).toContainText('0 added, 3 updated');
  await expect(page.getByTestId('customer-count')).toContainText('3');
  await page.close();
});

test('a Russian export in Windows-1251 with semicolons reads right', async () => {
  const page = await optionsPage();
  const text = 'Имя;Фамилия;E-mail;Телефон\r\nАлиса;Андреева;alisa@example.com;+7 900 000-00-00\r\n';
  const cp1251 = Buffer.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 128) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no Windows-1251 byte for ${ch}`);
    }),
  );
  await page.getByTestId('import-file').setInputFiles(file('bitrix.csv', cp1251));
  await expect(page.getByText('Encoding: windows-1251')).toBeVisible();
  await expect(page.getByTestId('import-mapping')).toContainText('Андреева');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('1 added');
  await expect(page.getByTestId('customer-table')).toContainText('Алиса Андреева');
  await page.close();
});

test('a binary file and a broken file are refused with a reason; nothing is imported', async () => {
  const page = await optionsPage();
  await page.getByTestId('import-file').setInputFiles({
    name: 'photo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]),
  });
  await expect(page.getByTestId('import-report')).toContainText('not a text file');
  await page
    .getByTestId('import-file')
    .setInputFiles(file('broken.csv', 'name,email\nAda,ada@example.com\nBob,"bob@example.com\n'));
  await expect(page.getByTestId('import-report')).toContainText('Line 3: A quoted field is not closed');
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await expect(page.getByTestId('customer-count')).toContainText('No customers');
  await page.close();
});

test('a large import shows progress, can be stopped, and then leaves nothing behind', async () => {
  const page = await optionsPage();
  const rows = ['name,email,phone'];
  for (let i = 0; i < 120_000; i++)
    rows.push(`Person ${i},person${i}@example.com,+1 555 ${String(i).padStart(7, '0')}`);
  await page.getByTestId('import-file').setInputFiles(file('big.csv', rows.join('\n')));
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('rows read');
  await page.getByTestId('import-stop').click();
  await expect(page.getByTestId('import-report')).toContainText(
    'The import was stopped. Nothing was changed.',
  );
  await expect(page.getByTestId('customer-count')).toContainText('No customers');

  // The page is closed half-way through: the transaction dies with the worker.
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('rows read');
  await page.close();
  const again = await extensionPage(h, 'options.html');
  await expect(again.getByTestId('customer-count')).toContainText('No customers');
  await again.close();
});
