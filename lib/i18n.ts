import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

type Messages = typeof messages;
export type MessageKey = keyof Messages;

/** A UI string in the browser's language (English and Russian ship), with $PLACEHOLDERS$ filled. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const get = browser.i18n.getMessage as (name: string, subs?: string[]) => string;
  return get(key, substitutions.map(String)) || key;
}

export function tierLabel(tier: string): string {
  const label = t(`tier_${tier}` as MessageKey);
  return label.startsWith('tier_') ? tier : label;
}
