import type { Customer } from '../db/types';
import type { SocialPost } from '../model';
import type { Settings } from '../settings';
import type { ReplyTemplate } from './defaults';
import { render } from './template';
import { KNOWN_VARIABLES, templateValues } from './values';

export interface Suggestion {
  templateId: string;
  name: string;
  text: string;
  language: string;
}

const SUPPORTED = ['en', 'ru'];

/** The language to answer in: the post's own, else the customer's, else English. */
export function replyLanguage(post: Pick<SocialPost, 'lang' | 'text'>, customer: Customer | null): string {
  const candidates = [post.lang, /[а-яё]/i.test(post.text) ? 'ru' : undefined, customer?.language];
  for (const lang of candidates) {
    const base = lang?.toLowerCase().split('-')[0];
    if (base && SUPPORTED.includes(base)) return base;
  }
  return 'en';
}

/**
 * Replies for a post, most personal first: templates in the reply language whose required
 * details the profile has, filled from it.
 */
export function suggestReplies(
  post: Pick<SocialPost, 'author' | 'lang' | 'text'>,
  customer: Customer | null,
  settings: Pick<Settings, 'agentName' | 'brandName'>,
  templates: readonly ReplyTemplate[],
  now = Date.now(),
): Suggestion[] {
  const language = replyLanguage(post, customer);
  const values = templateValues(post, customer, settings, now);
  const has = (variable: string) => values[variable] !== undefined && String(values[variable]).trim() !== '';
  const usable = templates.filter((t) => t.language === language && t.requires.every(has));
  // Templates that use more of what we know about the customer come first.
  const ranked = usable
    .map((t, index) => ({ t, index, personal: t.requires.length }))
    .sort((a, b) => b.personal - a.personal || a.index - b.index);
  return ranked.map(({ t }) => ({
    templateId: t.id,
    name: t.name,
    language,
    text: render(t.body, values, KNOWN_VARIABLES).text,
  }));
}
