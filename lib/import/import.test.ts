import Dexie from 'dexie';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { nameCandidates } from '../background/candidates';
import { mutate } from '../db/mutations';
import { customersCsv } from '../export/spreadsheet';
import { newCustomer } from '../db/customers';
import { identityFrom } from '../db/identity';
import type { Customer } from '../db/types';
import { loadSample } from '../db/sample';
import { ConciergeDb } from '../db/schema';
import { matchAuthors } from '../match/identity';
import { TEST_LINK } from '../team/test-link';
import { importDrafts } from './apply';
import { exportBackup, parseBackup, restoreBackup } from './backup';
import { guessCustomerMapping, guessOrderMapping, type CustomerField } from './columns';
import { parseCustomersCsv } from './csv';
import { decodeBytes } from './decode';
import { IN_FLIGHT, runImport } from './job';
import { previewFile } from './preview';

const HEADER = 'name,email,phone,x,facebook,tier,tags,language,notes';

function parsed(csv: string) {
  const result = parseCustomersCsv(csv);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function fileProblems(csv: string) {
  const result = parseCustomersCsv(csv);
  if (result.ok) throw new Error('expected the file to fail');
  return result.problems;
}

describe('reading a customers CSV', () => {
  it('reads every column, quoted line breaks, a BOM and profile links', () => {
    const csv =
      `\uFEFF${HEADER}\r\nAda Lane,ADA@example.com,+1 555 0100,@ada_lane,https://www.facebook.com/profile.php?id=100042,VIP,kitchen;tea,en,"Likes calls;\nnot before 9."\n` +
      `Boris Petrov,,,https://x.com/bpetrov,boris.petrov,,,ru,\n`;
    const { rows, skipped } = parsed(csv);
    expect(skipped).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    const [ada, boris] = rows.map((r) => r.draft);
    expect(ada).toMatchObject({
      name: 'Ada Lane',
      emails: ['ada@example.com'],
      phones: ['+1 555 0100'],
      tier: 'vip',
      tags: ['kitchen', 'tea'],
      language: 'en',
    });
    expect(ada?.identities?.map((i) => [i.site, i.handle, i.id])).toEqual([
      ['x', 'ada_lane', undefined],
      ['facebook', '', '100042'],
    ]);
    // A CRM's notes cell is one note, semicolons and all.
    expect(ada?.notes?.map((n) => n.text)).toEqual(['Likes calls; not before 9.']);
    expect(boris?.identities?.map((i) => i.handle)).toEqual(['bpetrov', 'boris.petrov']);
    expect(boris?.tier).toBeUndefined();
  });

  it('reads Facebook identities from every profile link shape, without tracking', () => {
    const { rows } = parsed(
      `${HEADER}\nBo Lee,,,,https://www.facebook.com/people/Bo-Lee/100077/?ref=crm,,,,\nCy Ng,,,,https://m.facebook.com/cy.ng?__cft__=AZ,,,,\nDi Ro,,,,di.ro.5,,,,\n`,
    );
    expect(rows.map((r) => r.draft.identities?.map((i) => [i.handle, i.id]))).toEqual([
      [['', '100077']],
      [['cy.ng', undefined]],
      [['di.ro.5', undefined]],
    ]);
    // A group's link is no person's: the cell is left out, Eve is imported.
    const eve = parsed(`${HEADER}\nEve,,,,https://www.facebook.com/groups/bakers/,,,,\n`).rows[0];
    expect(eve?.draft.name).toBe('Eve');
    expect(eve?.flags[0]?.said.message).toBe(
      '"https://www.facebook.com/groups/bakers/" is not an account on Facebook.',
    );
  });

  it('recognises CRM headers in English and Russian, and joins first and last names', () => {
    expect(
      guessCustomerMapping([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Twitter Username',
        'Lifecycle Stage',
      ]),
    ).toEqual(['crmId', 'firstName', 'lastName', 'email', 'phone', 'x', 'tier']);
    expect(
      guessCustomerMapping(['ID', 'Имя', 'Фамилия', 'E-mail', 'Телефон', 'Город', 'Комментарий']),
    ).toEqual(['crmId', 'firstName', 'lastName', 'email', 'phone', 'city', 'notes']);
    expect(guessCustomerMapping(['E-mail рабочий', 'Телефон мобильный', 'Полное имя'])).toEqual([
      'email',
      'phone',
      'name',
    ]);
    expect(
      guessOrderMapping([
        'Customer Email',
        'Order Number',
        'Created at',
        'Lineitem name',
        'Total',
        'Currency',
        'Financial Status',
      ]),
    ).toEqual(['customer', 'orderId', 'date', 'items', 'total', 'currency', 'status']);
    const { rows } = parsed(
      'Имя;Фамилия;E-mail;Телефон\nАлиса;Андреева;alisa@example.com;+7 900 000-00-00\n',
    );
    expect(rows[0]?.draft).toMatchObject({
      name: 'Алиса Андреева',
      emails: ['alisa@example.com'],
      phones: ['+79000000000'],
    });
  });

  it('leaves out columns it does not know, prototype-polluting names included', () => {
    expect(guessCustomerMapping(['name', '__proto__', 'constructor'])).toEqual(['name', null, null]);
    const { rows } = parsed('name,__proto__,constructor\nAda,{"polluted":1},x\n');
    expect(rows[0]?.draft.name).toBe('Ada');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves out the cells it cannot read, and skips only rows that name nobody, break the table or repeat one', () => {
    const { rows, skipped } = parsed(
      `name,email,x,tier\nAda,a@example.com,ada,gold\nBob,not-an-email,,\n,c@example.com,,\nDan,d@example.com,bad handle!,\nEve\nAda B,A@example.com,,\nFay,f@example.com,,Бронза\n`,
    );
    expect(rows.map((r) => r.draft.name)).toEqual(['Ada', 'Bob', 'c@example.com', 'Dan', 'Fay']);
    expect(rows.at(-1)?.draft.tags).toEqual(['Бронза']);
    expect(rows.flatMap((r) => r.flags.map((f) => [r.line, f.column, f.value, f.said.message]))).toEqual([
      [3, 'email', 'not-an-email', '"not-an-email" is not an email address.'],
      [5, 'x', 'bad handle!', '"bad handle!" is not an account on X.'],
    ]);
    // Each says what it is by a code too, for the UI to say it in its own language.
    expect(skipped).toEqual([
      { line: 6, message: 'Expected 4 fields, found 1.', code: 'fields', params: ['4', '1'] },
      {
        line: 7,
        message: 'The same email a@example.com as on line 2.',
        code: 'sameEmail',
        params: ['a@example.com', '2'],
      },
    ]);
  });

  it.each([
    ['', 0, 'The file is empty.'],
    [`${HEADER}\n`, 0, 'header but no rows'],
    ['tier,tags\nvip,kitchen\n', 1, 'the column that holds the name'],
    [
      `name,email\nAda,a@example.com\nBob,"b@example.com\nCyd,c@example.com\n`,
      3,
      'quoted field is not closed',
    ],
  ])('refuses the file %j, naming line %i', (csv, line, message) => {
    const problems = fileProblems(csv);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
  });
});

describe('decoding files', () => {
  const utf16 = (text: string, bom: boolean) => {
    const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    if (bom) bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[(bom ? 2 : 0) + i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    return bytes;
  };

  it('reads UTF-8 with and without a BOM, UTF-16 and Windows-1251', () => {
    const text = 'Имя;Email\nАлиса;a@example.com\n';
    expect(decodeBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toMatchObject({
      text,
      encoding: 'utf-8',
    });
    expect(decodeBytes(utf16(text, true))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, false))).toMatchObject({ text, encoding: 'utf-16le' });
    // "Имя;Алиса" in Windows-1251.
    const cp1251 = new Uint8Array([0xc8, 0xec, 0xff, 0x3b, 0xc0, 0xeb, 0xe8, 0xf1, 0xe0]);
    expect(decodeBytes(cp1251)).toEqual({ ok: true, text: 'Имя;Алиса', encoding: 'windows-1251' });
  });

  it('refuses binary files, empty files and files too large, saying why', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
    ]);
    expect(decodeBytes(png)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a text file'),
    });
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, message: 'The file is empty.' });
    const huge = { length: 200 * 1024 * 1024 } as Uint8Array;
    expect(await previewFile('big.csv', huge, 'customers')).toMatchObject({
      kind: 'failed',
      problems: [{ line: 0, message: expect.stringContaining('The file is 200 MB') }],
    });
  });

  it('previews each column with its values and the guessed field, sure or not', async () => {
    const preview = await previewFile(
      'crm.csv',
      new TextEncoder().encode(
        'First Name,Last Name,Email,Mobile Phone Number,Fax\nAda,Lane,a@example.com,12345 AB,\nBo,Lane,b@example.com,,\nCy,Lane,b@example.com,,\nDi,Vo,d@example.com,,\n',
      ),
      'customers',
    );
    expect(preview).toEqual({
      kind: 'customers',
      format: 'utf-8',
      header: ['First Name', 'Last Name', 'Email', 'Mobile Phone Number', 'Fax'],
      samples: [
        ['Ada', 'Bo', 'Cy'],
        ['Lane', 'Vo'],
        ['a@example.com', 'b@example.com', 'd@example.com'],
        ['12345 AB'],
        [],
      ],
      mapping: ['firstName', 'lastName', 'email', 'phone', null],
      // A phone column whose value is a postcode is shown as doubtful.
      confidence: ['exact', 'exact', 'exact', 'doubtful', null],
    });
  });
});

describe('importing', () => {
  let database: ConciergeDb;
  beforeEach(() => {
    database = new ConciergeDb(`test-${crypto.randomUUID()}`);
  });

  it('updates customers on a second import instead of duplicating them', async () => {
    await loadSample(database);
    const { rows } = parsed(
      `name,email,x,tier,tags\nLorena W.,lorena.willis@example.com,,gold,returns\nNew Person,new@example.com,new_person,,\n`,
    );
    expect(
      await importDrafts(
        database,
        rows.map((r) => r.draft),
      ),
    ).toEqual({ added: 1, updated: 1 });
    expect(
      await importDrafts(
        database,
        rows.map((r) => r.draft),
      ),
    ).toEqual({ added: 0, updated: 2 });
    const lorena = await database.customers.where('emails').equals('lorena.willis@example.com').first();
    expect(lorena?.tier).toBe('gold');
    expect(lorena?.tags).toEqual(['sample', 'kitchen', 'returns']);
    expect(lorena?.orders).toHaveLength(2);
    expect(await database.customers.count()).toBe(6);
  });

  it('matches a row by phone however the number is written, and by CRM id', async () => {
    await runImport(database, {
      customers: { text: 'id,name,phone\nc-1,Ada,+1 (555) 0100-201\n', mapping: ['crmId', 'name', 'phone'] },
    });
    const second = await runImport(database, {
      customers: { text: 'name,phone\nAda Lane,15550100201\n', mapping: ['name', 'phone'] },
    });
    const third = await runImport(database, {
      customers: { text: 'id,name\nc-1,Ada K. Lane\n', mapping: ['crmId', 'name'] },
    });
    expect(second.ok && second.report).toMatchObject({ added: 0, updated: 1 });
    expect(third.ok && third.report).toMatchObject({ added: 0, updated: 1 });
    expect((await database.customers.toArray()).map((c) => c.name)).toEqual(['Ada K. Lane']);
  });

  it('matches CRM ids only within the system they come from; an id kept without one matches any', async () => {
    // Bitrix24 and amoCRM both number contacts 1, 2, 3 in a column named "ID" (their real headers).
    const file = (text: string) => ({ text, mapping: guessCustomerMapping(text.split('\n')[0]!.split(';')) });
    const bitrix = (city: string) =>
      file(
        `ID;Обращение;Имя;Фамилия;Рабочий e-mail;Контакт Facebook;Населенный пункт\n7;;Анна;Смирнова;anna@example.com;;${city}\n`,
      );
    const amo = (id: string, name: string) =>
      file(`ID;Полное имя (контакт);Рабочий email (контакт)\n${id};${name};\n`);
    await runImport(database, { customers: bitrix('Казань') });
    const other = await runImport(database, { customers: amo('7', 'Борис Орлов') });
    expect(other.ok && other.report).toMatchObject({ added: 1, updated: 0 });
    const again = await runImport(database, { customers: bitrix('Самара') });
    expect(again.ok && again.report).toMatchObject({ added: 0, updated: 1 });
    const byName = async () =>
      (await database.customers.orderBy('name').toArray()).map((c) => [
        c.name,
        c.crmSource,
        c.crmId,
        c.preferences.city,
      ]);
    expect(await byName()).toEqual([
      ['Анна Смирнова', 'bitrix24', '7', 'Самара'],
      ['Борис Орлов', 'amocrm', '7', undefined],
    ]);
    // Her row in a spreadsheet (found by her e-mail): the same id there is still Bitrix24's.
    const sheet = await runImport(database, {
      customers: {
        text: 'ID,Name,Email\n7,Анна Смирнова,anna@example.com\n',
        mapping: ['crmId', 'name', 'email'],
      },
    });
    expect(sheet.ok && sheet.report).toMatchObject({ added: 0, updated: 1 });
    expect((await byName())[0]).toEqual(['Анна Смирнова', 'bitrix24', '7', 'Самара']);
    // Imported before sources were kept: the id alone finds the customer, who takes the row's source.
    await database.customers.add(newCustomer({ name: 'Вера Ким', crmId: '9' }));
    const legacy = await runImport(database, { customers: amo('9', 'Вера Ким-Орлова') });
    expect(legacy.ok && legacy.report).toMatchObject({ added: 0, updated: 1 });
    expect(
      (await database.customers.where('crmId').equals('9').toArray()).map((c) => [c.name, c.crmSource]),
    ).toEqual([['Вера Ким-Орлова', 'amocrm']]);
    // A spreadsheet of orders names customers by id: 9 is one customer's, 7 two systems' (nobody's).
    const orders = await runImport(database, {
      orders: {
        text: 'Order ID,Customer ID,Date,Items\nA-1,9,2026-11-02,Kettle\nA-2,7,2026-11-03,Mug\n',
        mapping: guessOrderMapping(['Order ID', 'Customer ID', 'Date', 'Items']),
      },
    });
    expect(orders.ok && orders.report.orders).toBe(1);
    expect(orders.ok && orders.report.skipped.map((p) => p.line)).toEqual([3]);
    const vera = await database.customers.where('crmId').equals('9').first();
    expect(vera?.orders.map((o) => o.id)).toEqual(['A-1']);
  });

  it("brings back from Concierge's own sheet everything it holds but orders", async () => {
    const full = newCustomer({
      name: 'Ирина Волкова',
      aliases: ['Irina Volkova', 'Ира, из Казани'],
      emails: ['irina@example.com'],
      phones: ['+79161234567'],
      identities: [identityFrom('x', 'irina_v', 'imported')],
      tier: 'vip',
      tags: ['kettles', 'wholesale'],
      language: 'ru',
      crmId: '42',
      crmSource: 'bitrix24',
      preferences: { delivery: 'after 6, weekdays', city: 'Казань' },
      lifeEvents: [
        { date: '2026-10-02', kind: 'moved', text: 'Переехала в Казань; ждёт новоселья', source: 'post' },
        { date: '2026-11-20', kind: 'new_pet', text: 'A kitten: Tofu', source: 'agent' },
      ],
      notes: [
        { at: '2026-11-01T10:00:00.000Z', text: 'Prefers calls; never before 9' },
        { at: '2026-11-03T08:30:00.000Z', text: 'Called back about the kettle', by: 'Sam' },
      ],
    });
    await database.customers.add(full);
    const csv = customersCsv(await database.customers.toArray());
    const header = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data[0]!;
    const copy = new ConciergeDb(`test-${crypto.randomUUID()}`);
    const restored = await runImport(copy, {
      customers: { text: csv, mapping: guessCustomerMapping(header) },
    });
    expect(restored.ok && restored.report).toMatchObject({ added: 1, skipped: [], flagged: [] });
    const back = (await copy.customers.toArray())[0]!;
    // What the sheet holds of her, accounts by handle (the import marks them its own).
    const kept = (c: Customer) => ({
      ...[c.name, c.aliases, c.emails, c.phones, c.tier, c.tags, c.language, c.crmId, c.crmSource],
      preferences: c.preferences,
      handles: c.identities.map((i) => `${i.site}:${i.handle}`),
    });
    expect(kept(back)).toEqual(kept(full));
    expect(back.lifeEvents.map(({ date, kind, text }) => [date, kind, text])).toEqual(
      full.lifeEvents.map(({ date, kind, text }) => [date, kind, text]),
    );
    expect(back.lifeEvents.map((e) => e.source)).toEqual(['imported', 'imported']);
    // Each note whole, at the time it was written; who wrote it is not in the sheet.
    expect(back.notes.map(({ at, text }) => [at, text])).toEqual(
      full.notes.map(({ at, text }) => [at, text]),
    );
    // Her other name finds her, as it did before the round trip.
    expect(back.nameWords).toContain('volkova');

    // Imported again onto her: nothing doubles.
    const again = await runImport(copy, { customers: { text: csv, mapping: guessCustomerMapping(header) } });
    expect(again.ok && again.report).toMatchObject({ added: 0, updated: 1 });
    const twice = (await copy.customers.toArray())[0]!;
    expect([
      twice.aliases.length,
      twice.lifeEvents.length,
      Object.keys(twice.preferences).length,
      twice.notes.length,
    ]).toEqual([2, 2, 2, 2]);

    // Cells written by hand that say no preference or no event are flagged, the rest imported.
    const sheet = parsed(
      'name,preferences,life events\nDana Lee,"delivery: mornings; rings twice",2026-13-01 moved: x; 2026-11-02 wedding: y; 2026-11-03 married: Dana and Sam\n',
    );
    expect(sheet.rows[0]!.draft.preferences).toEqual({ delivery: 'mornings' });
    expect(sheet.rows[0]!.draft.lifeEvents?.map((e) => e.kind)).toEqual(['married']);
    expect(sheet.rows[0]!.flags.map((f) => [f.column, f.said.code])).toEqual([
      ['preferences', 'cellPreference'],
      ['life events', 'cellLifeEvent'],
      ['life events', 'cellLifeEvent'],
    ]);
  });

  it("keeps each CRM id within its system when Concierge's own export is imported again", async () => {
    const anna = { name: 'Анна Смирнова', emails: ['anna@example.com'], crmId: '7', crmSource: 'bitrix24' };
    await database.customers.bulkAdd([
      newCustomer(anna),
      newCustomer({ name: 'Борис Орлов', crmId: '7', crmSource: 'amocrm' }),
      newCustomer({ name: 'Вера Ким', crmId: '9' }),
      newCustomer({ name: 'Глеб Ли', crmId: 'g-1', crmSource: 'sheet' }),
    ]);
    const csv = customersCsv(await database.customers.toArray());
    const header = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data[0]!;
    const mapping = guessCustomerMapping(header);
    // "id" is Concierge's own: the CRM's id is in "crm id".
    expect(header.filter((_, i) => mapping[i] === 'crmId' || mapping[i] === 'crmSource')).toEqual([
      'crm id',
      'crm source',
    ]);
    const copy = new ConciergeDb(`test-${crypto.randomUUID()}`);
    const restored = await runImport(copy, { customers: { text: csv, mapping } });
    expect(restored.ok && restored.report).toMatchObject({ added: 4, updated: 0, skipped: [] });
    const sources = async () =>
      (await copy.customers.orderBy('name').toArray()).map((c) => [c.name, c.crmId, c.crmSource]);
    // An id kept without a source was the file's own when written out: now a spreadsheet's.
    expect(await sources()).toEqual([
      ['Анна Смирнова', '7', 'bitrix24'],
      ['Борис Орлов', '7', 'amocrm'],
      ['Вера Ким', '9', 'sheet'],
      ['Глеб Ли', 'g-1', 'sheet'],
    ]);
    // Bitrix24's contact 7 still finds her, not amoCRM's.
    const bitrix =
      'ID;Имя;Фамилия;Рабочий e-mail;Контакт Facebook;Населенный пункт\n7;Анна;Смирнова-Ли;;;Казань\n';
    const update = await runImport(copy, {
      customers: { text: bitrix, mapping: guessCustomerMapping(bitrix.split('\n')[0]!.split(';')) },
    });
    expect(update.ok && update.report).toMatchObject({ added: 0, updated: 1 });
    expect((await sources()).map(([name]) => name)).toEqual([
      'Анна Смирнова-Ли',
      'Борис Орлов',
      'Вера Ким',
      'Глеб Ли',
    ]);
    // A source nobody knows is said, and the file's own stands.
    const unknown = parsed('name,crm id,crm source\nDana,d-1,Acme CRM\n');
    expect(unknown.rows[0]!.draft.crmSource).toBe('sheet');
    expect(unknown.rows[0]!.flags.map((f) => f.said.code)).toEqual(['cellCrmSource']);
  });

  it('gives a customer with a key the same id on every device of a team, and a row whose id is held updates its customer', async () => {
    const file = {
      text: 'id,name,email\nc-1,Ada Lane,ada@example.com\n,Boris Petrov,boris@example.com\n,Nameless,\n',
      mapping: ['crmId', 'name', 'email'] as CustomerField[],
    };
    const other = new ConciergeDb(`test-${crypto.randomUUID()}`);
    const alone = new ConciergeDb(`test-${crypto.randomUUID()}`);
    for (const db of [database, other]) await mutate('joinTeam', { link: TEST_LINK }, db);
    for (const db of [database, other, alone]) await runImport(db, { customers: file });
    const ids = async (db: ConciergeDb) => (await db.customers.orderBy('name').toArray()).map((c) => c.id);
    const [mine, theirs, lone] = [await ids(database), await ids(other), await ids(alone)];
    expect(mine.slice(0, 2)).toEqual(theirs.slice(0, 2));
    // A name alone names nobody else: a new id each time.
    expect(mine[2]).not.toBe(theirs[2]);
    // Outside a team, ids stay time-ordered (version 7) and nobody else's.
    expect(lone.map((id) => id[14])).toEqual(['7', '7', '7']);
    // Boris's e-mail was edited away: his key no longer finds him, his id still does.
    const boris = (await database.customers.where('emails').equals('boris@example.com').first())!;
    await database.customers.put({ ...boris, emails: [] });
    const again = await runImport(database, { customers: file });
    expect(again.ok && again.report).toMatchObject({ added: 1, updated: 2 });
    expect((await database.customers.get(boris.id))!.emails).toEqual(['boris@example.com']);
    expect(await database.customers.count()).toBe(4);
  });

  it(
    'imports thousands of rows in chunks, joins an orders file, and is the same on a second run',
    { timeout: 60_000 },
    async () => {
      const lines = ['Customer ID,First Name,Last Name,Email'];
      for (let i = 0; i < 2500; i++) lines.push(`c${i},Name${i},Family${i},person${i}@example.com`);
      const orders =
        'Email,Order Number,Date,Items,Total,Currency,Status\nperson7@example.com,A-1,03.11.2026,Kettle x2;Teapot,"1 234,50",rub,paid\nc2499,A-2,2026-11-04,Mug,9,USD,new\nnobody@example.com,A-3,2026-11-05,Mug,9,USD,new\nperson8@example.com,A-4,31.02.2026,Mug,9,USD,new\n';
      const request = {
        customers: { text: lines.join('\n'), mapping: guessCustomerMapping(lines[0]!.split(',')) },
        orders: { text: orders, mapping: guessOrderMapping(orders.split('\n')[0]!.split(',')) },
      };
      const progress: [number, number][] = [];
      const first = await runImport(database, request, {
        onProgress: (p) => progress.push([p.rows, p.total]),
      });
      expect(first).toEqual({
        ok: true,
        report: {
          added: 2500,
          updated: 0,
          orders: 2,
          flagged: [],
          flaggedCount: 0,
          skippedCount: 2,
          skipped: [
            {
              line: 4,
              message: 'Orders file: No customer has the email or id "nobody@example.com".',
              code: 'orderUnknownCustomer',
              params: ['nobody@example.com'],
              ordersFile: true,
            },
            {
              line: 5,
              message: 'Orders file: "31.02.2026" is not a date (use 2026-11-03 or 03.11.2026).',
              code: 'orderDate',
              params: ['31.02.2026'],
              ordersFile: true,
            },
          ],
        },
      });
      // Rows done of the total: estimated from the share of the file read, exact at the end.
      expect(progress).toEqual([
        [500, 2500],
        [1000, 2500],
        [1500, 2500],
        [2000, 2500],
        [2500, 2500],
        [3, 3],
      ]);
      const person7 = await database.customers.where('emails').equals('person7@example.com').first();
      expect(person7?.orders).toEqual([
        {
          id: 'A-1',
          date: '2026-11-03',
          items: [{ name: 'Kettle', quantity: 2 }, { name: 'Teapot' }],
          total: 1234.5,
          currency: 'RUB',
          status: 'paid',
        },
      ]);
      expect(
        (await database.customers.where('crmId').equals('c2499').first())?.orders.map((o) => o.id),
      ).toEqual(['A-2']);

      const again = await runImport(database, request);
      expect(again.ok && again.report).toMatchObject({ added: 0, updated: 2500, orders: 2 });
      expect(await database.customers.count()).toBe(2500);
      expect(
        (await database.customers.where('emails').equals('person7@example.com').first())?.orders,
      ).toHaveLength(1);
    },
  );

  it('changes nothing when the file turns out broken at its end, or the import is stopped half-way', async () => {
    await loadSample(database);
    const before = await database.customers.toArray();
    const rows = ['name,email'];
    for (let i = 0; i < 5000; i++) rows.push(`Name ${i},p${i}@example.com`);
    const broken = await runImport(database, {
      customers: { text: `${rows.join('\n')}\nLast,"oops\n`, mapping: ['name', 'email'] },
    });
    expect(broken).toEqual({
      ok: false,
      problems: [
        { line: 5002, message: expect.stringContaining('not closed'), code: 'fileUnclosedQuote', params: [] },
      ],
    });
    expect(await database.customers.toArray()).toEqual(before);

    let chunks = 0;
    await expect(
      runImport(
        database,
        { customers: { text: rows.join('\n'), mapping: ['name', 'email'] } },
        { stopped: () => ++chunks > 2 },
      ),
    ).rejects.toThrow('stopped');
    expect(await database.customers.toArray()).toEqual(before);
  });

  /** A fresh database whose every write of customers passes through `write` first. */
  function watched(write: (next: () => Promise<unknown>) => Promise<unknown>): ConciergeDb {
    const watchedDb = new ConciergeDb(`test-${crypto.randomUUID()}`);
    watchedDb.use({
      stack: 'dbcore',
      name: 'watch',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name === 'customers'
            ? { ...table, mutate: (req) => write(() => table.mutate(req)) as ReturnType<typeof table.mutate> }
            : table;
        },
      }),
    });
    return watchedDb;
  }

  const emails = (prefix: string, count: number) =>
    ['name,email', ...Array.from({ length: count }, (_, i) => `Name ${i},${prefix}${i}@example.com`)].join(
      '\n',
    );

  it('keeps the next chunk queued behind the one being written, never more', async () => {
    let writing = 0;
    let most = 0;
    const watchedDb = watched(async (next) => {
      most = Math.max(most, ++writing);
      try {
        return await next();
      } finally {
        writing--;
      }
    });
    const result = await runImport(watchedDb, {
      customers: { text: emails('w', 10_000), mapping: ['name', 'email'] },
    });
    expect(result.ok && result.report.added).toBe(10_000);
    expect(IN_FLIGHT).toBeGreaterThan(1);
    expect(most).toBe(IN_FLIGHT);
    expect(await watchedDb.customers.count()).toBe(10_000);
  });

  it('reports a full disk by name and leaves the base as it was, whichever chunk meets it', async () => {
    for (const failing of [2, 4]) {
      let armed = false;
      let calls = 0;
      const watchedDb = watched((next) =>
        armed && ++calls === failing
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : next(),
      );
      await loadSample(watchedDb);
      const before = await watchedDb.customers.toArray();
      armed = true;
      const error = await runImport(watchedDb, {
        customers: { text: emails('q', 9_000), mapping: ['name', 'email'] },
      }).catch((e: unknown) => e);
      expect(
        (error as { name?: string; inner?: { name?: string } }).inner?.name ?? (error as Error).name,
      ).toBe('QuotaExceededError');
      expect(await watchedDb.customers.toArray()).toEqual(before);
    }
  });

  it('leaves the base untouched when a write fails half-way', async () => {
    await loadSample(database);
    const before = await database.customers.toArray();
    const { rows } = parsed('name,x\nFirst,first_one\nSecond,second_one\n');
    const drafts = rows.map((r) => r.draft);
    const broken = [drafts[0]!, { ...drafts[1]!, name: undefined as unknown as string }];
    await expect(importDrafts(database, broken)).rejects.toThrow();
    expect(await database.customers.toArray()).toEqual(before);
  });

  it('round-trips a backup exactly', async () => {
    await loadSample(database);
    await database.interactions.put({
      key: 'x:1',
      site: 'x',
      postId: '1',
      url: 'https://x.com/a/status/1',
      kind: 'post',
      author: { handle: 'a', displayName: 'A', profileUrl: 'https://x.com/a' },
      authorKey: 'x:a',
      text: 'hi',
      seenAt: '2026-11-01T00:00:00.000Z',
      status: 'open',
      replies: [],
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    await database.rejections.put({
      key: 'x:someone|c1',
      authorKey: 'x:someone',
      customerId: 'c1',
      at: '2026-11-01T00:00:00.000Z',
    });
    const customers = await database.customers.toArray();
    const interactions = await database.interactions.toArray();
    const rejections = await database.rejections.toArray();
    const json = await exportBackup(database);
    await database.customers.clear();
    await database.interactions.clear();
    await database.rejections.clear();
    const result = parseBackup(json);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    await restoreBackup(database, result.backup);
    expect(await database.customers.toArray()).toEqual(customers);
    expect(await database.interactions.toArray()).toEqual(interactions);
    expect(await database.rejections.toArray()).toEqual(rejections);
  });

  it('rejects a backup that is not one, saying why', () => {
    const notJson = parseBackup('{"format":');
    expect(!notJson.ok && notJson.problems[0]?.message).toContain('not valid JSON');
    const wrong = parseBackup(
      JSON.stringify({
        format: 'concierge-backup',
        version: 1,
        exportedAt: '',
        customers: [{ id: 'nope' }],
        interactions: [],
      }),
    );
    expect(!wrong.ok && wrong.problems[0]?.message).toMatch(/^customers\.0\.id/);
  });
});

describe('schema versions', () => {
  it('opens a database written by version 1 with every record intact, phones indexed by digits, its accounts in the accounts table, names found through [name+id]', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      customers: 'id, *identityKeys, *emails, *phones, *tags, name, tier, updatedAt',
      interactions: 'key, authorKey, seenAt, status',
    });
    const old = {
      id: '6f1c1a2e-8a8e-4a36-9d7e-2f3b7f1d6c01',
      name: 'Ada Lane',
      aliases: [],
      identities: [{ site: 'x', handle: 'ada', source: 'manual', addedAt: '2026-01-01T00:00:00.000Z' }],
      identityKeys: ['x:ada'],
      emails: ['ada@example.com'],
      phones: ['+1 (555) 0100-201'],
      tier: 'gold',
      tags: ['tea'],
      orders: [],
      preferences: { delivery: 'courier' },
      lifeEvents: [],
      notes: [{ at: '2026-01-02T00:00:00.000Z', text: 'hello' }],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const interaction = {
      key: 'x:1',
      authorKey: 'x:ada',
      seenAt: '2026-01-03T00:00:00.000Z',
      status: 'open',
      text: 'hi',
    };
    await v1.table('customers').add(old);
    await v1.table('interactions').add(interaction);
    v1.close();

    const current = new ConciergeDb(name);
    expect(await current.customers.toArray()).toEqual([
      { ...old, phoneKeys: ['15550100201'], nameWords: ['ada', 'lane'] },
    ]);
    expect(await current.interactions.toArray()).toEqual([interaction]);
    expect(await current.customers.where('phoneKeys').equals('15550100201').count()).toBe(1);
    expect(current.verno).toBe(8);
    // Name order and name candidates come from [name+id]; the plain name and tier indexes are gone.
    expect(current.customers.schema.indexes.map((i) => i.name)).not.toContain('tier');
    expect(current.customers.schema.indexes.map((i) => i.name)).not.toContain('name');
    expect(await nameCandidates(current, 'x:lane', 'Ada Lane')).toMatchObject([
      { customerId: old.id, name: 'Ada Lane', tier: 'gold' },
    ]);
    // The filter of known accounts (versions 3 to 5) is gone.
    expect(current.tables.map((t) => t.name)).not.toContain('meta');
    // Its account, in the table matching reads.
    expect(await current.accounts.toArray()).toEqual([
      { key: 'x:ada', customerId: old.id, name: 'Ada Lane', tier: 'gold' },
    ]);
    const post = {
      site: 'x' as const,
      id: '9',
      author: { handle: 'Ada', displayName: 'Ada', profileUrl: '' },
    };
    expect((await matchAuthors(current, [post])).get('x:9')).toEqual({
      customerId: old.id,
      name: 'Ada Lane',
      tier: 'gold',
    });
  });
});
