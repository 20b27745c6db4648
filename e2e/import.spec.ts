import { expect, test, type Page } from '@playwright/test';
import writeExcelFile from 'write-excel-file/node';
import { extensionPage, type Harness } from './support/extension';
import { file, hubspotFile } from './support/exports';
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
  // The import writes from its own worker: it must not start before the wipe has committed.
  await expect(page.getByText('All customer data was deleted.')).toBeVisible();
  await expect(page.getByTestId('customer-count')).toContainText('No customers');
  return page;
}

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
  await expect(report).toContainText('Imported — added: 3, updated: 0, orders: 1, rows skipped: 1.');
  await expect(page.getByTestId('import-flagged')).toContainText(
    'Email — cells: 1, for example Line 3: "not-an-email" is not an email address.',
  );
  await expect(page.getByTestId('import-skipped')).toContainText(
    'Line 3: Orders file: No customer has the email or id "ghost@example.com".',
  );
  await expect(page.getByTestId('customer-count')).toContainText('3');
  await expect(page.getByTestId('customer-table')).toContainText('Ada Lane');

  // An imported file is not armed twice: Import waits for a file to be chosen again.
  await expect(page.getByTestId('import-start')).toBeDisabled();
  // Every row is known by its CRM id: the same file again updates them all, and its columns are
  // mapped as last time, the agent's correction included.
  await page.getByTestId('import-file').setInputFiles(file('hubspot.csv', customers));
  await expect(page.getByTestId('import-remembered')).toBeVisible();
  await expect(mapping.locator('select[data-column="6"]')).toHaveValue('tier');
  // The orders file went with the last import: it is not imported again with the new one.
  await expect(page.getByTestId('import-orders-file')).toHaveValue('');
  await expect(page.getByTestId('import-file')).toHaveValue(/hubspot\.csv$/);
  await expect(page.getByTestId('import-orders-mapping')).toHaveCount(0);
  await page.getByTestId('import-start').click();
  await expect(report).toContainText('added: 0, updated: 3, orders: 0,');
  await expect(page.getByTestId('customer-count')).toContainText('3');
  // The ids are HubSpot's (told by its header row): another system's "h-1" would be someone else.
  await page.getByTestId('customer-search').fill('ada');
  await expect(page.getByTestId('customer-table').locator('tr')).toHaveCount(1);
  await page.getByTestId('edit-customer').click();
  const crmId = page.getByTestId('customer-editor').getByLabel('CRM id, from HubSpot');
  await expect(crmId).toHaveValue('h-1');
  // Typed by hand, an id is from no system the editor knows.
  await crmId.fill('h-100');
  await expect(page.getByTestId('customer-editor').getByLabel('CRM id', { exact: true })).toHaveValue(
    'h-100',
  );
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
  await expect(page.getByText('Format: Windows-1251')).toBeVisible();
  await expect(page.getByTestId('import-mapping')).toContainText('Андреева');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('added: 1,');
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
  // Rows done of the total, in the UI language's digits, with the rate and time left.
  await expect(page.getByTestId('import-progress')).toContainText(
    /of about 120,00\d rows · [\d,]+ rows a second, about \d+ \w+ left/,
  );
  await page.getByTestId('import-stop').click();
  await expect(page.getByTestId('import-report')).toContainText(
    'The import was stopped. Nothing was changed.',
  );
  await expect(page.getByTestId('customer-count')).toContainText('No customers');

  // The page is closed half-way through: the transaction dies with the worker.
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.close();
  const again = await extensionPage(h, 'options.html');
  await expect(again.getByTestId('customer-count')).toContainText('No customers');
  await again.close();
});

test('a 200-row HubSpot export imports every row', async () => {
  const page = await optionsPage();
  await page
    .getByTestId('import-file')
    .setInputFiles(file('hubspot-crm-exports-contacts.csv', hubspotFile(200)));
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText(
    'Imported — added: 200, updated: 0, orders: 0, rows skipped: 0.',
  );
  await expect(page.getByTestId('customer-count')).toContainText('200');
  await page.close();
});

/** Salesforce's Contact object as its Data Export writes it: 60 columns, most of them empty. */
const SALESFORCE_60 = [
  'Id',
  'IsDeleted',
  'MasterRecordId',
  'AccountId',
  'LastName',
  'FirstName',
  'Salutation',
  'Name',
  'OtherStreet',
  'OtherCity',
  'OtherState',
  'OtherPostalCode',
  'OtherCountry',
  'OtherLatitude',
  'OtherLongitude',
  'OtherGeocodeAccuracy',
  'MailingStreet',
  'MailingCity',
  'MailingState',
  'MailingPostalCode',
  'MailingCountry',
  'MailingLatitude',
  'MailingLongitude',
  'MailingGeocodeAccuracy',
  'Phone',
  'Fax',
  'MobilePhone',
  'HomePhone',
  'OtherPhone',
  'AssistantPhone',
  'ReportsToId',
  'Email',
  'Title',
  'Department',
  'AssistantName',
  'LeadSource',
  'Birthdate',
  'Description',
  'OwnerId',
  'HasOptedOutOfEmail',
  'HasOptedOutOfFax',
  'DoNotCall',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastActivityDate',
  'LastCURequestDate',
  'LastCUUpdateDate',
  'LastViewedDate',
  'LastReferencedDate',
  'EmailBouncedReason',
  'EmailBouncedDate',
  'IsEmailBounced',
  'PhotoUrl',
  'Jigsaw',
  'JigsawContactId',
  'CleanStatus',
  'IndividualId',
];

function salesforceFile(count: number): string {
  const filled: Record<string, (i: number) => string> = {
    Id: (i) => `0035g00000Ab${String(i).padStart(3, '0')}`,
    IsDeleted: () => 'false',
    AccountId: () => '0015g00000XyZ01',
    LastName: (i) => `Family${i}`,
    FirstName: (i) => `Given${i}`,
    Name: (i) => `Given${i} Family${i}`,
    MailingStreet: (i) => `${i} Stone Row`,
    MailingCity: () => 'Leeds',
    MailingPostalCode: () => 'LS1 4AB',
    MailingCountry: () => 'United Kingdom',
    Phone: (i) => `+44 20 7946 0${String(i).padStart(3, '0')}`,
    MobilePhone: (i) => `+44 7700 900${String(i).padStart(3, '0')}`,
    Email: (i) => `person${i}@example.com`,
    LeadSource: () => 'Web',
    Description: () => 'Prefers e-mail, please, and mornings',
    OwnerId: () => '0055g00000Own01',
    HasOptedOutOfEmail: () => 'false',
    HasOptedOutOfFax: () => 'false',
    DoNotCall: () => 'false',
    CreatedDate: () => '2025-03-02T10:12:00.000Z',
    CreatedById: () => '0055g00000Own01',
    LastModifiedDate: () => '2026-11-30T09:00:00.000Z',
    LastModifiedById: () => '0055g00000Own01',
    SystemModstamp: () => '2026-11-30T09:00:00.000Z',
    IsEmailBounced: () => 'false',
    CleanStatus: () => 'Pending',
  };
  const rows = [SALESFORCE_60.map((h) => `"${h}"`).join(',')];
  for (let i = 0; i < count; i++) rows.push(SALESFORCE_60.map((h) => `"${filled[h]?.(i) ?? ''}"`).join(','));
  return rows.join('\n');
}

test('a 60-column export gets a mapping view a person can read, and the view is remembered', async () => {
  const page = await optionsPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.getByTestId('import-file').setInputFiles(file('Contact.csv', salesforceFile(20)));
  const mapping = page.getByTestId('import-mapping');
  // One row per column that holds something, with three of its values and the field it feeds.
  await expect(mapping.locator('caption')).toContainText('of 60 columns will be imported');
  const email = mapping.locator('tr', { has: page.locator('select[data-column="31"]') });
  await expect(email.locator('th')).toHaveText('Email');
  await expect(email.locator('.samples li')).toHaveText([
    'person0@example.com',
    'person1@example.com',
    'person2@example.com',
  ]);
  await expect(email.locator('select')).toHaveValue('email');
  await expect(email.getByTestId('mapping-basis')).toHaveText('known header');
  // Both phones feed the customer's phones; the postal code feeds nothing.
  await expect(mapping.locator('select[data-column="24"]')).toHaveValue('phone');
  await expect(mapping.locator('select[data-column="26"]')).toHaveValue('phone');
  await expect(mapping.locator('select[data-column="19"]')).toHaveValue('');
  // The empty columns are folded away, not laid out.
  const empty = mapping.locator('details.empty-columns');
  await expect(empty.locator('summary')).toHaveText(/^\d+ empty columns/);
  await expect(empty.locator('select').first()).toBeHidden();

  await mapping.screenshot({ path: test.info().outputPath('mapping-60-columns.png') });
  // Readable: no sideways scrolling, each header on one line, drop-downs wide enough to read.
  const layout = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="import-mapping"]')!;
    const lines = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    return {
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      selectWidth: table.querySelector('select[data-column="31"]')!.getBoundingClientRect().width,
      headerLines: Math.max(...[...table.querySelectorAll('tbody th')].map(lines)),
    };
  });
  expect(layout.sideways).toBeLessThanOrEqual(0);
  expect(layout.selectWidth).toBeGreaterThan(160);
  expect(layout.headerLines).toBe(1);

  // The agent maps the lead source to tags; the next export with the same columns needs no clicks.
  await mapping.locator('select[data-column="35"]').selectOption('tags');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('added: 20,');
  await page.reload();
  await page.getByTestId('import-file').setInputFiles(file('Contact (1).csv', salesforceFile(25)));
  await expect(page.getByTestId('import-remembered')).toBeVisible();
  await expect(page.getByTestId('import-mapping').locator('select[data-column="35"]')).toHaveValue('tags');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('added: 5, updated: 20,');
  await page.close();
});

test('an Excel workbook imports from the sheet the user picks; old Excel and Numbers files say what to export', async () => {
  const page = await optionsPage();
  const contacts = hubspotFile(12)
    .split('\n')
    .map((line) => line.split(',').map((value) => (value ? { value } : null)));
  const notes = [[{ value: 'Exported by' }], [{ value: 'Sam Agent' }]];
  const workbook = await writeExcelFile([
    { data: notes, sheet: 'About' },
    { data: contacts, sheet: 'Contacts' },
  ]).toBuffer();
  await page.getByTestId('import-file').setInputFiles({
    name: 'hubspot-crm-exports-contacts.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });
  await expect(page.getByText('Format: Excel (.xlsx)')).toBeVisible();
  // The first sheet holds no customers: the agent picks the other one.
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await page.getByTestId('import-sheet').selectOption('Contacts');
  await expect(page.getByTestId('import-mapping').locator('select[data-column="3"]')).toHaveValue('email');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toContainText('added: 12,');

  await page.getByTestId('import-file').setInputFiles({
    name: 'contacts.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  });
  await expect(page.getByTestId('import-report')).toContainText('old Excel workbook (.xls)');
  await expect(page.getByTestId('import-report')).toContainText('"Excel Workbook (.xlsx)" or "CSV UTF-8"');
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'contacts.numbers', mimeType: '', buffer: Buffer.from('PK') });
  await expect(page.getByTestId('import-report')).toContainText('Apple Numbers');
  await page.close();
});
