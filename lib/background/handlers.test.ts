import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newCustomer } from '../db/customers';
import { identityFrom } from '../db/identity';
import { mutate } from '../db/mutations';
import { ConciergeDb } from '../db/schema';
import type { PostMatch, SenderLike } from '../messaging';
import { handleCustomersChanged, handlePostsSeen, type HandlerDeps } from './handlers';
import { DEFAULT_SETTINGS, settingsItem, settingsReader } from '../settings';
import { tabPostsItem, tabPostsStore } from './tab-posts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const tab = (id: number): SenderLike => ({
  id: EXTENSION_ID,
  url: 'https://x.com/home',
  tab: { id, url: 'https://x.com/home' },
});
const OPTIONS: SenderLike = { id: EXTENSION_ID, url: `${ORIGIN}options.html` };

const post = (id: string, handle: string) => ({
  site: 'x',
  id,
  url: `https://x.com/${handle}/status/${id}`,
  kind: 'post',
  author: { handle, displayName: handle, profileUrl: `https://x.com/${handle}` },
  text: 'Where is my parcel?',
});

describe('badges after customers change', () => {
  let database: ConciergeDb;
  let sent: { tabId: number; labels: PostMatch[] }[];
  let deps: HandlerDeps;

  beforeEach(() => {
    fakeBrowser.reset();
    database = new ConciergeDb(`handlers-${crypto.randomUUID()}`);
    sent = [];
    deps = {
      tabs: tabPostsStore(),
      settings: settingsReader(),
      database,
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      sendLabels: async (tabId, labels) => void sent.push({ tabId, labels }),
    };
  });

  it('match every open tab’s posts anew, tell each tab its labels, and name the customer to the panel', async () => {
    const first = await handlePostsSeen(
      deps,
      { pageUrl: 'https://x.com/home', posts: [post('101', 'ada_b'), post('102', 'bo_c')] },
      tab(7),
    );
    await handlePostsSeen(deps, { pageUrl: 'https://x.com/home', posts: [post('201', 'ada_b')] }, tab(8));
    expect(first.map((m) => m.customer)).toEqual([null, null]);

    // An agent adds Ada in the options page.
    const ada = newCustomer({
      name: 'Ada Byron',
      tier: 'vip',
      identities: [identityFrom('x', 'ada_b', 'manual')],
    });
    await mutate('addCustomer', { customer: ada }, database);
    await handleCustomersChanged(deps, undefined, OPTIONS);

    const named = { id: ada.id, name: 'Ada Byron', tier: 'vip' };
    expect(sent.toSorted((a, b) => a.tabId - b.tabId)).toEqual([
      {
        tabId: 7,
        // Newest first, as the tab keeps them.
        labels: [
          { key: 'x:102', postId: '102', customer: null },
          { key: 'x:101', postId: '101', customer: named },
        ],
      },
      { tabId: 8, labels: [{ key: 'x:201', postId: '201', customer: named }] },
    ]);
    await deps.tabs.written();
    const map = await tabPostsItem.getValue();
    expect(map[7]?.customers).toEqual({ 'x:101': ada.id });
    expect(map[8]?.customers).toEqual({ 'x:201': ada.id });

    // Renamed, then deleted: the badges follow each time.
    await mutate('saveCustomer', { customer: { ...ada, name: 'Ada Lovelace' } }, database);
    sent = [];
    await handleCustomersChanged(deps, undefined, OPTIONS);
    expect(sent.find((s) => s.tabId === 8)?.labels[0]?.customer?.name).toBe('Ada Lovelace');
    await mutate('deleteCustomer', { id: ada.id }, database);
    sent = [];
    await handleCustomersChanged(deps, undefined, OPTIONS);
    expect(sent.flatMap((s) => s.labels.map((l) => l.customer))).toEqual([null, null, null]);
    await deps.tabs.written();
    expect((await tabPostsItem.getValue())[7]?.customers).toEqual({});
  });

  it("labels the brand's own posts and ads as such, however the brand's account was typed, before and after a change", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, brandHandles: ['https://x.com/HearthAndCo'] });
    const answer = await handlePostsSeen(
      deps,
      {
        pageUrl: 'https://x.com/home',
        posts: [
          post('301', 'hearthandco'),
          { ...post('302', 'shiny'), promoted: true },
          post('303', 'ada_b'),
        ],
      },
      tab(7),
    );
    expect(answer.map((m) => m.own)).toEqual(['brand', 'ad', undefined]);
    await handleCustomersChanged(deps, undefined, OPTIONS);
    const own = new Map(sent[0]!.labels.map((m) => [m.key, m.own]));
    expect([own.get('x:301'), own.get('x:302'), own.get('x:303')]).toEqual(['brand', 'ad', undefined]);
  });

  it('a tab that went away is skipped, the others are still told', async () => {
    await handlePostsSeen(deps, { pageUrl: 'https://x.com/home', posts: [post('101', 'ada_b')] }, tab(7));
    await handlePostsSeen(deps, { pageUrl: 'https://x.com/home', posts: [post('201', 'ada_b')] }, tab(8));
    deps.sendLabels = async (tabId, labels) => {
      if (tabId === 7) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push({ tabId, labels });
    };
    await handleCustomersChanged(deps, undefined, OPTIONS);
    expect(sent.map((s) => s.tabId)).toEqual([8]);
  });
});
