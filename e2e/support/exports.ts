/** CRM exports for the browser tests: real header rows, invented people. */
import { readFileSync } from 'node:fs';

/** A file for a file input. */
export const file = (name: string, content: string | Buffer) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
});

/** A HubSpot contacts export of `count` invented people, with its real header row. */
export function hubspotFile(count: number): string {
  const [header] = readFileSync('lib/import/fixtures/hubspot-contacts.csv', 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n');
  const languages = ['English', 'Spanish', 'Russian', 'German', ''];
  const rows = [header!.trim()];
  for (let i = 0; i < count; i++) {
    const phone = i % 3 === 0 ? `+1 555 01${String(i).padStart(2, '0')} ${String(i).padStart(3, '0')}` : '';
    const mobile = i % 2 === 0 ? `(555) 0100-${String(i).padStart(3, '0')}` : '';
    rows.push(
      [
        60000 + i,
        `Given${i}`,
        `Family${i}`,
        i % 7 === 6 ? '' : `person${i}@example.com`,
        phone,
        mobile,
        languages[i % languages.length],
        i % 4 === 0 ? `handle_${i}` : '',
        'customer',
        i % 5 === 0 ? 'Open' : '',
        'Leeds',
        'Sam Agent',
        '2025-03-02 10:12',
        '',
      ].join(','),
    );
  }
  return rows.join('\n');
}
