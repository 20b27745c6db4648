/**
 * The extension's side of a team: pushes the outbox, pulls what the team changed, listens on the
 * live channel, and claims posts. It runs in the service worker; without a team link it does
 * nothing at all and makes no request. A server that is away or answers nonsense only makes the
 * status say "offline": the agent works on locally and the outbox goes out when it is back.
 */
import * as v from 'valibot';
import { mutate } from '../db/mutations';
import type { ConciergeDb } from '../db/schema';
import { MAX_CHANGES } from './changes';
import { PulledRecordSchema } from './apply';
import type { OutboxRow, TeamLink } from './outbox';
import type { Claim, LiveMessage, PushItem } from './protocol';

/** Pulled records written in one transaction. */
const APPLY_CHUNK = 50;

export type TeamState = 'off' | 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface TeamStatus {
  state: TeamState;
  team?: string;
  agent?: string;
  agentId?: string;
  /** Changes waiting to be pushed. */
  pending: number;
  lastSyncAt?: string;
  /** Changes the server refused as malformed: dropped, never retried. */
  refused?: number;
}

export type ClaimOutcome =
  | { kind: 'mine'; claim: Claim }
  | { kind: 'held'; claim: Claim }
  /** No team, or the server is away: the agent goes on alone. */
  | { kind: 'none' };

export interface SyncDeps {
  database: ConciergeDb;
  fetch: typeof fetch;
  /** The browser's WebSocket (a constructor of the same shape in tests). */
  WebSocket: new (url: string) => WebSocket;
  onStatus?: (status: TeamStatus) => void;
  onClaims?: (claims: Claim[]) => void;
  /** Records the team changed were written here. */
  onPulled?: () => void;
}

const ClaimShape = v.object({
  post: v.pipe(v.string(), v.maxLength(200)),
  agent: v.pipe(v.string(), v.maxLength(80)),
  agentId: v.pipe(v.string(), v.maxLength(40)),
  until: v.pipe(v.string(), v.isoTimestamp()),
});
const PullShape = v.object({
  records: v.pipe(v.array(PulledRecordSchema), v.maxLength(MAX_CHANGES)),
  cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
  more: v.boolean(),
});
const PushAnswer = v.object({ version: v.number(), duplicates: v.number() });
const LiveShape = v.variant('type', [
  v.object({ type: v.literal('ready'), version: v.number(), claims: v.array(ClaimShape) }),
  v.object({ type: v.literal('change'), version: v.number() }),
  v.object({ type: v.literal('claim'), claim: ClaimShape }),
  v.object({ type: v.literal('release'), post: v.string(), agentId: v.string() }),
  v.object({ type: v.literal('ping') }),
]);

class Unauthorized extends Error {}
class Refused extends Error {}

const RETRY_MIN = 1000;
const RETRY_MAX = 30_000;
const REQUEST_MS = 15_000;

export class TeamSync {
  private link: TeamLink | null = null;
  private socket: WebSocket | null = null;
  private readonly claims = new Map<string, Claim>();
  private status: TeamStatus = { state: 'off', pending: 0 };
  private running: Promise<void> | null = null;
  private again = false;
  private retry = RETRY_MIN;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;

  constructor(private readonly deps: SyncDeps) {}

  /** Reads the link anew (after a join or a leave, or when the worker wakes) and syncs. */
  async start(): Promise<void> {
    const link = (await this.deps.database.team.get('team')) ?? null;
    const changed = link?.url !== this.link?.url || link?.token !== this.link?.token;
    this.link = link;
    if (changed) this.disconnect();
    if (!link) {
      this.claims.clear();
      this.deps.onClaims?.([]);
      return this.setStatus({ state: 'off', pending: 0, refused: undefined });
    }
    if (this.status.state === 'off' || changed)
      this.setStatus({
        state: 'connecting',
        team: link.team,
        agent: link.agent,
        agentId: link.agentId,
        // Kept with the link: a worker that wakes still tells the agent what was lost.
        refused: link.refused,
      });
    if (!this.socket) this.connect();
    await this.sync();
  }

  stop(): void {
    this.link = null;
    this.disconnect();
  }

  current(): TeamStatus {
    return this.status;
  }

  /** Claims that hold now, by post. */
  activeClaims(now = Date.now()): Claim[] {
    return [...this.claims.values()].filter((c) => Date.parse(c.until) > now);
  }

  /** Pushes what waits and pulls what the team changed; one run at a time, re-run if asked meanwhile. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again && this.link);
    })().finally(() => (this.running = null));
    return this.running;
  }

  async claim(post: string): Promise<ClaimOutcome> {
    const link = this.link;
    if (!link) return { kind: 'none' };
    try {
      const response = await this.request(link, 'POST', '/v1/claims', { post });
      const body: unknown = await response.json();
      if (response.status === 201 && v.is(ClaimShape, body)) {
        this.noteClaim(body);
        return { kind: 'mine', claim: body };
      }
      if (response.status === 409 && v.is(v.object({ claim: ClaimShape }), body)) {
        this.noteClaim(body.claim);
        return { kind: 'held', claim: body.claim };
      }
      if (response.status === 401) this.unauthorized();
    } catch {
      this.offline();
    }
    return { kind: 'none' };
  }

  async release(post: string): Promise<void> {
    const link = this.link;
    if (!link) return;
    const mine = this.claims.get(post);
    if (mine?.agentId === link.agentId) {
      this.claims.delete(post);
      this.deps.onClaims?.(this.activeClaims());
    }
    await this.request(link, 'DELETE', `/v1/claims/${encodeURIComponent(post)}`).catch(() => undefined);
  }

  private async runOnce(): Promise<void> {
    const link = this.link;
    if (!link) return;
    try {
      await this.push(link);
      await this.pull(link);
      this.retry = RETRY_MIN;
      const pending = await this.pendingChanges();
      // The server answered: online, whether or not the live channel is up yet.
      this.setStatus({ state: 'online', pending, lastSyncAt: new Date().toISOString() });
    } catch (error) {
      if (error instanceof Unauthorized) return this.unauthorized();
      this.offline();
    }
  }

  private async pendingChanges(): Promise<number> {
    let n = 0;
    await this.deps.database.outbox.each((row) => (n += row.changes.length));
    return n;
  }

  /** The oldest queued parts, up to one push's worth of changes. */
  private async nextBatch(): Promise<OutboxRow[]> {
    const rows: OutboxRow[] = [];
    let changes = 0;
    await this.deps.database.outbox
      .orderBy('seq')
      .until(() => changes >= MAX_CHANGES)
      .each((row) => {
        if (rows.length && changes + row.changes.length > MAX_CHANGES) {
          changes = MAX_CHANGES;
          return;
        }
        rows.push(row);
        changes += row.changes.length;
      });
    return rows;
  }

  private async push(link: TeamLink): Promise<void> {
    // Counted once, then taken down batch by batch: a long queue is not read again for each push.
    let pending: number | null = null;
    for (;;) {
      const rows = await this.nextBatch();
      if (!rows.length || this.link !== link) return;
      pending ??= await this.pendingChanges();
      const refused = await this.pushRows(link, rows);
      // The server will never take the refused: kept, they would stop everything behind them.
      await mutate('teamPushed', { seqs: rows.map((r) => r.seq!), refused }, this.deps.database);
      if (refused) this.status = { ...this.status, refused: (this.status.refused ?? 0) + refused };
      pending = Math.max(0, pending - rows.reduce((n, r) => n + r.changes.length, 0));
      this.setStatus({ pending });
    }
  }

  /**
   * Pushes rows, and says how many changes the server refused for good. A batch it refuses is
   * halved until each refused row is alone: one change it cannot take (a field an older server
   * does not know) costs no other change in the batch. A part pushed twice is applied once.
   */
  private async pushRows(link: TeamLink, rows: OutboxRow[]): Promise<number> {
    const mutations: PushItem[] = rows.map((r) => ({
      id: r.mutation,
      part: r.part,
      name: r.name,
      at: r.at,
      changes: r.changes as PushItem['changes'],
    }));
    const response = await this.request(link, 'POST', '/v1/push', { mutations });
    if (response.status === 401) throw new Unauthorized();
    if (response.status === 400 || response.status === 413) {
      if (rows.length === 1) return rows[0]!.changes.length;
      const half = Math.ceil(rows.length / 2);
      return (await this.pushRows(link, rows.slice(0, half))) + (await this.pushRows(link, rows.slice(half)));
    }
    if (!response.ok) throw new Refused(`push: ${response.status}`);
    // Only a real answer takes changes off the queue: a proxy's page or garbage keeps them.
    if (!v.is(PushAnswer, await response.json().catch(() => null))) throw new Refused('push: not an answer');
    return 0;
  }

  private async pull(link: TeamLink): Promise<void> {
    for (;;) {
      const current = await this.deps.database.team.get('team');
      if (!current || this.link !== link) return;
      const response = await this.request(link, 'GET', `/v1/pull?since=${current.cursor}`);
      if (response.status === 401) throw new Unauthorized();
      if (!response.ok) throw new Refused(`pull: ${response.status}`);
      const body = v.safeParse(PullShape, await response.json());
      if (!body.success) throw new Refused('pull: not a pull');
      const { records, cursor, more } = body.output;
      // In transactions of APPLY_CHUNK records: matching a page's posts reads the same tables, and
      // waits for a transaction that writes them to end.
      for (let i = 0; i < records.length; i += APPLY_CHUNK) {
        const chunk = records.slice(i, i + APPLY_CHUNK);
        const upTo = i + APPLY_CHUNK >= records.length ? cursor : chunk.at(-1)!.version;
        await mutate('applyTeamRecords', { records: chunk, cursor: upTo }, this.deps.database);
      }
      if (records.length) this.deps.onPulled?.();
      if (!more || cursor <= current.cursor) return;
    }
  }

  private async request(link: TeamLink, method: string, path: string, body?: unknown): Promise<Response> {
    return this.deps.fetch(`${link.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${link.token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  }

  private connect(): void {
    const link = this.link;
    if (!link) return;
    const generation = ++this.generation;
    let socket: WebSocket;
    try {
      socket = new this.deps.WebSocket(`${link.url.replace(/^http/, 'ws')}/v1/live`);
    } catch {
      return this.offline();
    }
    this.socket = socket;
    // A failed connection is followed by its close, which says offline.
    socket.onerror = () => undefined;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token: link.token }));
    socket.onmessage = (event: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = v.safeParse(LiveShape, data);
      if (parsed.success) this.heard(parsed.output as LiveMessage);
    };
    socket.onclose = (event: CloseEvent) => {
      if (generation !== this.generation) return;
      this.socket = null;
      if (event.code === 4401) return this.unauthorized();
      this.offline();
    };
  }

  private heard(message: LiveMessage): void {
    switch (message.type) {
      case 'ready':
        this.retry = RETRY_MIN;
        this.claims.clear();
        for (const claim of message.claims) this.claims.set(claim.post, claim);
        this.deps.onClaims?.(this.activeClaims());
        this.setStatus({ state: 'online' });
        void this.sync();
        return;
      case 'change':
        void this.sync();
        return;
      case 'claim':
        return this.noteClaim(message.claim);
      case 'release':
        if (this.claims.get(message.post)?.agentId === message.agentId) {
          this.claims.delete(message.post);
          this.deps.onClaims?.(this.activeClaims());
        }
        return;
      case 'ping':
        return;
    }
  }

  private noteClaim(claim: Claim): void {
    this.claims.set(claim.post, claim);
    this.deps.onClaims?.(this.activeClaims());
  }

  private disconnect(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.close();
    this.socket = null;
  }

  /** Quietly offline: tried again later, with a longer wait each time (up to 30 s). */
  private offline(): void {
    if (!this.link) return;
    this.setStatus({ state: 'offline' });
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.link) return;
      if (!this.socket) this.connect();
      void this.sync();
    }, this.retry);
    this.retry = Math.min(this.retry * 2, RETRY_MAX);
  }

  private unauthorized(): void {
    this.disconnect();
    this.setStatus({ state: 'unauthorized' });
  }

  private setStatus(change: Partial<TeamStatus>): void {
    this.status = { ...this.status, ...change };
    this.deps.onStatus?.(this.status);
  }
}
