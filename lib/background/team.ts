/**
 * The service worker's part in a team: it runs the sync (lib/team/sync.ts), keeps the pages'
 * view of it (lib/team/view.ts) and the badges' "Anna is replying" up to date, and answers the
 * side panel's claims. Outside a team it starts nothing and sends nothing.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import {
  NothingSchema,
  parsePayload,
  PostKeyMessageSchema,
  type PostActivity,
  type SenderLike,
} from '../messaging';
import type { Interaction } from '../db/types';
import type { Claim } from '../team/protocol';
import { TeamSync, type ClaimOutcome } from '../team/sync';
import { activityOf, teamViewItem, type TeamView } from '../team/view';
import { fromPage, type HandlerDeps } from './handlers';

const ALARM = 'team-sync';

export interface Team {
  sync: TeamSync;
  /** Reads the link anew (after a join or a leave) and starts or stops the sync. */
  begin(): Promise<void>;
  /** Whether the agent is in a team now. */
  active(): boolean;
  /** What a badge says of a post's answering, in a team. */
  activity(post: Interaction | undefined, key: string): PostActivity | undefined;
}

export function startTeam(deps: HandlerDeps, relabel: () => Promise<void>): Team {
  let view: TeamView = { status: { state: 'off', pending: 0 }, claims: [] };
  let writing = Promise.resolve();
  const publish = (change: Partial<TeamView>) => {
    view = { ...view, ...change };
    const next = view;
    writing = writing.then(() => teamViewItem.setValue(next)).catch(() => undefined);
  };
  const sync = new TeamSync({
    database: deps.database,
    fetch: (input, init) => fetch(input, init),
    WebSocket,
    onStatus: (status) => publish({ status }),
    onClaims: (claims: Claim[]) => {
      publish({ claims });
      void relabel().catch(() => undefined);
    },
    onPulled: () => void relabel().catch(() => undefined),
  });

  // Changes queued by any page or the worker itself go out as soon as they are written.
  liveQuery(() => deps.database.outbox.count()).subscribe({
    next: (count) => {
      if (count) void sync.sync();
    },
    error: () => undefined,
  });
  // The live channel keeps the worker awake; if the browser stopped it anyway, this catches up.
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void sync.start();
  });
  const begin = async () => {
    await sync.start();
    const inTeam = sync.current().state !== 'off';
    if (inTeam) await browser.alarms?.create(ALARM, { periodInMinutes: 0.5 });
    else await browser.alarms?.clear(ALARM);
  };
  void begin();

  return {
    sync,
    begin,
    active: () => sync.current().state !== 'off',
    activity: (post, key) =>
      activityOf({ claims: sync.activeClaims(), me: sync.current().agentId }, post, key),
  };
}

export async function handleTeamChanged(
  deps: HandlerDeps,
  team: Team,
  data: unknown,
  sender: SenderLike,
): Promise<void> {
  fromPage(deps, sender);
  parsePayload(NothingSchema, data);
  await team.begin();
}

export async function handleClaimPost(
  deps: HandlerDeps,
  team: Team,
  data: unknown,
  sender: SenderLike,
): Promise<ClaimOutcome> {
  fromPage(deps, sender);
  const { key } = parsePayload(PostKeyMessageSchema, data);
  return team.sync.claim(key);
}

export async function handleReleasePost(
  deps: HandlerDeps,
  team: Team,
  data: unknown,
  sender: SenderLike,
): Promise<void> {
  fromPage(deps, sender);
  const { key } = parsePayload(PostKeyMessageSchema, data);
  await team.sync.release(key);
}
