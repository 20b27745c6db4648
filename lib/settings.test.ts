import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem, settingsReader } from './settings';

describe('the settings as the worker reads them', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are read once, and again after they change in any page', async () => {
    const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
    const read = settingsReader();
    expect((await read()).brandHandles).toEqual(DEFAULT_SETTINGS.brandHandles);
    await read();
    await read();
    expect(gets).toHaveBeenCalledTimes(1);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, brandHandles: ['hearthandco'] });
    expect((await read()).brandHandles).toEqual(['hearthandco']);
    // Another page's write reaches the worker as a storage change.
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, agentName: 'Sam' } });
    expect((await read()).agentName).toBe('Sam');
    expect(gets).toHaveBeenCalledTimes(3);
  });
});
