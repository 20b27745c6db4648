import { describe, expect, it } from 'vitest';
import { brandAccounts, isBrandAuthor } from './brand';

describe("the brand's own accounts", () => {
  it('are understood with or without @, as a profile link, or as a numeric id', () => {
    const accounts = brandAccounts([
      '@HearthAndCo',
      ' https://www.facebook.com/hearthandco.shop ',
      'https://x.com/hearth_help',
      '100000000000042',
      '',
    ]);
    expect(isBrandAuthor({ handle: 'hearthandco' }, accounts)).toBe(true);
    expect(isBrandAuthor({ handle: 'hearthandco.shop' }, accounts)).toBe(true);
    expect(isBrandAuthor({ handle: 'Hearth_Help' }, accounts)).toBe(true);
    expect(isBrandAuthor({ handle: '', id: '100000000000042' }, accounts)).toBe(true);
    expect(isBrandAuthor({ handle: 'lorenawillis' }, accounts)).toBe(false);
    expect(isBrandAuthor({ handle: '' }, accounts)).toBe(false);
  });
});
