/**
 * Where the team's PostgreSQL is, and making sure it is there: the server is started, and the
 * database created, when a local one is missing (scripts/postgres.sh does what root may do).
 */
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import pg from 'pg';

/** The local server's Unix socket, as this OS user: what Debian's PostgreSQL lets in. */
export function defaultDatabaseUrl(database = 'concierge'): string {
  return `postgresql://${encodeURIComponent(userInfo().username)}@localhost/${database}?host=/var/run/postgresql`;
}

const SCRIPT = new URL('../scripts/postgres.sh', import.meta.url).pathname;

function isLocal(url: URL): boolean {
  const host = url.searchParams.get('host') ?? url.hostname;
  return host.startsWith('/') || ['localhost', '127.0.0.1', '::1', ''].includes(host);
}

/**
 * The process's pool. An idle connection that the database closes (a restart, a failover, an
 * administrator's terminate) is an 'error' on the pool; unheard, it would end the process. The
 * pool has already dropped that connection and opens another on the next query.
 */
export function openPool(connectionString: string, max: number, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', onError);
  return pool;
}

/** Ends the pool once every connection has really closed, not only been asked to. */
export async function closePool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (!open) resolve();
    pool.on('remove', () => {
      if (--open <= 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

async function tryConnect(connectionString: string): Promise<string | null> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Connects once to the database the URL names; starts a local PostgreSQL (installing it as root
 * on Debian) and creates the database when they are missing. Throws with what to do otherwise.
 */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  let code = await tryConnect(connectionString);
  if ((code === 'ECONNREFUSED' || code === 'ENOENT') && isLocal(url)) {
    const run = spawnSync('bash', [SCRIPT], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error('PostgreSQL is not running; see the message above.');
    code = await tryConnect(connectionString);
  }
  if (code === '3D000') {
    const name = decodeURIComponent(url.pathname.slice(1));
    const admin = new URL(connectionString);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`create database ${pg.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    code = await tryConnect(connectionString);
  }
  if (code)
    throw new Error(
      `Cannot reach PostgreSQL at ${url.host || 'the local socket'} (${code}). Start it, or set DATABASE_URL.`,
    );
}
