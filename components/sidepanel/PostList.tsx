import { useRef, type KeyboardEvent } from 'react';
import { formatSpan, t, tierLabel, timeAgo } from '@/lib/i18n';
import type { PostActivity } from '@/lib/messaging';
import { activityOf, type TeamView } from '@/lib/team/view';
import { WithContent } from '../Content';
import { detectLanguage } from '@/lib/reading/classify';
import { accountLabel } from '@/lib/sites/lookup';
import type { PriorityReason } from '@/lib/queue/priority';
import { TierTag } from '../TierTag';
import { QUEUE_ID, QUEUE_KEYS, queueAction, type QueueAction } from './triage';
import type { QueueRow } from './useQueue';

function reasonText(reason: PriorityReason): string {
  switch (reason.kind) {
    case 'negative':
      return t('queueNegative');
    case 'complaint':
      return t('intent_complaint');
    case 'tier':
      return tierLabel(reason.tier);
    case 'waiting': {
      if (reason.hours === null) return t('queueWaitUnknown');
      const target = formatSpan(reason.targetHours);
      return t(reason.overdue ? 'queueOverdue' : 'queueWaiting', formatSpan(reason.hours), target);
    }
    case 'inserted':
      return t('queueInserted');
    case 'thread':
      return t('queueThreadReplies', reason.replies);
    case 'answered':
      return t('queueAnswered');
  }
}

/** "Anna is replying" or "Answered by Anna, 3 minutes ago", under a post in a team's queue. */
function TeamActivity({ activity }: { activity: PostActivity | undefined }) {
  if (!activity) return null;
  const { kind, agent, at } = activity;
  return (
    <span
      className={kind === 'replying' ? 'team-activity replying' : 'team-activity'}
      data-testid="team-activity"
    >
      <WithContent
        message={(name) =>
          kind === 'replying'
            ? t('teamActivityReplying', name!)
            : t('teamActivityAnswered', name!, at ? timeAgo(at) : '')
        }
        content={agent}
      />
    </span>
  );
}

const optionId = (key: string) => `queue-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The queue: who needs an answer first, and why. A listbox with one tab stop: the arrow keys,
 * Home and End choose a post; Enter goes to its first suggestion; D, S and R dismiss, snooze and
 * mark it replied, and I inserts its first suggestion.
 */
export function PostList({
  rows,
  selectedKey,
  onSelect,
  team,
}: {
  rows: QueueRow[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  team: TeamView;
}) {
  const inTeam = team.status.state !== 'off';
  const list = useRef<HTMLUListElement>(null);
  const pointer = useRef(false);
  const index = rows.findIndex((r) => r.interaction.key === selectedKey);

  const choose = (i: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!row) return;
    onSelect(row.interaction.key);
    list.current?.querySelector(`#${optionId(row.interaction.key)}`)?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => choose(index + 1),
      ArrowUp: () => choose(index < 0 ? 0 : index - 1),
      Home: () => choose(0),
      End: () => choose(rows.length - 1),
      Enter: () => firstInsert()?.focus(),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
      return;
    }
    // By the key's place, not its letter: D is D on a Russian layout too.
    const action = (Object.keys(QUEUE_KEYS) as QueueAction[]).find(
      (a) => `Key${QUEUE_KEYS[a]}` === event.code,
    );
    const row = rows[index];
    if (!action || !row) return;
    event.preventDefault();
    if (action === 'insert') firstInsert()?.click();
    else void queueAction(action, row.interaction);
  };

  return (
    <ul
      ref={list}
      id={QUEUE_ID}
      className="post-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('panelPostsTitle')}
      aria-activedescendant={index >= 0 ? optionId(rows[index]!.interaction.key) : undefined}
      aria-keyshortcuts="ArrowUp ArrowDown Home End Enter D S R I"
      onKeyDown={onKeyDown}
      // Tabbing in chooses the first post; a click chooses its own (no scroll under the pointer).
      onPointerDown={() => (pointer.current = true)}
      onFocus={() => {
        if (!pointer.current && index < 0) choose(0);
        pointer.current = false;
      }}
    >
      {rows.map(({ interaction: post, customer, priority }) => (
        <li
          key={post.key}
          id={optionId(post.key)}
          role="option"
          aria-selected={post.key === selectedKey}
          data-testid="post-item"
          data-key={post.key}
          className={post.key === selectedKey ? 'queue-row post-item selected' : 'queue-row post-item'}
          onClick={() => onSelect(post.key)}
        >
          <span className="post-author">
            <strong translate="no">{customer?.name ?? post.author.displayName}</strong>
            <span className="muted" translate="no">
              {' '}
              {accountLabel(post.site, post.author)}
            </span>
            {post.kind !== 'post' && (
              <span className="muted"> · {t(post.kind === 'reply' ? 'kindReply' : 'kindComment')}</span>
            )}
            {customer ? (
              <TierTag tier={customer.tier} />
            ) : (
              <span className="tier tier-unknown">{t('badgeUnknown')}</span>
            )}
          </span>
          <span className="post-text" lang={detectLanguage(post.text, post.lang)}>
            {post.text}
          </span>
          <span className="muted why" data-testid="queue-reasons">
            {priority.reasons.map(reasonText).join(' · ')}
          </span>
          {inTeam && (
            <TeamActivity
              activity={activityOf({ claims: team.claims, me: team.status.agentId }, post, post.key)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The selected post's first Insert button, where Enter in the queue goes. */
function firstInsert(): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(
    '[data-testid="post-detail"] [data-testid="insert-reply"]',
  );
}
