import { mutate } from '@/lib/db/mutations';
import { t, tierLabel } from '@/lib/i18n';
import { accountLabel } from '@/lib/sites/lookup';
import type { PriorityReason } from '@/lib/queue/priority';
import { TierTag } from '../TierTag';
import type { QueueRow } from './useQueue';

const SNOOZE_MS = 60 * 60 * 1000;

function reasonText(reason: PriorityReason): string {
  switch (reason.kind) {
    case 'negative':
      return t('queueNegative');
    case 'complaint':
      return t('intent_complaint');
    case 'tier':
      return tierLabel(reason.tier);
    case 'waiting':
      return reason.overdue
        ? t('queueOverdue', reason.hours, reason.targetHours)
        : t('queueWaiting', reason.hours, reason.targetHours);
    case 'thread':
      return t('queueThreadReplies', reason.replies);
    case 'answered':
      return t('queueAnswered');
  }
}

/** The queue: who needs an answer first, why, and the agent's dismiss, snooze and replied. */
export function PostList({
  rows,
  selectedKey,
  onSelect,
}: {
  rows: QueueRow[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  return (
    <ul className="post-list" aria-label={t('panelPostsTitle')}>
      {rows.map(({ interaction: post, customer, priority }) => (
        <li key={post.key} className="queue-row">
          <button
            type="button"
            data-testid="post-item"
            data-key={post.key}
            aria-pressed={post.key === selectedKey}
            className={post.key === selectedKey ? 'post-item selected' : 'post-item'}
            onClick={() => onSelect(post.key)}
          >
            <span className="post-author">
              <strong>{customer?.name ?? post.author.displayName}</strong>
              <span className="muted"> {accountLabel(post.site, post.author)}</span>
              {post.kind !== 'post' && (
                <span className="muted"> · {t(post.kind === 'reply' ? 'kindReply' : 'kindComment')}</span>
              )}
              {customer ? (
                <TierTag tier={customer.tier} />
              ) : (
                <span className="tier tier-unknown">{t('badgeUnknown')}</span>
              )}
            </span>
            <span className="post-text">{post.text}</span>
            <span className="muted why" data-testid="queue-reasons">
              {priority.reasons.map(reasonText).join(' · ')}
            </span>
          </button>
          <span className="queue-actions">
            <button
              type="button"
              data-testid="queue-dismiss"
              title={t('queueDismiss')}
              onClick={() => void mutate('dismissPost', { key: post.key })}
            >
              {t('queueDismiss')}
            </button>
            <button
              type="button"
              data-testid="queue-snooze"
              title={t('queueSnooze')}
              onClick={() =>
                void mutate('snoozePost', {
                  key: post.key,
                  until: new Date(Date.now() + SNOOZE_MS).toISOString(),
                })
              }
            >
              {t('queueSnooze')}
            </button>
            {post.status !== 'replied' && (
              <button
                type="button"
                data-testid="queue-replied"
                title={t('queueReplied')}
                onClick={() => void mutate('markAnswered', { key: post.key })}
              >
                {t('queueReplied')}
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
