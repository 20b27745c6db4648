import type { Customer, TemplateLearning } from '../db/types';
import type { SocialPost } from '../post';
import type { Settings } from '../settings';
import { classify, postLanguage, writtenIn, type Reading } from '../reading/classify';
import { groundIn, type Grounding, type ThreadPost } from './grounding';
import { learnedBonus, learningKey } from './learning';
import { DEFAULT_TEMPLATES, type ReplyTemplate } from './defaults';
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

/**
 * The language to answer in: the post's own (as the page tags it, unless its letters say
 * otherwise), else its alphabet's, else the customer's, else English. A Russian post from a
 * customer whose profile says English is answered in Russian.
 */
export function replyLanguage(post: Pick<SocialPost, 'lang' | 'text'>, customer: Customer | null): string {
  const candidates = [postLanguage(post.text, post.lang), writtenIn(post.text), customer?.language];
  for (const lang of candidates) {
    const base = lang?.toLowerCase().split('-')[0];
    if (base && SUPPORTED.includes(base)) return base;
  }
  return 'en';
}

export interface SuggestInput {
  post: Pick<SocialPost, 'author' | 'lang' | 'text'>;
  /** The other posts visible under it, oldest first: the customer's and the brand's replies. */
  thread?: readonly ThreadPost[];
  customer: Customer | null;
  settings: Pick<Settings, 'agentName' | 'brandName' | 'brandHandles'>;
  now?: number;
  templates?: readonly ReplyTemplate[];
  reading?: Reading;
  learning?: readonly TemplateLearning[];
  limit?: number;
}

/**
 * The best replies for a post: templates in the reply language, ranked for what the post says
 * (intents, mood, life events) and filled from what the post, its thread and the profile ground:
 * the item the post is about, the order number already given, the brand's earlier answers.
 */
export function suggestReplies(input: SuggestInput): Suggestion[] {
  const { templates = DEFAULT_TEMPLATES } = input;
  const { reading, language, grounding, values } = replyContext(input);
  const has = (variable: string) => values[variable] !== undefined && String(values[variable]).trim() !== '';
  // What the agent chose before for posts that want the same thing as this one.
  const byKey = new Map((input.learning ?? []).map((l) => [l.key, l]));
  const learned = (id: string) => {
    const l = byKey.get(learningKey(id, reading.intents[0] ?? 'other'));
    return { bonus: learnedBonus(l), uses: (l?.picks ?? 0) + (l?.edits ?? 0) };
  };
  const ranked = rankTemplates(
    reading,
    templates,
    (t) => t.language === language && t.requires.every(has) && !(t.unless ?? []).some(has),
    learned,
  );
  return ranked.slice(0, input.limit ?? SHOWN).map(({ template: t, reasons }) => ({
    templateId: t.id,
    name: t.name,
    language,
    reasons: [...groundedReasons(t, grounding), ...reasons],
    text: render(t.body, values, KNOWN_VARIABLES).text,
  }));
}

/** What a reply to this post rests on: how it was read, its language, what grounds it, the values. */
export function replyContext(input: SuggestInput) {
  const { post, customer, settings, thread = [] } = input;
  const reading = input.reading ?? classify(post.text, post.lang);
  const language = replyLanguage(post, customer);
  const grounding = groundIn({
    post,
    thread,
    customer,
    brandHandles: settings.brandHandles,
    aboutDelivery: reading.intents.includes('order_status'),
  });
  const values = templateValues(post, customer, settings, grounding, language, input.now);
  return { reading, language, grounding, values };
}

/** What the template rests on, in the words the panel shows ("mentions the kettle from order …"). */
function groundedReasons(template: ReplyTemplate, grounding: Grounding): RankReason[] {
  const uses = (variable: string) => template.body.includes(variable);
  const reasons: RankReason[] = [];
  if (uses('order.item') && grounding.item && grounding.order)
    reasons.push({ kind: 'product', item: grounding.item, orderId: grounding.order.id });
  if (uses('given.orderId') && grounding.givenOrderId)
    reasons.push({ kind: 'given', what: 'order', value: grounding.givenOrderId });
  if (uses('order.status') && grounding.order?.status)
    reasons.push({ kind: 'status', orderId: grounding.order.id, status: grounding.order.status });
  else if (uses('order.id') && !uses('order.item') && grounding.order && grounding.orderBy === 'latest')
    reasons.push({ kind: 'latestOrder', orderId: grounding.order.id });
  if (template.requires.includes('customer.orders')) reasons.push({ kind: 'knownOrders' });
  return reasons;
}

/** The reply that moves the conversation to private messages: what to offer instead of details in public. */
export function privateInvite(
  post: Pick<SocialPost, 'author' | 'lang' | 'text'>,
  customer: Customer | null,
  settings: Pick<Settings, 'agentName' | 'brandName' | 'brandHandles'>,
  templates: readonly ReplyTemplate[],
): Suggestion | null {
  const language = replyLanguage(post, customer);
  const template =
    templates.find((t) => t.id === `${language}-dm-invite`) ??
    templates.find((t) => t.language === language && /dm-invite/.test(t.id));
  if (!template) return null;
  const grounding = groundIn({
    post,
    thread: [],
    customer,
    brandHandles: settings.brandHandles,
    aboutDelivery: false,
  });
  const values = templateValues(post, customer, settings, grounding, language);
  return {
    templateId: template.id,
    name: template.name,
    language,
    reasons: [],
    text: render(template.body, values, KNOWN_VARIABLES).text,
  };
}
