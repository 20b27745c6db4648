import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

type Messages = typeof messages;
export type MessageKey = keyof Messages;

/**
 * A UI string in the browser's language (English and Russian ship), with $PLACEHOLDERS$ filled;
 * numbers are written as that language writes them ("100,000", "100 000").
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const get = browser.i18n.getMessage as (name: string, subs?: string[]) => string;
  return (
    get(
      key,
      substitutions.map((s) => (typeof s === 'number' ? formatNumber(s) : s)),
    ) || key
  );
}

let numbers: Intl.NumberFormat | null = null;

/** A number in the UI language's digits and separators, at most one decimal. */
export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat(browser.i18n.getUILanguage(), { maximumFractionDigits: 1 });
  return numbers.format(value);
}

const durations = new Map<string, Intl.NumberFormat>();

/** A span of time as "3 minutes", "40 seconds", in the UI language; one formatter per unit, made once. */
export function formatDuration(seconds: number): string {
  const [value, unit] =
    seconds < 90
      ? [Math.max(1, Math.round(seconds)), 'second']
      : seconds < 5400
        ? [Math.round(seconds / 60), 'minute']
        : [Math.round(seconds / 3600), 'hour'];
  let format = durations.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(browser.i18n.getUILanguage(), {
      style: 'unit',
      unit,
      unitDisplay: 'long',
    });
    durations.set(unit, format);
  }
  return format.format(value);
}

export function tierLabel(tier: string): string {
  const label = t(`tier_${tier}` as MessageKey);
  return label.startsWith('tier_') ? tier : label;
}
