import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** Signs replies ("{{agent.name}}"). */
  agentName: string;
  /** The business the agent answers for ("{{brand.name}}"). */
  brandName: string;
  /** The brand's own handles; their posts are not customer posts. */
  brandHandles: string[];
  /** Response-time target in hours. */
  responseTargetHours: number;
}

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  brandName: '',
  brandHandles: [],
  responseTargetHours: 24,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}
