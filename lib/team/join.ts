/**
 * Joining a team from the Options page: the server is asked who the token belongs to before
 * anything is kept. Every way it can go wrong has its own answer, for the agent to act on.
 */
import * as v from 'valibot';
import type { TeamLinkSchema } from './link';

export type JoinProblem =
  'bad-url' | 'bad-token' | 'no-permission' | 'unreachable' | 'token-refused' | 'not-a-server';

const MeShape = v.object({
  team: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  agent: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  agentId: v.pipe(v.string(), v.uuid()),
  role: v.picklist(['admin', 'agent']),
});

export type JoinOutcome =
  { ok: true; link: v.InferOutput<typeof TeamLinkSchema> } | { ok: false; problem: JoinProblem };

/** Asks the server at `origin` who `token` is; the link to keep, or what went wrong. */
export async function checkTeamServer(
  origin: string,
  token: string,
  request: typeof fetch,
  now = new Date(),
): Promise<JoinOutcome> {
  let response: Response;
  try {
    response = await request(`${origin}/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (response.status === 401) return { ok: false, problem: 'token-refused' };
  const me = v.safeParse(MeShape, await response.json().catch(() => null));
  if (!response.ok || !me.success) return { ok: false, problem: 'not-a-server' };
  return { ok: true, link: { url: origin, token, ...me.output, joinedAt: now.toISOString() } };
}
