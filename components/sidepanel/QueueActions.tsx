import type { Interaction } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { QUEUE_KEYS, queueAction } from './triage';

/** Dismiss, Snooze and Replied for the selected post, with the queue's keys in their titles. */
export function QueueActions({ post }: { post: Pick<Interaction, 'key' | 'status'> }) {
  const button = (action: 'dismiss' | 'snooze' | 'replied', label: string) => (
    <button
      type="button"
      data-testid={`queue-${action}`}
      title={t('shortcutTitle', label, QUEUE_KEYS[action])}
      aria-keyshortcuts={QUEUE_KEYS[action]}
      onClick={() => void queueAction(action, post)}
    >
      {label}
    </button>
  );
  return (
    <div className="queue-actions" role="group" aria-label={t('queueActions')}>
      {button('dismiss', t('queueDismiss'))}
      {button('snooze', t('queueSnooze'))}
      {post.status !== 'replied' && button('replied', t('queueReplied'))}
    </div>
  );
}
