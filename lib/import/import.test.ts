import { beforeEach, describe, expect, it } from 'vitest';
import { loadSample } from '../db/sample';
import { ConciergeDb } from '../db/schema';
import { importDrafts } from './apply';
import { exportBackup, parseBackup, restoreBackup } from './backup';
import { parseCustomersCsv } from './csv';

const HEADER = 'name,email,phone,x,facebook,tier,tags,language,notes';

function problemsOf(csv: string) {
  const result = parseCustomersCsv(csv);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseCustomersCsv', () => {
  it('reads every column, quoted line breaks, a BOM and profile links', () => {
    const csv = `\uFEFF${HEADER}\r\nAda Lane,ADA@example.com,+1 555 0100,@ada_lane,https://www.facebook.com/profile.php?id=100042,VIP,kitchen;tea,en,"Likes calls.\nNot before 9."\n` +
      `Boris Petrov,,,https://x.com/bpetrov,boris.petrov,,,ru,\n`;
    const result = parseCustomersCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.line)).toEqual([2, 4]);
    const [ada, boris] = result.rows.map((r) => r.draft);
    expect(ada).toMatchObject({
      name: 'Ada Lane',
      emails: ['ada@example.com'],
      phones: ['+1 555 0100'],
      tier: 'vip',
      tags: ['kitchen', 'tea'],
      language: 'en',
    });
    expect(ada?.identities?.map((i) => [i.site, i.handle, i.id])).toEqual([['x', 'ada_lane', undefined], ['facebook', '', '100042']]);
    expect(ada?.notes?.[0]?.text).toBe('Likes calls. Not before 9.');
    expect(boris?.identities?.map((i) => i.handle)).toEqual(['bpetrov', 'boris.petrov']);
    expect(boris?.tier).toBe('regular');
  });

  it('reads Facebook identities from every profile link shape, without tracking', () => {
    const csv = `${HEADER}\nBo Lee,,,,https://www.facebook.com/people/Bo-Lee/100077/?ref=crm,,,,\nCy Ng,,,,https://m.facebook.com/cy.ng?__cft__=AZ,,,,\nDi Ro,,,,di.ro.5,,,,\n`;
    const result = parseCustomersCsv(csv);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.rows.map((r) => r.draft.identities?.map((i) => [i.handle, i.id]))).toEqual([[['', '100077']], [['cy.ng', undefined]], [['di.ro.5', undefined]]]);
    expect(problemsOf(`${HEADER}\nEve,,,,https://www.facebook.com/groups/bakers/,,,,\n`)[0]?.message).toContain('is not a Facebook name');
  });

  it('accepts semicolons and a subset of the columns', () => {
    const result = parseCustomersCsv('name;x\nAda;ada\n');
    expect(result.ok && result.rows[0]?.draft.identities?.[0]?.handle).toBe('ada');
  });

  it.each([
    ['', 0, 'The file is empty.'],
    [`${HEADER}\n`, 0, 'header but no customers'],
    ['full name,email\nAda,a@example.com\n', 1, 'Unknown column "full name"'],
    ['email,x\na@example.com,ada\n', 1, 'no "name" column'],
    [`name,email\nAda,a@example.com\nBob,"b@example.com\n`, 3, 'not closed'],
    [`name,email\nAda\n`, 2, 'Expected 2 fields, found 1'],
    [`name,email\nAda,not-an-email\n`, 2, '"not-an-email" is not an email address'],
    [`name,x\nAda,bad handle!\n`, 2, 'is not an X handle'],
    [`name,tier\nAda,platinum\n`, 2, 'Unknown tier "platinum"'],
    [`name,email\n,a@example.com\n`, 2, 'The name is empty'],
    [`name,email\nAda,a@example.com\nAda B,A@example.com\n`, 3, 'same email a@example.com as on line 2'],
  ])('rejects %j with a message naming line %i', (csv, line, message) => {
    const problems = problemsOf(csv);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
  });

  it('keeps prototype-polluting header names as unknown columns', () => {
    expect(problemsOf('name,__proto__\nAda,{}\n')[0]?.message).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importing', () => {
  let database: ConciergeDb;
  beforeEach(() => {
    database = new ConciergeDb(`test-${crypto.randomUUID()}`);
  });

  it('updates customers on a second import instead of duplicating them', async () => {
    await loadSample(database);
    const csv = `name,email,x,tier,tags\nLorena W.,lorena.willis@example.com,,gold,returns\nNew Person,new@example.com,new_person,,\n`;
    const result = parseCustomersCsv(csv);
    if (!result.ok) throw new Error('parse failed');
    expect(await importDrafts(database, result.rows.map((r) => r.draft))).toEqual({ added: 1, updated: 1 });
    expect(await importDrafts(database, result.rows.map((r) => r.draft))).toEqual({ added: 0, updated: 2 });
    const lorena = await database.customers.where('emails').equals('lorena.willis@example.com').first();
    expect(lorena?.tier).toBe('gold');
    expect(lorena?.tags).toEqual(['sample', 'kitchen', 'returns']);
    expect(lorena?.orders).toHaveLength(2);
    expect(await database.customers.count()).toBe(6);
  });

  it('leaves the base untouched when the write fails half-way', async () => {
    await loadSample(database);
    const before = await database.customers.toArray();
    const result = parseCustomersCsv('name,x\nFirst,first_one\nSecond,second_one\n');
    if (!result.ok) throw new Error('parse failed');
    const drafts = result.rows.map((r) => r.draft);
    // A tier the schema cannot store makes the second write throw inside the transaction.
    const broken = [drafts[0]!, { ...drafts[1]!, name: undefined as unknown as string }];
    await expect(importDrafts(database, broken)).rejects.toThrow();
    expect(await database.customers.toArray()).toEqual(before);
  });

  it('round-trips a backup exactly', async () => {
    await loadSample(database);
    await database.interactions.put({
      key: 'x:1', site: 'x', postId: '1', url: 'https://x.com/a/status/1', kind: 'post',
      author: { handle: 'a', displayName: 'A', profileUrl: 'https://x.com/a' }, authorKey: 'x:a', text: 'hi',
      seenAt: '2026-11-01T00:00:00.000Z', status: 'open', replies: [], updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const customers = await database.customers.toArray();
    const interactions = await database.interactions.toArray();
    const json = await exportBackup(database);
    await database.customers.clear();
    await database.interactions.clear();
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await restoreBackup(database, parsed.backup);
    expect(await database.customers.toArray()).toEqual(customers);
    expect(await database.interactions.toArray()).toEqual(interactions);
  });

  it('rejects a backup that is not one, saying why', () => {
    const notJson = parseBackup('{"format":');
    expect(!notJson.ok && notJson.problems[0]?.message).toContain('not valid JSON');
    const wrong = parseBackup(JSON.stringify({ format: 'concierge-backup', version: 1, exportedAt: '', customers: [{ id: 'nope' }], interactions: [] }));
    expect(!wrong.ok && wrong.problems[0]?.message).toMatch(/^customers\.0\.id/);
  });
});
