import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { readCustomerFile, readOrderFile } from './index';
import { previewFile } from './preview';
import { fileText, NUMBERS_MESSAGE, ODS_MESSAGE, XLS_MESSAGE } from './sheet';

type Cell = { value: string | number | Date; format?: string } | null;

/** A CSV fixture's rows as a worksheet: numbers as numeric cells, as Excel keeps them. */
function sheetOf(fixture: string): Cell[][] {
  const text = readFileSync(`lib/import/fixtures/${fixture}`, 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  return rows.map((row, r) =>
    row.map((value) => {
      if (!value) return null;
      return r > 0 && /^\d{1,15}$/.test(value) ? { value: Number(value) } : { value };
    }),
  );
}

async function workbook(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const buffer = await writeExcelFile(sheets.map((s) => ({ data: s.rows, sheet: s.name }))).toBuffer();
  return new Uint8Array(buffer);
}

describe('Excel workbooks (.xlsx)', () => {
  it('reads the first sheet as the CSV export of the same data reads, numbers kept as written', async () => {
    const bytes = await workbook([
      { name: 'Contacts', rows: sheetOf('hubspot-contacts.csv') },
      { name: 'Orders', rows: sheetOf('shopify-orders.csv') },
    ]);
    const fromXlsx = await readCustomerFile(bytes, 'hubspot-contacts.xlsx');
    const fromCsv = await readCustomerFile(
      new Uint8Array(readFileSync('lib/import/fixtures/hubspot-contacts.csv')),
      'hubspot-contacts.csv',
    );
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.customers).toEqual(fromCsv.customers);
    expect(fromXlsx.customers.map((c) => c.crmId)).toEqual(['51001', '51002', '51003', '51004', '51005']);
  });

  it('reads the sheet the user picks, and lists the sheets in the preview', async () => {
    const bytes = await workbook([
      { name: 'Contacts', rows: sheetOf('hubspot-contacts.csv') },
      { name: 'Orders', rows: sheetOf('shopify-orders.csv') },
    ]);
    const preview = await previewFile('export.xlsx', bytes, 'orders', 'Orders');
    expect(preview).toMatchObject({
      kind: 'orders',
      format: 'xlsx',
      sheets: ['Contacts', 'Orders'],
      sheet: 'Orders',
    });
    const { orders, problems } = await readOrderFile(bytes, 'export.xlsx', { sheet: 'Orders' });
    expect(problems).toEqual([]);
    const fromCsv = await readOrderFile(
      new Uint8Array(readFileSync('lib/import/fixtures/shopify-orders.csv')),
    );
    expect(orders).toEqual(fromCsv.orders);
  });

  it('writes date cells as ISO dates and keeps long numbers whole', async () => {
    const bytes = await workbook([
      {
        name: 'Sheet1',
        rows: [
          [{ value: 'Name' }, { value: 'Phone' }, { value: 'Created' }],
          [
            { value: 'Ada Lane' },
            { value: 15550100201 },
            { value: new Date('2026-03-01T00:00:00Z'), format: 'yyyy-mm-dd' },
          ],
        ],
      },
    ]);
    const read = await fileText(bytes, 'contacts.xlsx');
    expect(read).toMatchObject({
      ok: true,
      format: 'xlsx',
      text: 'Name,Phone,Created\nAda Lane,15550100201,2026-03-01',
    });
  });

  it('names the format to export instead for old Excel, Numbers and OpenDocument files', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await fileText(ole, 'contacts.xls')).toMatchObject({
      ok: false,
      message: XLS_MESSAGE,
      code: 'fileXls',
    });
    expect(XLS_MESSAGE).toContain('.xlsx');
    const zip = (member: string) => {
      const name = new TextEncoder().encode(member);
      const bytes = new Uint8Array(30 + name.length + 8);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      bytes[26] = name.length;
      bytes.set(name, 30);
      return bytes;
    };
    expect(await fileText(zip('Index/Document.iwa'), 'Contacts')).toMatchObject({
      ok: false,
      message: NUMBERS_MESSAGE,
    });
    expect(await fileText(new Uint8Array([1, 2]), 'Contacts.numbers')).toMatchObject({
      ok: false,
      message: NUMBERS_MESSAGE,
    });
    expect(await fileText(zip('mimetype'), 'contacts.ods')).toMatchObject({
      ok: false,
      message: ODS_MESSAGE,
    });
    expect(await fileText(zip('mimetype'), 'contacts')).toMatchObject({ ok: false, message: ODS_MESSAGE });
    expect(await fileText(zip('photo.jpg'), 'photos.zip')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not an Excel workbook'),
    });
    expect(await readCustomerFile(ole, 'contacts.xls')).toMatchObject({
      customers: [],
      problems: [{ line: 0, message: XLS_MESSAGE }],
    });
  });
});
