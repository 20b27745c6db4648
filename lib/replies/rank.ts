import type { LifeEventKind } from '../db/types';
import type { Reading } from '../reading/classify';
import type { ReplyTemplate } from './defaults';

/** Why a template was offered, for the agent to see (the panel words each kind). */
export type RankReason =
  | { kind: 'intent'; intent: string }
  | { kind: 'lifeEvent'; event: LifeEventKind }
  | { kind: 'tone'; tone: ReplyTemplate['tone']; sentiment: Reading['sentiment'] }
  | { kind: 'personal'; details: number }
  | { kind: 'learned'; uses: number };

export interface Ranked {
  template: ReplyTemplate;
  score: number;
  reasons: RankReason[];
}

/** Life events under which nothing upbeat or selling is offered. */
const SAD: ReadonlySet<LifeEventKind> = new Set([
  'pet_loss',
  'bereavement',
  'illness',
  'job_loss',
  'divorced',
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
  const ranked: Ranked[] = [];
  templates.forEach((template, index) => {
    if (!usable(template)) return;
    if (sad && template.cheerful) return;
    const reasons: RankReason[] = [];
    let score = -index * 0.01;
    const event = template.lifeEvents?.find((e) => reading.lifeEvents.includes(e));
    if (event) {
      score += 10;
      reasons.push({ kind: 'lifeEvent', event });
    } else if (template.lifeEvents?.length) return;
    const intents = template.intents.filter((i) => reading.intents.includes(i as Reading['intents'][number]));
    if (intents.length) {
      score += 3 + intents.length;
      reasons.push({ kind: 'intent', intent: intents[0]! });
    }
    const fits =
      (reading.sentiment === 'negative' &&
        (template.tone === 'apologetic' || template.tone === 'formal' || template.tone === 'gentle')) ||
      (reading.sentiment !== 'negative' && template.tone === 'warm');
    if (fits) {
      score += template.tone === 'apologetic' ? 2 : 1;
      reasons.push({ kind: 'tone', tone: template.tone, sentiment: reading.sentiment });
    }
    if (template.requires.length) {
      score += template.requires.length;
      reasons.push({ kind: 'personal', details: template.requires.length });
    }
    // The agent's own choices for posts like this one: only templates that fit it at all learn.
    const { bonus, uses } = learned(template.id);
    if (bonus && (intents.length || event)) {
      score += bonus;
      reasons.push({ kind: 'learned', uses });
    }
    ranked.push({ template, score, reasons });
  });
  return ranked.sort((a, b) => b.score - a.score);
}
