import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCustomerFile, readOrderFile, type ReadCustomer } from './index';
import { languageCode } from './language';

/** The fixtures keep each CRM's real header row and encoding; the people are invented (fixtures/README.md). */
const read = (name: string) =>
  readCustomerFile(new Uint8Array(readFileSync(`lib/import/fixtures/${name}`)), name);
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
    expect(byName(customers, 'Lorena Willis').phones).toEqual(['+1 555 0100 201', '+1 555 0100 299']);
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
  });

  it('Salesforce report: the totals, confidentiality and copyright lines below it are not rows', async () => {
    const { customers, problems } = await read('salesforce-report.csv');
    expect(problems).toEqual([]);
    expect(customers.map((c) => [c.name, c.phones.length, c.crmId])).toEqual([
      ['Lorena Willis', 2, '0035g00000AbCdE'],
      ['Dmitry Sokolov', 1, '0035g00000AbCdF'],
    ]);
  });

  it('Salesforce Data Export: API field names, every phone column, the postal code left alone', async () => {
    const { customers, problems } = await read('salesforce-contact.csv');
    expect(problems).toEqual([]);
    expect(byName(customers, 'Lorena Willis').phones).toEqual([
      '+1 555 0100 201',
      '+1 555 0100 298',
      '+44 555 0100 777',
    ]);
    expect(byName(customers, 'Dmitry Sokolov')).toMatchObject({
      phones: ['+7 900 000-00-02', '+7 900 000-00-03'],
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
      phones: ['+7 900 000-00-01', '+7 900 000-00-11'],
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
      phones: ['+7 495 000-00-02', '+7 900 000-00-02'],
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
      { line: 2, message: 'Nothing in the row says who this is: no name, email, phone or account.' },
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
