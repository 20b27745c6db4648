import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCustomerFile, readOrderFile, type ReadCustomer } from './index';
import { languageCode } from './language';
import { previewFile } from './preview';

/** The fixtures keep each CRM's real header row and encoding; the people are invented (fixtures/README.md). */
const bytesOf = (name: string) => new Uint8Array(readFileSync(`lib/import/fixtures/${name}`));
const read = (name: string) => readCustomerFile(bytesOf(name), name);
const byName = (customers: ReadCustomer[], name: string) => customers.find((c) => c.name === name)!;

describe('real CRM exports are read whole', () => {
  it('HubSpot: language names become codes, both phones are kept, a row with only an e-mail is a customer', async () => {
    const { customers, problems, mapping } = await read('hubspot-contacts.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.language, c.crmId])).toEqual([
      ['Lorena Willis', 'en', '51001'],
      ['Tomás Rivera', 'es', '51002'],
      ['Алиса Андреева', 'ru', '51003'],
      ['Mei Tanaka', 'de', '51004'],
      ['no.name@example.com', 'en', '51005'],
    ]);
    expect(byName(customers, 'Lorena Willis').phones).toEqual(['+15550100201', '+15550100299']);
    expect(byName(customers, 'Lorena Willis').identities).toEqual([{ site: 'x', handle: 'lorenawillis' }]);
    expect(mapping.filter((f) => f === 'phone')).toHaveLength(2);
  });

  it('Shopify: apostrophe guards are dropped, every phone is kept, tags split, a VIP tag gives the tier, the zip is no e-mail', async () => {
    const { customers, problems, mapping } = await read('shopify-customers.csv');
    expect(problems).toEqual([]);
    expect(customers).toHaveLength(3);
    const lorena = byName(customers, 'Lorena Willis');
    expect(lorena).toMatchObject({
      crmId: '7001000000001',
      emails: ['lorena.willis@example.com'],
      tags: ['VIP', 'kitchen'],
      tier: 'vip',
      city: 'Leeds',
    });
    expect(lorena.phones.toSorted()).toEqual(['+15550100201', '+445550100201']);
    // "Accepts Email Marketing" and "Default Address Zip" hold no address.
    expect(mapping[4]).toBeNull();
    expect(mapping[11]).toBeNull();
    // The mapping view shows the ids and phones as they will be imported, without the guard.
    const preview = await previewFile('shopify.csv', bytesOf('shopify-customers.csv'), 'customers');
    expect(preview.kind === 'customers' && [preview.samples[0]![0], preview.samples[13]![0]]).toEqual([
      '7001000000001',
      '+15550100201',
    ]);
  });

  it('Salesforce report: the totals, confidentiality and copyright lines below it are not rows', async () => {
    const { customers, problems } = await read('salesforce-report.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.phones.length, c.crmId])).toEqual([
      ['Lorena Willis', 2, '0035g00000AbCdE'],
      ['Dmitry Sokolov', 1, '0035g00000AbCdF'],
    ]);
    // Nor are they values the mapping view shows.
    const preview = await previewFile('report.csv', bytesOf('salesforce-report.csv'), 'customers');
    expect(preview.kind === 'customers' && preview.samples[0]).toEqual(['Lorena', 'Dmitry']);
  });

  it('Salesforce Data Export: API field names, every phone column, the postal code left alone', async () => {
    const { customers, problems } = await read('salesforce-contact.csv');
    expect(problems).toEqual([]);
    expect(byName(customers, 'Lorena Willis').phones).toEqual([
      '+15550100201',
      '+15550100298',
      '+445550100777',
    ]);
    expect(byName(customers, 'Dmitry Sokolov')).toMatchObject({
      phones: ['+79000000002', '+79000000003'],
      emails: ['d.sokolov@example.com'],
      city: 'Moscow',
    });
  });

  it('Zendesk (UTF-16, tabs): tags separated by spaces, locales as languages', async () => {
    const { customers, problems } = await read('zendesk-users.tsv');
    expect(problems).toEqual([]);
    expect(byName(customers, 'Lorena Willis')).toMatchObject({
      tags: ['vip', 'kitchen_fan'],
      tier: 'vip',
      language: 'en',
      crmId: '380001',
    });
    expect(byName(customers, 'Алиса Андреева').language).toBe('ru');
  });

  it('Bitrix24 (Windows-1251, semicolons): both e-mails and phones, the Facebook contact, the town; the postal code is no e-mail', async () => {
    const { customers, problems, mapping } = await read('bitrix24-contacts.csv');
    expect(problems).toEqual([]);
    expect(customers).toHaveLength(2);
    expect(byName(customers, 'Алиса Андреева')).toMatchObject({
      emails: ['alisa.work@example.com', 'alisa@example.com'],
      phones: ['+79000000001', '+79000000011'],
      identities: [{ site: 'facebook', handle: 'alisa.andreeva.9' }],
      city: 'Казань',
      crmId: '101',
    });
    expect(mapping[16]).toBeNull();
  });

  it('amoCRM: qualified headers ("Полное имя (контакт)"), mobile and work phones, both e-mails, tags and the note', async () => {
    const { customers, problems } = await read('amocrm-contacts.csv');
    expect(problems).toEqual([]);
    expect(byName(customers, 'Дмитрий Соколов')).toMatchObject({
      phones: ['+74950000002', '+79000000002'],
      emails: ['sokolov@work.example', 'd.sokolov@example.com'],
      tags: ['VIP', 'кофемашина'],
      tier: 'vip',
    });
    expect(byName(customers, 'Мария Белова').emails).toEqual(['maria.belova@example.com']);
  });
});

describe('a cell that cannot be read costs that cell, not the customer', () => {
  const file = (text: string) => readCustomerFile(new TextEncoder().encode(text));

  it('flags the cell with its line, column and value, and imports the rest of the row', async () => {
    const { customers, problems } = await file(
      'Name,Email,Phone,Twitter,Language\nAda Lane,not-an-email,call me,bad handle!,Klingonese\n',
    );
    expect(customers).toEqual([{ name: 'Ada Lane', emails: [], phones: [], identities: [], tags: [] }]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'Email'],
      [2, 'Phone'],
      [2, 'Twitter'],
      [2, 'Language'],
    ]);
    expect(problems[0]!.message).toBe('"not-an-email" is not an email address.');
  });

  it('skips a row only when nothing says who it is', async () => {
    const { customers, problems } = await file('Name,Email,Tags\n,,vip\n,bo@example.com,\n');
    expect(customers.map((c) => c.name)).toEqual(['bo@example.com']);
    expect(problems).toEqual([
      {
        line: 2,
        message: 'Nothing in the row says who this is: no name, email, phone or account.',
        code: 'noOne',
        params: [],
      },
    ]);
  });
});

describe('languages as CRMs write them', () => {
  it('reads codes with regions and names in English, Russian and the language itself', () => {
    for (const [value, code] of [
      ['en', 'en'],
      ['ru_RU', 'ru'],
      ['pt-BR', 'pt'],
      ['English', 'en'],
      ['german', 'de'],
      ['Русский', 'ru'],
      ['немецкий', 'de'],
      ['Deutsch', 'de'],
      ['Español', 'es'],
    ] as const) {
      expect(languageCode(value), value).toBe(code);
    }
    expect(languageCode('Klingonese')).toBeNull();
  });
});

describe('orders as the shop keeps them', () => {
  const orders = (text: string) => readOrderFile(new TextEncoder().encode(text));

  it('Shopify: one order per order number, every line item with its quantity, Total over Subtotal, fulfilment over payment', async () => {
    const header =
      'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price';
    const {
      orders: read,
      problems,
      mapping,
    } = await orders(
      [
        header,
        '#1001,tomas.rivera@example.com,paid,2026-11-02 10:00,fulfilled,2026-11-03 09:00,no,EUR,88.00,5.00,0.00,93.00,,0.00,Standard,2026-11-02 09:58,2,Stone kettle,39.00',
        '#1001,tomas.rivera@example.com,,,,,,,,,,,,,,2026-11-02 09:58,1,Enamel mug,10.00',
        '#1002,lorena.willis@example.com,pending,,unfulfilled,,yes,EUR,20.00,5.00,0.00,25.00,,0.00,Standard,2026-11-04 12:00,1,"Kettle, stone, 1.5 l",20.00',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(mapping[8]).toBeNull();
    expect(read).toEqual([
      {
        id: '#1001',
        customer: 'tomas.rivera@example.com',
        date: '2026-11-02',
        items: [
          { name: 'Stone kettle', quantity: 2 },
          { name: 'Enamel mug', quantity: 1 },
        ],
        total: 93,
        currency: 'EUR',
        status: 'fulfilled',
      },
      {
        id: '#1002',
        customer: 'lorena.willis@example.com',
        date: '2026-11-04',
        items: [{ name: 'Kettle, stone, 1.5 l', quantity: 1 }],
        total: 25,
        currency: 'EUR',
        status: 'unfulfilled',
      },
    ]);
  });
});

describe('more CRMs, read whole from their own header rows', () => {
  it('Freshdesk: work and mobile phones, the Twitter handle, language names, comma tags', async () => {
    const { customers, problems } = await read('freshdesk-contacts.csv');
    expect(problems).toEqual([]);
    expect(customers).toHaveLength(3);
    expect(byName(customers, 'Lorena Willis')).toMatchObject({
      phones: ['+15550100201', '+15550100299'],
      identities: [{ site: 'x', handle: 'lorenawillis' }],
      tags: ['vip', 'kitchen'],
      tier: 'vip',
      language: 'en',
      crmId: 'CRM-51001',
    });
    expect(byName(customers, 'Алиса Андреева').language).toBe('ru');
  });

  it('Intercom: user id, tags, the browser language', async () => {
    const { customers, problems } = await read('intercom-users.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.crmId, c.language, c.tier])).toEqual([
      ['Lorena Willis', 'u-51001', 'en', 'vip'],
      ['Mei Tanaka', 'u-51002', 'de', undefined],
    ]);
  });

  it('Pipedrive: "Person - " headers, every e-mail and phone, labels, the postal code left alone', async () => {
    const { customers, problems, mapping } = await read('pipedrive-people.csv');
    expect(problems).toEqual([]);
    expect(byName(customers, 'Lorena Willis')).toMatchObject({
      crmId: '101',
      emails: ['lorena@work.example', 'lorena.willis@example.com'],
      phones: ['+15550100201', '+15550100299'],
      tier: 'vip',
    });
    expect(byName(customers, 'Dmitry Sokolov').phones).toEqual(['+74950000002', '+79000000002']);
    expect(mapping.at(-1)).toBeNull();
  });

  it('Zoho CRM: "zcrm_" record ids, secondary e-mail, home and mobile phones, semicolon tags', async () => {
    const { customers, problems, mapping } = await read('zoho-contacts.csv');
    expect(problems).toEqual([]);
    expect(byName(customers, 'Lorena Willis')).toMatchObject({
      crmId: 'zcrm_4876876000000123001',
      emails: ['lorena.willis@example.com', 'lorena@work.example'],
      phones: ['+15550100201', '+15550100299'],
      identities: [{ site: 'x', handle: 'lorenawillis' }],
      tags: ['VIP', 'kitchen'],
      tier: 'vip',
      city: 'Leeds',
    });
    // "Email Opt Out" and "Mailing Zip" hold no address.
    expect(mapping[14]).toBeNull();
    expect(mapping[16]).toBeNull();
  });

  it('RetailCRM: the VIP flag gives the tier, both phones, the postal code is no e-mail', async () => {
    const { customers, problems } = await read('retailcrm-customers.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.tier, c.crmId])).toEqual([
      ['Алиса Андреева', 'vip', '5001'],
      ['Дмитрий Соколов', undefined, '5002'],
    ]);
    expect(byName(customers, 'Алиса Андреева').phones).toEqual(['+79000000001', '+78430000001']);
    // A Russian number written with the trunk 8 is kept as written.
    expect(byName(customers, 'Дмитрий Соколов').phones).toEqual(['8 (900) 000-00-02']);
  });

  it('1C: "Наименование" is the name, "Код" the id, "Адрес электронной почты" the e-mail', async () => {
    const { customers, problems } = await read('1c-counterparties.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.crmId, c.emails, c.phones])).toEqual([
      ['Андреева Алиса Петровна', '00-000101', ['alisa@example.com'], ['+79000000001']],
      ['Соколов Дмитрий', '00-000102', ['d.sokolov@example.com'], ['+79000000002']],
    ]);
  });

  it('WooCommerce customers: the e-mail, the city; the postal code and the username are no e-mail', async () => {
    const { customers, problems, mapping } = await read('woocommerce-customers.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.emails, c.city])).toEqual([
      ['Tomás Rivera', ['tomas.rivera@example.com'], 'Valencia'],
      ['Lorena Willis', ['lorena.willis@example.com'], 'Leeds'],
    ]);
    expect(mapping.filter(Boolean)).toEqual(['name', 'email', 'city']);
  });

  it("the tier words are the user's to change", async () => {
    const bytes = new Uint8Array(readFileSync('lib/import/fixtures/hubspot-contacts.csv'));
    const standard = await readCustomerFile(bytes, 'hubspot-contacts.csv');
    // HubSpot's lifecycle stage "customer" is a regular customer by default...
    expect(byName(standard.customers, 'Lorena Willis').tier).toBe('regular');
    // ...and gold for a team that says so.
    const custom = await readCustomerFile(bytes, 'hubspot-contacts.csv', { tierWords: { customer: 'gold' } });
    expect(byName(custom.customers, 'Lorena Willis').tier).toBe('gold');
  });
});

describe('order exports from the shops', () => {
  const orderFile = (name: string) => readOrderFile(bytesOf(name), name);

  it('Shopify: a two-item order is one order with both items', async () => {
    const { orders, problems } = await orderFile('shopify-orders.csv');
    expect(problems).toEqual([]);
    expect(orders.map((o) => [o.id, o.customer, o.items, o.total, o.currency, o.status, o.date])).toEqual([
      [
        '#1001',
        'tomas.rivera@example.com',
        [
          { name: 'Stone kettle', quantity: 2 },
          { name: 'Enamel mug', quantity: 1 },
        ],
        93,
        'EUR',
        'fulfilled',
        '2026-11-02',
      ],
      [
        '#1002',
        'lorena.willis@example.com',
        [{ name: 'Kettle, stone, 1.5 l', quantity: 1 }],
        25,
        'GBP',
        'unfulfilled',
        '2026-11-04',
      ],
    ]);
  });

  it('WooCommerce (one row per item): the billing e-mail names the customer, order_total the total', async () => {
    const { orders, problems, mapping } = await orderFile('woocommerce-orders.csv');
    expect(problems).toEqual([]);
    expect(mapping.indexOf('customer')).toBe(21);
    expect(orders.map((o) => [o.id, o.customer, o.items, o.total, o.currency, o.status, o.date])).toEqual([
      [
        '3101',
        'tomas.rivera@example.com',
        [
          { name: 'Stone kettle', quantity: 2 },
          { name: 'Descaler', quantity: 1 },
        ],
        82.9,
        'EUR',
        'completed',
        '2026-11-05',
      ],
      [
        '3102',
        'lorena.willis@example.com',
        [{ name: 'Enamel mug (set of 4)', quantity: 1 }],
        49,
        'EUR',
        'processing',
        '2026-11-06',
      ],
    ]);
  });

  it('WooCommerce (one row per order): the line_items cell holds every item and its quantity', async () => {
    const text = [
      'order_id,order_number,date,status,order_total,billing_email,line_items',
      '3101,3101,2026-11-05 14:20:11,completed,82.90,tomas.rivera@example.com,name:Stone kettle|product_id:71|sku:SK-15|quantity:2|total:78.00;name:Descaler|product_id:72|sku:DS-01|quantity:1|total:0.00',
    ].join('\n');
    const { orders, problems } = await readOrderFile(new TextEncoder().encode(text));
    expect(problems).toEqual([]);
    expect(orders[0]!.items).toEqual([
      { name: 'Stone kettle', quantity: 2 },
      { name: 'Descaler', quantity: 1 },
    ]);
  });

  it('Bitrix24 shop (Windows-1251): one order per number, Russian dates, roubles', async () => {
    const { orders, problems } = await orderFile('bitrix24-orders.csv');
    expect(problems).toEqual([]);
    expect(orders.map((o) => [o.id, o.customer, o.items, o.total, o.currency, o.status, o.date])).toEqual([
      [
        '7001',
        'alisa@example.com',
        [
          { name: 'Кофемашина CM-2', quantity: 1 },
          { name: 'Фильтр для воды', quantity: 2 },
        ],
        56980,
        'RUB',
        'Выполнен',
        '2026-11-03',
      ],
      [
        '7002',
        'd.sokolov@example.com',
        [{ name: 'Чайник каменный', quantity: 1 }],
        3490,
        'RUB',
        'Принят, ожидается оплата',
        '2026-11-05',
      ],
    ]);
  });
});
