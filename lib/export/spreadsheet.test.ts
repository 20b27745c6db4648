import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { newCustomer } from '../db/customers';
import { customersCsv, interactionsCsv } from './spreadsheet';

describe('spreadsheet export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and keeps the rest as written', () => {
    const evil = newCustomer({
      name: '=HYPERLINK("https://evil.example","click")',
      tags: ['+1+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'normal'],
      notes: [{ at: '2026-01-01T00:00:00.000Z', text: 'Line one, "quoted"\nline two' }],
      emails: ['ada@example.com'],
    });
    const csv = customersCsv([evil]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('name')).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(cell('tags')).toBe("'+1+1; -2; @SUM(A1); \tTab; \rCR; normal");
    expect(cell('notes')).toBe('2026-01-01T00:00:00.000Z Line one, "quoted"\nline two');
    expect(cell('emails')).toBe('ada@example.com');
  });

  it('writes interactions with their post text neutralised too', () => {
    const csv = interactionsCsv([
      {
        key: 'x:1',
        site: 'x',
        postId: '1',
        url: 'https://x.com/a/status/1',
        kind: 'post',
        author: { handle: 'a', displayName: '@attacker', profileUrl: 'https://x.com/a' },
        authorKey: 'x:a',
        text: '-cmd|calc',
        seenAt: '2026-11-01T00:00:00.000Z',
        status: 'open',
        replies: [],
        updatedAt: '2026-11-01T00:00:00.000Z',
      },
    ]);
    const [, row] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(row).toEqual([
      'x',
      '1',
      'https://x.com/a/status/1',
      'post',
      "'@attacker",
      'a',
      "'-cmd|calc",
      '',
      '2026-11-01T00:00:00.000Z',
      'open',
      '0',
    ]);
  });
});
