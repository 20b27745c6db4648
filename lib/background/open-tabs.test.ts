import { describe, expect, it } from 'vitest';
import { injectIntoOpenTabs, type InjectApi } from './open-tabs';

describe('content scripts for tabs opened before install', () => {
  it('puts each declared script into the open tabs it matches, skipping discarded and refusing tabs', async () => {
    const calls: [number, string[]][] = [];
    const api: InjectApi = {
      manifest: () => ({
        content_scripts: [
          { matches: ['https://x.com/*'], js: ['content-scripts/x.js'] },
          { matches: ['https://www.facebook.com/*'], js: ['content-scripts/facebook.js'] },
          { matches: ['https://example.com/*'] },
        ],
      }),
      query: async (urls) =>
        urls[0]!.includes('x.com') ? [{ id: 1 }, { id: 2, discarded: true }, {}] : [{ id: 3 }, { id: 4 }],
      inject: async (tabId, files) => {
        if (tabId === 4) throw new Error('Cannot access contents of the page');
        calls.push([tabId, files]);
      },
    };
    expect(await injectIntoOpenTabs(api)).toBe(2);
    expect(calls).toEqual([
      [1, ['content-scripts/x.js']],
      [3, ['content-scripts/facebook.js']],
    ]);
  });
});
