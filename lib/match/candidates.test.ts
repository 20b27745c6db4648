import { describe, expect, it } from 'vitest';
import { NameIndex, wordLikeness } from './candidates';

function index(): NameIndex {
  const i = new NameIndex();
  i.add('alisa', 'Алиса Андреева', ['Alisa Andreeva']);
  i.add('dmitry', 'Дмитрий Соколов');
  i.add('lorena', 'Lorena Willis');
  i.add('tomas', 'Tomás Rivera');
  i.add('mei', 'Mei Tanaka');
  i.add('lorenzo', 'Lorenzo Wills');
  i.add('anna', 'Anna Ivanova');
  return i;
}

describe('name candidates', () => {
  const idx = index();
  const top = (name: string) => idx.candidates(name)[0];

  it('finds the same name, accents and case aside', () => {
    expect(top('LORENA WILLIS')).toEqual({ customerId: 'lorena', score: 1, reason: 'same_name' });
    expect(top('Tomas Rivera')).toEqual({ customerId: 'tomas', score: 1, reason: 'same_name' });
  });

  it('finds a reordered name', () => {
    expect(top('Willis Lorena')).toEqual({ customerId: 'lorena', score: 1, reason: 'reordered' });
  });

  it('finds Cyrillic and Latin spellings of one another', () => {
    expect(top('Alisa Andreeva')).toMatchObject({ customerId: 'alisa', score: 1 });
    expect(top('Dmitrij Sokolov')).toMatchObject({ customerId: 'dmitry', reason: 'similar' });
    expect(top('Dmitriy Sokolov')?.customerId).toBe('dmitry');
    expect(top('Соколов Дмитрий')).toMatchObject({ customerId: 'dmitry', reason: 'reordered' });
    expect(top('Anna Ivanova')?.customerId).toBe('anna');
    expect(top('Анна Иванова')).toMatchObject({ customerId: 'anna', score: 1, reason: 'transliterated' });
  });

  it('finds names with a typo, and ranks the closer one first', () => {
    expect(top('Lorena Wilis')).toMatchObject({ customerId: 'lorena', reason: 'similar' });
    // "Lorenzo" is another name, not "Lorena" misspelled: one shared surname is not enough.
    expect(idx.candidates('Lorenzo Willis').map((c) => c.customerId)).toEqual(['lorenzo']);
    expect(top('Mei Tanka')?.customerId).toBe('mei');
  });

  it('offers nobody for a name unlike any customer, and leaves out rejected customers', () => {
    expect(idx.candidates('Random Shopper')).toEqual([]);
    expect(idx.candidates('')).toEqual([]);
    expect(idx.candidates('Lorena Willis', 5, new Set(['lorena'])).map((c) => c.customerId)).not.toContain(
      'lorena',
    );
  });

  it('gives a one-word name less weight than a full match', () => {
    expect(idx.candidates('Lorena')).toEqual([]);
  });

  it('measures words with swaps of neighbours as one edit', () => {
    expect(wordLikeness('willis', 'wilils')).toBeCloseTo(1 - 1 / 6);
    expect(wordLikeness('abc', 'abc')).toBe(1);
    expect(wordLikeness('abc', 'xyzabcdef')).toBe(0);
  });
});

describe('name candidates from the database', () => {
  it('reads the index from the database, rebuilds it when customers change, and leaves out rejected ones', async () => {
    const { ConciergeDb } = await import('../db/schema');
    const { loadSample } = await import('../db/sample');
    const { newCustomer } = await import('../db/customers');
    const { nameCandidates } = await import('../background/candidates');
    const database = new ConciergeDb(`candidates-${crypto.randomUUID()}`);
    await loadSample(database);
    const found = await nameCandidates(database, 'x:alisa_a', 'Alisa Andreeva');
    expect(found.map((c) => [c.name, c.score, c.reason])).toEqual([['Алиса Андреева', 1, 'transliterated']]);

    const twin = newCustomer({ name: 'Alisa Andreeva' });
    await database.customers.add(twin);
    expect(
      (await nameCandidates(database, 'x:alisa_a', 'Alisa Andreeva')).map((c) => c.name).toSorted(),
    ).toEqual(['Alisa Andreeva', 'Алиса Андреева']);

    await database.rejections.put({
      key: `x:alisa_a|${twin.id}`,
      authorKey: 'x:alisa_a',
      customerId: twin.id,
      at: '2026-11-01T00:00:00.000Z',
    });
    expect((await nameCandidates(database, 'x:alisa_a', 'Alisa Andreeva')).map((c) => c.name)).toEqual([
      'Алиса Андреева',
    ]);
    // Another author with the same name still gets both.
    expect(await nameCandidates(database, 'x:other', 'Alisa Andreeva')).toHaveLength(2);
  });
});
