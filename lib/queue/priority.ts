import type { Customer, Interaction } from '../db/types';
import type { Settings } from '../settings';
import type { Reading } from '../reading/classify';

export type PriorityReason =
  | { kind: 'negative' }
  | { kind: 'complaint' }
  | { kind: 'tier'; tier: string }
  /** Hours null: the page did not show when the post was written. */
  | { kind: 'waiting'; hours: number | null; targetHours: number; overdue: boolean }
  | { kind: 'inserted' }
  | { kind: 'thread'; replies: number }
  | { kind: 'answered' };

export interface Priority {
  score: number;
  reasons: PriorityReason[];
}

const HOUR = 3_600_000;

/**
 * How soon a post needs an answer: an unhappy customer, a complaint, a VIP, and time waited
 * against the response target (from the post's own time when the page shows it) push it up;
 * replies by others in its thread take it down a little (somebody has spoken; the customer is not
 * alone), and a post the brand answered goes to the bottom. Each part that counts is a reason.
 */
export function priorityOf(
  post: Pick<Interaction, 'createdAt' | 'seenAt' | 'status' | 'threadReplies'> &
    Partial<Pick<Interaction, 'replies'>>,
  customer: Pick<Customer, 'tier'> | null,
  reading: Pick<Reading, 'sentiment' | 'intents' | 'urgency'>,
  settings: Pick<Settings, 'responseTargetHours'>,
  now = Date.now(),
): Priority {
  const reasons: PriorityReason[] = [];
  let score = reading.urgency * 20;
  if (reading.sentiment === 'negative') {
    score += 30;
    reasons.push({ kind: 'negative' });
  }
  if (reading.intents.includes('complaint')) {
    score += 20;
    reasons.push({ kind: 'complaint' });
  }
  if (customer?.tier === 'vip' || customer?.tier === 'gold') {
    score += customer.tier === 'vip' ? 25 : 10;
    reasons.push({ kind: 'tier', tier: customer.tier });
  }
  // Without the post's own time, the time it was first seen still ranks it, as at least that long.
  const known = post.createdAt !== undefined && Number.isFinite(Date.parse(post.createdAt));
  const since = Date.parse(known ? post.createdAt! : post.seenAt);
  const hours = Number.isFinite(since) ? Math.max(0, (now - since) / HOUR) : 0;
  const target = Math.max(1, settings.responseTargetHours);
  score += Math.min(40, (hours / target) * 20);
  reasons.push({
    kind: 'waiting',
    hours: known ? hours : null,
    targetHours: target,
    overdue: known && hours >= target,
  });
  const replies = post.threadReplies?.length ?? 0;
  if (replies && post.status !== 'replied') {
    score -= 15;
    reasons.push({ kind: 'thread', replies });
  }
  // A reply is in the site's box: the agent is on it, and it has not been seen sent yet.
  if (post.status !== 'replied' && post.replies?.length) {
    score -= 60;
    reasons.push({ kind: 'inserted' });
  }
  if (post.status === 'replied') {
    score -= 200;
    reasons.push({ kind: 'answered' });
  }
  return { score, reasons };
}

/** Posts still in the queue: not dismissed, not snoozed. */
export function inQueue(post: Pick<Interaction, 'status' | 'snoozedUntil'>, now = Date.now()): boolean {
  if (post.status === 'dismissed') return false;
  return !post.snoozedUntil || Date.parse(post.snoozedUntil) <= now;
}
