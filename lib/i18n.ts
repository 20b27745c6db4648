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

/** The browser's UI language ("ru", "en-US"). */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

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

let relative: Intl.RelativeTimeFormat | null = null;

/** How long ago a time was, as the UI language says it: "now", "3 minutes ago", "yesterday". */
export function timeAgo(iso: string, now = Date.now()): string {
  relative ??= new Intl.RelativeTimeFormat(browser.i18n.getUILanguage(), { numeric: 'auto' });
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (!Number.isFinite(minutes) || minutes < 1) return relative.format(0, 'second');
  if (minutes < 90) return relative.format(-minutes, 'minute');
  if (minutes < 36 * 60) return relative.format(-Math.round(minutes / 60), 'hour');
  return relative.format(-Math.round(minutes / 1440), 'day');
}

/**
 * The UI's word for a value the data holds, when the UI knows it ("delivered" → "доставлен"):
 * a preference's name, an order's or a post's status. Null for a word of the customer's own.
 */
export function labelOf(kind: 'pref' | 'orderStatus' | 'status', value: string): string | null {
  const name = `${kind}_${value
    .trim()
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[\s-]+/g, '_')}`;
  if (!/^[a-zA-Z]+_[a-z0-9_]+$/.test(name)) return null;
  const label = t(name as MessageKey);
  return label === name ? null : label;
}

let languages: Intl.DisplayNames | null = null;

/** A language's name in the UI's language ("en" → "английский"); the code when the browser has no name. */
export function languageName(code: string): string {
  languages ??= new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'language', fallback: 'code' });
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

export function tierLabel(tier: string): string {
  const label = t(`tier_${tier}` as MessageKey);
  return label.startsWith('tier_') ? tier : label;
}

/**
 * A wait as people say it: "45 min", "5 h 10 min", "3 d 4 h"; the smaller unit left out when it
 * is zero, or when the larger one is big enough that it no longer matters.
 */
export function spanParts(hours: number): [unit: 'd' | 'h' | 'min', value: number][] {
  const minutes = Math.max(0, Math.round(hours * 60));
  if (minutes < 60) return [['min', minutes]];
  const h = Math.floor(minutes / 60);
  if (h < 24) {
    const m = minutes % 60;
    return m && h < 10
      ? [
          ['h', h],
          ['min', m],
        ]
      : [['h', h]];
  }
  const d = Math.floor(h / 24);
  const rest = h % 24;
  return rest && d < 30
    ? [
        ['d', d],
        ['h', rest],
      ]
    : [['d', d]];
}

/** A wait in the UI language ("3 d 4 h", "3 д 4 ч"). */
export function formatSpan(hours: number): string {
  return spanParts(hours)
    .map(([unit, value]) => t(`span_${unit}`, value))
    .join(' ');
}
