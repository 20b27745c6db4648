/**
 * What the pages show of the team: the sync's status and the claims that hold, kept by the
 * service worker in session storage, where the side panel and the options page watch it.
 */
import { storage } from 'wxt/utils/storage';
import type { Interaction } from '../db/types';
import type { PostActivity } from '../messaging';
import type { Claim } from './protocol';
import type { TeamStatus } from './sync';

export interface TeamView {
  status: TeamStatus;
  claims: Claim[];
}

export const OUTSIDE_TEAM: TeamView = { status: { state: 'off', pending: 0 }, claims: [] };

export const teamViewItem = storage.defineItem<TeamView>('session:team', { fallback: OUTSIDE_TEAM });

/** The claim another agent holds on a post now, if any. */
export function heldByOther(view: TeamView, key: string, now = Date.now()): Claim | undefined {
  return othersClaim(view.claims, view.status.agentId, key, now);
}

function othersClaim(claims: readonly Claim[], me: string | undefined, key: string, now: number) {
  const claim = claims.find((c) => c.post === key);
  return claim && claim.agentId !== me && Date.parse(claim.until) > now ? claim : undefined;
}

/** Another agent replying now, or the post answered (by whom and when); nothing outside a team. */
export function activityOf(
  view: Pick<TeamView, 'claims'> & { me?: string },
  post: Pick<Interaction, 'status' | 'replies'> | undefined,
  key: string,
  now = Date.now(),
): PostActivity | undefined {
  const claim = othersClaim(view.claims, view.me, key, now);
  if (claim) return { kind: 'replying', agent: claim.agent };
  const reply = post?.replies.at(-1);
  if (post?.status === 'replied' && reply?.by) return { kind: 'answered', agent: reply.by, at: reply.at };
  return undefined;
}
