import { mutate } from '@/lib/db/mutations';
import type { Interaction } from '@/lib/db/types';

const SNOOZE_MS = 60 * 60 * 1000;

/** The queue's element id: where focus goes back to after an Insert. */
export const QUEUE_ID = 'queue';

export type QueueAction = 'insert' | 'dismiss' | 'snooze' | 'replied';

/** The keys that do each in the queue, shown in the buttons' titles. */
export const QUEUE_KEYS: Record<QueueAction, string> = {
  insert: 'I',
  dismiss: 'D',
  snooze: 'S',
  replied: 'R',
};

/** What the agent's Dismiss, Snooze and Replied write. */
export function queueAction(action: Exclude<QueueAction, 'insert'>, post: Pick<Interaction, 'key'>) {
  switch (action) {
    case 'dismiss':
      return mutate('dismissPost', { key: post.key });
    case 'snooze':
      return mutate('snoozePost', { key: post.key, until: new Date(Date.now() + SNOOZE_MS).toISOString() });
    case 'replied':
      return mutate('markAnswered', { key: post.key });
  }
}
