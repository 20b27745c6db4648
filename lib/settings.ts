import { storage } from 'wxt/utils/storage';
import { DEFAULT_TIER_WORDS, type TierWords } from './import/tiers';

export interface Settings {
  /** Signs replies ("{{agent.name}}"). */
  agentName: string;
  /** The business the agent answers for ("{{brand.name}}"). */
  brandName: string;
  /** The brand's own handles; their posts are not customer posts. */
  brandHandles: string[];
  /** Response-time target in hours. */
  responseTargetHours: number;
  /** A profile not updated for this many months is flagged as possibly out of date. */
  staleAfterMonths: number;
  /** How the brand speaks, in a few words, for replies drafted on the device. */
  brandVoice: string;
  /** The words the team's CRM uses for tiers, read by the import (lib/import/tiers.ts). */
  tierWords: TierWords;
}

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  brandName: '',
  brandHandles: [],
  responseTargetHours: 24,
  staleAfterMonths: 12,
  brandVoice: '',
  tierWords: DEFAULT_TIER_WORDS,
};

const MONTH = 30.44 * 86_400_000;

/** Whole months since a profile was last updated, when that is at least the setting; else null. */
export function staleMonths(
  updatedAt: string,
  settings: Pick<Settings, 'staleAfterMonths'>,
  now = Date.now(),
): number | null {
  const months = Math.floor((now - Date.parse(updatedAt)) / MONTH);
  return Number.isFinite(months) && months >= settings.staleAfterMonths ? months : null;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/**
 * The settings read once and again only after they change: the worker reads them for every batch
 * of posts a page shows, and a read is a trip to the browser's process.
 */
export function settingsReader(): () => Promise<Settings> {
  let held: Promise<Settings> | undefined;
  settingsItem.watch(() => {
    held = undefined;
  });
  return () =>
    (held ??= loadSettings().catch((error: unknown) => {
      held = undefined;
      throw error;
    }));
}
