import type { ConciergeDb } from '../db/schema';
import type { TemplateLearning } from '../db/types';

/** What one use is worth in ranking: an edit says more about what the agent wants than a pick. */
const PICK = 2;
const EDIT = 4;
const CAP = 8;

export const learningKey = (templateId: string, intent: string) => `${templateId}|${intent}`;

/** Records that the agent inserted a reply from this template for a post of this intent, edited or as offered. */
export async function recordUse(
  database: ConciergeDb,
  templateId: string,
  intent: string,
  edited: boolean,
  now = new Date().toISOString(),
): Promise<void> {
  const key = learningKey(templateId, intent);
  await database.transaction('rw', database.learning, async () => {
    const current = (await database.learning.get(key)) ?? {
      key,
      templateId,
      intent,
      picks: 0,
      edits: 0,
      lastUsedAt: now,
    };
    await database.learning.put({
      ...current,
      picks: current.picks + (edited ? 0 : 1),
      edits: current.edits + (edited ? 1 : 0),
      lastUsedAt: now,
    });
  });
}

/** The ranking bonus of a template from how the agent used it, capped so one habit cannot bury the rest. */
export function learnedBonus(learning: TemplateLearning | undefined): number {
  if (!learning) return 0;
  return Math.min(CAP, learning.picks * PICK + learning.edits * EDIT);
}
