import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { labelOf, spanParts } from './i18n';

const messages = (
  lang: string,
): Record<string, { message: string; placeholders?: Record<string, { content: string }> }> =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

describe('UI text', () => {
  const en = messages('en');
  const ru = messages('ru');

  it('has every message in English and Russian', () => {
    expect(Object.keys(ru).toSorted()).toEqual(Object.keys(en).toSorted());
  });

  it('uses only names the browser accepts (a bad name stops the extension from loading)', () => {
    for (const name of Object.keys(en)) expect(name, name).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('declares the same placeholders in both languages, and uses each it declares', () => {
    for (const [name, entry] of Object.entries(en)) {
      const names = Object.keys(entry.placeholders ?? {}).toSorted();
      expect(Object.keys(ru[name]!.placeholders ?? {}).toSorted(), name).toEqual(names);
      for (const [lang, e] of [
        ['en', entry],
        ['ru', ru[name]!],
      ] as const) {
        for (const p of names) expect(e.message.toLowerCase(), `${lang}:${name}`).toContain(`$${p}$`);
      }
    }
  });
});

describe('words of the data', () => {
  it('says an order status in the UI’s words, as shops export it, and leaves a shop’s own word alone', () => {
    const en = messages('en');
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((name: string) => en[name]?.message ?? '');
    expect(labelOf('orderStatus', 'wc-on-hold')).toBe('on hold');
    expect(labelOf('orderStatus', 'Partially_Fulfilled')).toBe('partly shipped');
    expect(labelOf('orderStatus', 'in transit')).toBe('in transit');
    expect(labelOf('orderStatus', 'Ждёт курьера')).toBeNull();
    vi.restoreAllMocks();
  });
});

describe('waits, as people say them', () => {
  it('uses the largest unit, and the next one while it still matters', () => {
    expect(spanParts(0)).toEqual([['min', 0]]);
    expect(spanParts(0.8)).toEqual([['min', 48]]);
    expect(spanParts(5 + 10 / 60)).toEqual([
      ['h', 5],
      ['min', 10],
    ]);
    expect(spanParts(22)).toEqual([['h', 22]]);
    expect(spanParts(318)).toEqual([
      ['d', 13],
      ['h', 6],
    ]);
    expect(spanParts(24 * 12)).toEqual([['d', 12]]);
    expect(spanParts(-3)).toEqual([['min', 0]]);
  });
});
