/** What joining a team keeps: checked before it is written, as every mutation's payload is. */
import * as v from 'valibot';

/**
 * A team server's origin: https anywhere, plain http only on this machine, by the names the
 * manifest may ask permission for (wxt.config.ts); an IPv6 literal has no pattern there.
 */
export const TeamUrlSchema = v.pipe(
  v.string(),
  v.maxLength(300),
  v.regex(/^(https:\/\/[a-z0-9.-]+(:\d{1,5})?|http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?)$/i),
);

export const TeamLinkSchema = v.strictObject({
  url: TeamUrlSchema,
  token: v.pipe(v.string(), v.regex(/^ct_[A-Za-z0-9_-]{43}$/)),
  team: v.pipe(v.string(), v.maxLength(200)),
  agent: v.pipe(v.string(), v.maxLength(80)),
  agentId: v.pipe(v.string(), v.uuid()),
  role: v.picklist(['admin', 'agent']),
  joinedAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** The origin of what the agent typed: a trailing slash or path is not part of it. */
export function teamOrigin(input: string): string | null {
  try {
    const url = new URL(input.trim());
    const origin = url.origin;
    return v.is(TeamUrlSchema, origin) ? origin : null;
  } catch {
    return null;
  }
}

/**
 * The host permission asked for a team's origin. Chrome's pattern keeps the port, so no other
 * service on the same host is granted; Firefox's patterns cannot carry a port (without one they
 * match any).
 */
export function permissionPattern(origin: string, firefox: boolean): string {
  const url = new URL(origin);
  return `${url.protocol}//${firefox ? url.hostname : url.host}/*`;
}
