import type { LifeEventKind } from '../db/types';
import type { Reading } from '../reading/classify';
import type { ReplyTemplate } from './defaults';

/** Why a template was offered, for the agent to see (the panel words each kind). */
export type RankReason =
  | { kind: 'intent'; intent: string }
  | { kind: 'lifeEvent'; event: LifeEventKind }
  | { kind: 'tone'; tone: ReplyTemplate['tone']; sentiment: Reading['sentiment'] }
  | { kind: 'learned'; uses: number }
  /** The post names this item of this order ("mentions the kettle from order HC-19007"). */
  | { kind: 'product'; item: string; orderId: string }
  /** The customer already gave the order number or e-mail in the post or the thread. */
  | { kind: 'given'; what: 'order' | 'email'; value: string }
  /** The order's status, for a question about where it is. */
  | { kind: 'status'; orderId: string; status: string }
  /** The customer's latest order, taken for a post about "my order" that names none. */
  | { kind: 'latestOrder'; orderId: string }
  /** The profile holds the customer's orders, so the reply asks for no number. */
  | { kind: 'knownOrders' };

export interface Ranked {
  template: ReplyTemplate;
  score: number;
  reasons: RankReason[];
  /** It answers an intent or a life event of the post, not only its mood or the profile. */
  answers: boolean;
}

/** Life events under which nothing upbeat or selling is offered. */
const SAD: ReadonlySet<LifeEventKind> = new Set([
  'pet_loss',
  'bereavement',
  'illness',
  'job_loss',
  'divorced',
]);

/** Intents that ask the brand to do something, beside a complaint or praise that only tells. */
const REQUESTS: ReadonlySet<Reading['intents'][number]> = new Set([
  'order_status',
  'return_refund',
  'purchase_intent',
]);

/**
 * Templates in the reply language, best first for this reading: a life event it was written
 * for, the intents it answers, a tone that suits the mood, and how much of the profile it uses.
 * Cheerful ones are left out under a loss; ones the profile cannot fill are left out always.
 */
export function rankTemplates(
  reading: Pick<Reading, 'sentiment' | 'intents' | 'lifeEvents'>,
  templates: readonly ReplyTemplate[],
  usable: (t: ReplyTemplate) => boolean,
  learned: (id: string) => { bonus: number; uses: number } = () => ({ bonus: 0, uses: 0 }),
): Ranked[] {
  const sad = reading.lifeEvents.some((e) => SAD.has(e));
  // Congratulations answer news, not a question, a purchase or a problem told beside it.
  const onlyNews = reading.intents.every((i) => i === 'praise' || i === 'other');
  // "How do I return it?" asks for a return: the question is how it is asked. Templates for
  // questions in general answer only posts that ask nothing more particular.
  const particular = reading.intents.filter((i) => i !== 'question');
  const asked = particular.length ? particular : reading.intents;
  const ranked: Ranked[] = [];
  templates.forEach((template, index) => {
    if (!usable(template)) return;
    // Nothing upbeat or selling under a loss, nor to someone who is unhappy.
    if (template.cheerful && (sad || reading.sentiment === 'negative')) return;
    if (template.lifeEvents?.length && template.cheerful && !onlyNews) return;
    const reasons: RankReason[] = [];
    let score = -index * 0.01;
    const event = template.lifeEvents?.find((e) => reading.lifeEvents.includes(e));
    if (event) {
      score += 10;
      reasons.push({ kind: 'lifeEvent', event });
    } else if (template.lifeEvents?.length) return;
    // Under a loss, beside the words written for it, only a reply about their order: no
    // "send us your order number" to someone whose cat died.
    else if (sad && !template.requires.some((r) => r.startsWith('order.') || r.startsWith('given.'))) return;
    const intents = template.intents.filter((i) => asked.includes(i as Reading['intents'][number]));
    if (intents.length) {
      // One answer counts once: a catch-all written for many intents gains nothing from breadth
      // over the template written for the one this post asks.
      // "I want to return it, not what I expected" asks for a return and complains beside it: the
      // reply that does what was asked comes before the one that only apologises.
      const request = intents.find((i) => REQUESTS.has(i as Reading['intents'][number]));
      score += request ? 6 : 4;
      reasons.push({ kind: 'intent', intent: request ?? intents[0]! });
    }
    const fits =
      (reading.sentiment === 'negative' &&
        (template.tone === 'apologetic' || template.tone === 'formal' || template.tone === 'gentle')) ||
      (reading.sentiment !== 'negative' && template.tone === 'warm');
    if (fits) {
      score += template.tone === 'apologetic' ? 2 : 1;
      reasons.push({ kind: 'tone', tone: template.tone, sentiment: reading.sentiment });
    }
    // The more of the post and the profile a template rests on, the more it says to this person.
    score += template.requires.length;
    // The agent's own choices for posts like this one: only templates that fit it at all learn.
    const { bonus, uses } = learned(template.id);
    if (bonus && (intents.length || event)) {
      score += bonus;
      reasons.push({ kind: 'learned', uses });
    }
    ranked.push({ template, score, reasons, answers: !!(intents.length || event) });
  });
  // A template that answers nothing the post asks is offered only when none does: a broken
  // microwave is not told its order's delivery status because the profile could fill it.
  const answering = ranked.filter((r) => r.answers);
  return (answering.length ? answering : ranked).sort((a, b) => b.score - a.score);
}
