import { describe, expect, it } from 'vitest';
import { parseProfileHref, parseStatusHref } from './urls';

const base = 'https://x.com';

describe('X links', () => {
  it.each([
    ['/lorenawillis/status/123', { handle: 'lorenawillis', id: '123' }],
    ['/lorenawillis/status/123/photo/1?s=20#top', { handle: 'lorenawillis', id: '123' }],
    ['https://twitter.com/a_b/status/9', { handle: 'a_b', id: '9' }],
    ['https://mobile.x.com/a/statuses/9', { handle: 'a', id: '9' }],
    ['/i/status/123', null],
    ['/home/status/1', null],
    ['/a/status/abc', null],
    ['https://evil.example/a/status/1', null],
    ['javascript:alert(1)//a/status/1', null],
    ['//evil.example/a/status/1', null],
  ])('status link %s', (href, expected) => {
    expect(parseStatusHref(href, base)).toEqual(expected);
  });

  it.each([
    ['/lorenawillis', 'lorenawillis'],
    ['/lorenawillis/', 'lorenawillis'],
    ['https://x.com/Mei_T?ref=1', 'Mei_T'],
    ['/hashtag/fail', null],
    ['/explore', null],
    ['/search?q=x', null],
    ['/bad-handle', null],
    ['https://t.co/xyz', null],
  ])('profile link %s', (href, expected) => {
    expect(parseProfileHref(href, base)).toBe(expected);
  });

  it('reads a profile link the same when asked again, after another link or on another page', () => {
    const asked: (string | null)[] = [];
    for (const href of ['/lorenawillis', '/lorenawillis', '/explore', '/lorenawillis', '/i/flow']) {
      asked.push(parseProfileHref(href, base));
    }
    expect(asked).toEqual(['lorenawillis', 'lorenawillis', null, 'lorenawillis', null]);
    // A relative link without a slash resolves against the page: a profile on one, not another.
    expect(parseProfileHref('mei_t', 'https://x.com/')).toBe('mei_t');
    expect(parseProfileHref('mei_t', 'https://x.com/home/')).toBeNull();
  });
});
