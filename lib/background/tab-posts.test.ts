import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabPostsItem, tabPostsStore, type TabPostsMap } from './tab-posts';

/** Session storage, counting its writes; a write takes a few milliseconds, as a trip to the browser does. */
function counted() {
  const item = {
    writes: 0,
    getValue: () => tabPostsItem.getValue(),
    setValue: async (value: TabPostsMap) => {
      item.writes += 1;
      await new Promise((r) => setTimeout(r, 5));
      return tabPostsItem.setValue(value);
    },
  };
  return item;
}

const matched = (...keys: string[]) => new Map(keys.map((k) => [k, k.endsWith('1') ? 'c-1' : null]));

describe('the tabs’ posts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes a change at once and those made while it is written together; a new worker reads them back', async () => {
    const item = counted();
    const tabs = tabPostsStore(item);
    // A flood's batches, not waited for one by one, as the worker records them.
    const adds = Array.from({ length: 40 }, (_, i) =>
      tabs.add(7, 'https://x.com/home', matched(`x:${i * 2}`, `x:${i * 2 + 1}`), 1000 + i),
    );
    expect((await tabs.showing())[0]?.keys.slice(0, 3)).toEqual(['x:79', 'x:78', 'x:77']);
    await Promise.all(adds);
    // The first batch as it came, the other 39 in the one write after it.
    expect(item.writes).toBe(2);
    const stored = (await tabPostsItem.getValue())[7]!;
    expect(stored.keys).toHaveLength(80);
    expect(stored.customers?.['x:41']).toBe('c-1');
    expect(stored.updatedAt).toBe(1039);

    // The worker stopped and woke: its new copy is what was written.
    const again = tabPostsStore(counted());
    await again.select(7, 'x:3');
    expect((await tabPostsItem.getValue())[7]?.selected).toBe('x:3');
    await again.add(8, 'https://x.com/home', matched('x:500'));
    const map = await tabPostsItem.getValue();
    expect(map[7]?.selected).toBe('x:3');
    expect(map[7]?.keys).toHaveLength(80);
    expect(map[8]?.keys).toEqual(['x:500']);
  });

  it('keeps the newest 300 posts of a tab, each once, and forgets a closed tab', async () => {
    const tabs = tabPostsStore();
    await tabs.add(7, 'https://x.com/home', matched(...Array.from({ length: 350 }, (_, i) => `x:${i}`)));
    await tabs.add(7, 'https://x.com/home', matched('x:349', 'x:900'));
    const keys = (await tabPostsItem.getValue())[7]!.keys;
    expect(keys).toHaveLength(300);
    expect(keys.slice(0, 2)).toEqual(['x:900', 'x:349']);
    expect(new Set(keys).size).toBe(300);
    await tabs.forget(7);
    expect(await tabPostsItem.getValue()).toEqual({});
  });
});
