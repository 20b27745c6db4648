import { describe, expect, it } from 'vitest';
import { cleanText, nameWithoutEmoji } from './text';

const slowClean = (raw: string) =>
  raw
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('cleanText', () => {
  it('drops invisible characters and collapses white space', () => {
    expect(cleanText(' \u200BHello,\n\t  wor\u00ADld \u00A0')).toBe('Hello, world');
    expect(cleanText('Lorena Willis')).toBe('Lorena Willis');
    expect(cleanText('\u2028')).toBe('');
  });

  it('leaves text alone exactly when it has nothing to clean', () => {
    // Every short string over an alphabet of the characters that matter, against the full cleaning.
    const alphabet = ['a', ' ', '\n', '\t', '\u00A0', '\u200B', '\u202E', '\uFEFF', '\u00AD', '\u3000', 'я'];
    let strings = [''];
    for (let length = 1; length <= 4; length++) {
      strings = strings.flatMap((s) => (s.length === length - 1 ? alphabet.map((c) => s + c) : []));
      for (const s of strings) expect(cleanText(s)).toBe(slowClean(s));
    }
  });
});

describe('nameWithoutEmoji', () => {
  it('keeps the name a display name wears emoji and flags around', () => {
    expect(nameWithoutEmoji('Катя Новикова 🌸')).toBe('Катя Новикова');
    expect(nameWithoutEmoji('🇬🇧 Sam  O’Neil 👋🏽✨')).toBe('Sam O’Neil');
    expect(nameWithoutEmoji('Zoë-Ann (Kitchen)')).toBe('Zoë-Ann (Kitchen)');
    expect(nameWithoutEmoji('👨‍👩‍👧')).toBe('');
  });
});
