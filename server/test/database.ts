/** A database of its own for each test file, made from the migrations and dropped afterwards. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app';
import { closePool, defaultDatabaseUrl, ensureDatabase, openPool } from '../database';
import { startHub, type Hub } from '../hub';
import { migrate } from '../migrate';
import { createStore, type Store } from '../store';

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  const name = `concierge_test_${randomBytes(6).toString('hex')}`;
  const url =
    process.env.TEST_DATABASE_URL?.replace(/\/[^/?]+(\?|$)/, `/${name}$1`) ?? defaultDatabaseUrl(name);
  await ensureDatabase(url);
  // Tests that close connections on purpose close this pool's too; that is not a failure.
  const pool = openPool(url, 8, () => undefined);
  await migrate(pool);
  return {
    url,
    pool,
    async drop() {
      // A connection still closing when the database is dropped would be cut by the drop.
      await closePool(pool);
      const admin = new pg.Client({ connectionString: url.replace(`/${name}`, '/postgres') });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** One server process's app on a test database, tried with inject (no port). */
export async function testApp(database: TestDatabase, rateLimit?: number) {
  const store: Store = createStore(database.pool);
  const hub: Hub = await startHub(database.url, () => undefined);
  const app = await buildApp({ store, hub, ...(rateLimit && { rateLimit }) });
  return {
    app,
    store,
    hub,
    async close() {
      await app.close();
      await hub.close();
    },
  };
}
