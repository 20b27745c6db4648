import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, type Settings } from '@/lib/settings';

export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return settingsItem.watch((value) => setSettings({ ...DEFAULT_SETTINGS, ...value }));
  }, []);
  return settings;
}
