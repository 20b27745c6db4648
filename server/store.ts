/**
 * Every query the team server runs, in one module: each takes the authenticated agent and is
 * scoped by its team, so one team's token can never read or write another team's rows. Routes
 * and the live channel call these; nothing else touches the database.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { mergeRecord, type Change, type Doc, type SharedTable } from '../lib/team/changes';
import {
  CLAIM_SECONDS,
  type Claim,
  type Me,
  type PulledRecord,
  type PullResult,
  type PushItem,
  type PushResult,
} from '../lib/team/protocol';

export type Role = 'admin' | 'agent';

/** Who a request comes from, as their token says. */
export interface Principal {
  teamId: string;
  team: string;
  agentId: string;
  agent: string;
  role: Role;
}

/** What a server process hears on the channel and passes to its live clients. */
export type TeamEvent =
  | { team: string; type: 'change'; version: number }
  | { team: string; type: 'claim'; claim: Claim }
  | { team: string; type: 'release'; post: string; agentId: string };

export const CHANNEL = 'concierge_team';

/** The share of counted requests that also sweep windows long over: one in a thousand. */
const SWEEP_SHARE = 0.001;

const hash = (token: string) => createHash('sha256').update(token).digest();
const newToken = () => `ct_${randomBytes(32).toString('base64url')}`;

async function inTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Sent when the transaction commits, to every server process listening (./hub.ts). */
function notify(c: pg.ClientBase, event: TeamEvent): Promise<unknown> {
  return c.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
}

function audit(c: pg.ClientBase, who: Principal, action: string, detail: object): Promise<unknown> {
  return c.query('insert into audit (team_id, agent_id, action, detail) values ($1, $2, $3, $4)', [
    who.teamId,
    who.agentId,
    action,
    JSON.stringify(detail),
  ]);
}

interface ClaimRow {
  post: string;
  agent_id: string;
  agent: string;
  expires_at: Date;
}

const toClaim = (row: ClaimRow): Claim => ({
  post: row.post,
  agent: row.agent,
  agentId: row.agent_id,
  until: row.expires_at.toISOString(),
});

export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'forbidden' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export function createStore(pool: pg.Pool) {
  /** Makes an agent (and its team) when missing, and a token for it. */
  async function tokenFor(c: pg.ClientBase, teamId: string, agent: string, role: Role) {
    const { rows } = await c.query<{ id: string }>(
      `insert into agents (team_id, name, role) values ($1, $2, $3)
       on conflict (team_id, name) do update set name = excluded.name returning id`,
      [teamId, agent, role],
    );
    const token = newToken();
    await c.query('insert into tokens (hash, team_id, agent_id) values ($1, $2, $3)', [
      hash(token),
      teamId,
      rows[0]!.id,
    ]);
    return { token, agentId: rows[0]!.id };
  }

  return {
    /** The operator's command: the team and the agent are made when missing (the first is admin). */
    async issueToken(team: string, agent: string, role?: Role): Promise<string> {
      return inTransaction(pool, async (c) => {
        const { rows } = await c.query<{ id: string }>(
          `insert into teams (name) values ($1) on conflict (name) do update set name = excluded.name returning id`,
          [team],
        );
        const teamId = rows[0]!.id;
        const existing = await c.query<{ role: Role }>('select role from agents where team_id = $1', [
          teamId,
        ]);
        const own = role ?? (existing.rowCount ? 'agent' : 'admin');
        const issued = await tokenFor(c, teamId, agent, own);
        await c.query('insert into audit (team_id, agent_id, action, detail) values ($1, $2, $3, $4)', [
          teamId,
          issued.agentId,
          'token-issued',
          JSON.stringify({ agent, by: 'operator' }),
        ]);
        return issued.token;
      });
    },

    async authenticate(token: string): Promise<Principal | null> {
      if (!/^ct_[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const { rows } = await pool.query<{
        team_id: string;
        team: string;
        agent_id: string;
        agent: string;
        role: Role;
      }>(
        `select t.team_id, tm.name as team, a.id as agent_id, a.name as agent, a.role
         from tokens t join agents a on a.id = t.agent_id join teams tm on tm.id = t.team_id
         where t.hash = $1 and t.revoked_at is null`,
        [hash(token)],
      );
      const row = rows[0];
      return row
        ? { teamId: row.team_id, team: row.team, agentId: row.agent_id, agent: row.agent, role: row.role }
        : null;
    },

    async me(who: Principal): Promise<Me> {
      const { rows } = await pool.query<{ version: string }>('select version from teams where id = $1', [
        who.teamId,
      ]);
      return {
        team: who.team,
        agent: who.agent,
        agentId: who.agentId,
        role: who.role,
        version: Number(rows[0]?.version ?? 0),
      };
    },

    /** An admin invites an agent of their own team: a new token. */
    async invite(who: Principal, agent: string, role: Role): Promise<string> {
      if (who.role !== 'admin') throw new StoreError('forbidden', 'Only an admin invites agents.');
      return inTransaction(pool, async (c) => {
        const issued = await tokenFor(c, who.teamId, agent, role);
        await audit(c, who, 'invite', { agent, role });
        return issued.token;
      });
    },

    /** An admin revokes every token of an agent of their team. */
    async revoke(who: Principal, agent: string): Promise<number> {
      if (who.role !== 'admin') throw new StoreError('forbidden', 'Only an admin revokes tokens.');
      return inTransaction(pool, async (c) => {
        const { rowCount } = await c.query(
          `update tokens set revoked_at = now()
           where team_id = $1 and revoked_at is null
             and agent_id = (select id from agents where team_id = $1 and name = $2)`,
          [who.teamId, agent],
        );
        if (!rowCount) throw new StoreError('not-found', `No agent ${agent} with a live token in this team.`);
        await audit(c, who, 'revoke', { agent, tokens: rowCount });
        return rowCount;
      });
    },

    /**
     * Applies the parts of client mutations not applied before, in order, in one transaction. The
     * team's row is locked for it: versions are handed out in commit order, so a pull never skips
     * a change committed after it read.
     */
    async push(who: Principal, items: readonly PushItem[]): Promise<PushResult> {
      return inTransaction(pool, async (c) => {
        const { rows: team } = await c.query<{ version: string }>(
          'select version from teams where id = $1 for update',
          [who.teamId],
        );
        let version = Number(team[0]!.version);
        const seen = await c.query<{ client_id: string; part: number }>(
          `select client_id, part from applied
           where team_id = $1 and (client_id, part) in (select * from unnest($2::uuid[], $3::int[]))`,
          [who.teamId, items.map((i) => i.id), items.map((i) => i.part)],
        );
        // Parts applied before are skipped, and so is the same part twice in one push.
        const done = new Set(seen.rows.map((r) => `${r.client_id}/${r.part}`));
        const fresh = items.filter((i) => {
          const id = `${i.id}/${i.part}`;
          if (done.has(id)) return false;
          done.add(id);
          return true;
        });
        if (!fresh.length) return { version, duplicates: items.length };

        const changes: Change[] = fresh.flatMap((i) => i.changes as Change[]);
        const id = (t: string, k: string) => `${t}\u0000${k}`;
        const current = await c.query<{ kind: string; key: string; doc: Doc | null }>(
          `select kind, key, doc from records
           where team_id = $1 and (kind, key) in (select * from unnest($2::text[], $3::text[]))`,
          [who.teamId, changes.map((ch) => ch.t), changes.map((ch) => ch.k)],
        );
        const state = new Map<string, { t: SharedTable; k: string; doc: Doc | null; exists: boolean }>();
        for (const row of current.rows)
          state.set(id(row.kind, row.key), {
            t: row.kind as SharedTable,
            k: row.key,
            doc: row.doc,
            exists: true,
          });
        // Each record once, in the order of its last change (a Set keeps insertion order).
        const written = new Set<string>();
        for (const change of changes) {
          const key = id(change.t, change.k);
          const was = state.get(key);
          const tombstone = !!was?.exists && was.doc === null;
          state.set(key, {
            t: change.t,
            k: change.k,
            doc: mergeRecord(was?.doc ?? null, change, tombstone),
            exists: true,
          });
          written.delete(key);
          written.add(key);
        }
        const kinds: string[] = [];
        const keys: string[] = [];
        const docs: (string | null)[] = [];
        const versions: number[] = [];
        for (const key of written) {
          const record = state.get(key)!;
          kinds.push(record.t);
          keys.push(record.k);
          docs.push(record.doc && JSON.stringify(record.doc));
          versions.push(++version);
        }
        await c.query(
          `insert into records (team_id, kind, key, doc, version, updated_by)
           select $1, * , $6 from unnest($2::text[], $3::text[], $4::jsonb[], $5::bigint[])
           on conflict (team_id, kind, key) do update
             set doc = excluded.doc, version = excluded.version, updated_by = excluded.updated_by, updated_at = now()`,
          [who.teamId, kinds, keys, docs, versions, who.agentId],
        );
        await c.query(
          `insert into applied (team_id, client_id, part, agent_id, name, made_at, version, changes)
           select $1, *, $8 from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::timestamptz[], $7::int[])`,
          [
            who.teamId,
            fresh.map((i) => i.id),
            fresh.map((i) => i.part),
            fresh.map(() => who.agentId),
            fresh.map((i) => i.name),
            fresh.map((i) => i.at),
            fresh.map((i) => i.changes.length),
            version,
          ],
        );
        await c.query('update teams set version = $2 where id = $1', [who.teamId, version]);
        await audit(c, who, 'push', {
          mutations: fresh.map((i) => ({ id: i.id, part: i.part, name: i.name, records: i.changes.length })),
          records: keys.slice(0, 20),
        });
        await notify(c, { team: who.teamId, type: 'change', version });
        return { version, duplicates: items.length - fresh.length };
      });
    },

    /** The team's records changed after `since`, oldest change first. */
    async pull(who: Principal, since: number, limit: number): Promise<PullResult> {
      const { rows } = await pool.query<{ kind: SharedTable; key: string; doc: Doc | null; version: string }>(
        `select kind, key, doc, version from records
         where team_id = $1 and version > $2 order by version limit $3`,
        [who.teamId, since, limit + 1],
      );
      const more = rows.length > limit;
      const records: PulledRecord[] = rows
        .slice(0, limit)
        .map((r) => ({ t: r.kind, k: r.key, doc: r.doc, version: Number(r.version) }));
      return { records, cursor: records.at(-1)?.version ?? since, more };
    },

    /**
     * Claims a post for the agent, or renews their claim: one conditional write, so that of two
     * agents claiming at once exactly one wins. An expired claim is anybody's.
     */
    async claim(who: Principal, post: string): Promise<{ held: boolean; claim: Claim }> {
      return inTransaction(pool, async (c) => {
        const won = await c.query<{ expires_at: Date; renewed: boolean }>(
          `insert into claims (team_id, post, agent_id, expires_at)
           values ($1, $2, $3, now() + make_interval(secs => $4))
           on conflict (team_id, post) do update
             set agent_id = excluded.agent_id, expires_at = excluded.expires_at,
                 claimed_at = case when claims.agent_id = excluded.agent_id then claims.claimed_at else now() end
             where claims.agent_id = excluded.agent_id or claims.expires_at < now()
           returning expires_at`,
          [who.teamId, post, who.agentId, CLAIM_SECONDS],
        );
        if (won.rowCount) {
          const claim = {
            post,
            agent: who.agent,
            agentId: who.agentId,
            until: won.rows[0]!.expires_at.toISOString(),
          };
          await notify(c, { team: who.teamId, type: 'claim', claim });
          return { held: false, claim };
        }
        const { rows } = await c.query<ClaimRow>(
          `select c.post, c.agent_id, a.name as agent, c.expires_at from claims c
           join agents a on a.id = c.agent_id where c.team_id = $1 and c.post = $2`,
          [who.teamId, post],
        );
        return { held: true, claim: toClaim(rows[0]!) };
      });
    },

    /** Lets go of the agent's own claim; another agent's claim stays. */
    async release(who: Principal, post: string): Promise<boolean> {
      return inTransaction(pool, async (c) => {
        const { rowCount } = await c.query(
          'delete from claims where team_id = $1 and post = $2 and agent_id = $3',
          [who.teamId, post, who.agentId],
        );
        if (rowCount) await notify(c, { team: who.teamId, type: 'release', post, agentId: who.agentId });
        return !!rowCount;
      });
    },

    /** Claims that hold now. */
    async claims(who: Principal): Promise<Claim[]> {
      const { rows } = await pool.query<ClaimRow>(
        `select c.post, c.agent_id, a.name as agent, c.expires_at from claims c
         join agents a on a.id = c.agent_id
         where c.team_id = $1 and c.expires_at > now() order by c.claimed_at`,
        [who.teamId],
      );
      return rows.map(toClaim);
    },

    /** An admin's copy of the team's live records, for a backup or a move. */
    async exportRecords(who: Principal): Promise<{ t: string; k: string; doc: Doc }[]> {
      if (who.role !== 'admin')
        throw new StoreError('forbidden', 'Only an admin exports the team’s records.');
      const { rows } = await pool.query<{ kind: string; key: string; doc: Doc }>(
        'select kind, key, doc from records where team_id = $1 and doc is not null order by kind, key',
        [who.teamId],
      );
      await pool.query('insert into audit (team_id, agent_id, action, detail) values ($1, $2, $3, $4)', [
        who.teamId,
        who.agentId,
        'export',
        JSON.stringify({ records: rows.length }),
      ]);
      return rows.map((r) => ({ t: r.kind, k: r.key, doc: r.doc }));
    },

    /**
     * Counts a request in its client's window of `windowMs`, opening a new window when the last
     * one is over; the count so far and the window's time left. Windows long over are swept
     * now and then, so the table holds about one row per client active lately.
     */
    async countRequest(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
      const { rows } = await pool.query<{ count: number; ttl: number }>(
        `insert into rate_windows as r (key, started_at, count) values ($1, now(), 1)
         on conflict (key) do update set
           count = case when r.started_at + $2 * interval '1 millisecond' <= now() then 1 else r.count + 1 end,
           started_at = case when r.started_at + $2 * interval '1 millisecond' <= now() then now() else r.started_at end
         returning count,
           greatest(0, ceil(extract(epoch from (started_at + $2 * interval '1 millisecond' - now())) * 1000))::integer as ttl`,
        [key, windowMs],
      );
      if (Math.random() < SWEEP_SHARE)
        await pool.query(
          `delete from rate_windows where started_at < now() - $1 * interval '2 millisecond'`,
          [windowMs],
        );
      return { current: rows[0]!.count, ttl: rows[0]!.ttl };
    },

    /** Who changed what and when, newest first (admins). */
    async auditLog(who: Principal, limit: number) {
      if (who.role !== 'admin') throw new StoreError('forbidden', 'Only an admin reads the audit log.');
      const { rows } = await pool.query<{ at: Date; agent: string | null; action: string; detail: object }>(
        `select au.at, a.name as agent, au.action, au.detail from audit au
         left join agents a on a.id = au.agent_id
         where au.team_id = $1 order by au.id desc limit $2`,
        [who.teamId, limit],
      );
      return rows.map((r) => ({
        at: r.at.toISOString(),
        agent: r.agent,
        action: r.action,
        detail: r.detail,
      }));
    },
  };
}

export type Store = ReturnType<typeof createStore>;
