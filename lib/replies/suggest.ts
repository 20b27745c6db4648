import type { Customer, TemplateLearning } from '../db/types';
import type { SocialPost } from '../post';
import type { Settings } from '../settings';
import { classify, type Reading } from '../reading/classify';
import { learnedBonus, learningKey } from './learning';
import type { ReplyTemplate } from './defaults';
import { rankTemplates, type RankReason } from './rank';
import { render } from './template';
import { KNOWN_VARIABLES, templateValues } from './values';

export interface Suggestion {
  templateId: string;
  name: string;
  text: string;
  language: string;
  reasons: RankReason[];
}

/** How many suggestions the panel shows: the best few, not the whole catalogue. */
export const SHOWN = 3;

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
 * The best replies for a post: templates in the reply language, ranked for what the post says
 * (intents, mood, life events) and what the profile knows, filled from it, each with why.
 */
export function suggestReplies(
  post: Pick<SocialPost, 'author' | 'lang' | 'text'>,
  customer: Customer | null,
  settings: Pick<Settings, 'agentName' | 'brandName'>,
  templates: readonly ReplyTemplate[],
  now = Date.now(),
  reading: Reading = classify(post.text, post.lang),
  learning: readonly TemplateLearning[] = [],
  limit = SHOWN,
): Suggestion[] {
  const language = replyLanguage(post, customer);
  const values = templateValues(post, customer, settings, now);
  const has = (variable: string) => values[variable] !== undefined && String(values[variable]).trim() !== '';
  // What the agent chose before for posts that want the same thing as this one.
  const byKey = new Map(learning.map((l) => [l.key, l]));
  const learned = (id: string) => {
    const l = byKey.get(learningKey(id, reading.intents[0] ?? 'other'));
    return { bonus: learnedBonus(l), uses: (l?.picks ?? 0) + (l?.edits ?? 0) };
  };
  const ranked = rankTemplates(
    reading,
    templates,
    (t) => t.language === language && t.requires.every(has),
    learned,
  );
  return ranked.slice(0, limit).map(({ template: t, reasons }) => ({
    templateId: t.id,
    name: t.name,
    language,
    reasons,
    text: render(t.body, values, KNOWN_VARIABLES).text,
  }));
}

/** The reply that moves the conversation to private messages: what to offer instead of details in public. */
export function privateInvite(
  post: Pick<SocialPost, 'author' | 'lang' | 'text'>,
  customer: Customer | null,
  settings: Pick<Settings, 'agentName' | 'brandName'>,
  templates: readonly ReplyTemplate[],
): Suggestion | null {
  const language = replyLanguage(post, customer);
  const template =
    templates.find((t) => t.id === `${language}-dm-invite`) ??
    templates.find((t) => t.language === language && /dm-invite/.test(t.id));
  if (!template) return null;
  const values = templateValues(post, customer, settings);
  return {
    templateId: template.id,
    name: template.name,
    language,
    reasons: [],
    text: render(template.body, values, KNOWN_VARIABLES).text,
  };
}
