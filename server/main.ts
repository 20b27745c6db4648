/**
 * `npm run team`: one team server process. PORT (8787) and HOST (127.0.0.1) say where it
 * listens; DATABASE_URL (a local database `concierge`) where the team's data is. TRUST_PROXY=1
 * behind a TLS-terminating proxy, which production needs (docs/team-api.md).
 */
import { buildApp } from './app';
import { closePool, defaultDatabaseUrl, ensureDatabase, openPool } from './database';
import { startHub } from './hub';
import { migrate } from './migrate';
import { createStore } from './store';

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL || defaultDatabaseUrl();
  await ensureDatabase(connectionString);
  const pool = openPool(connectionString, Number(process.env.POOL_SIZE || 10), (error) =>
    console.error(`database: ${error.message}`),
  );
  const applied = await migrate(pool);
  if (applied.length) console.log(`Migrated: ${applied.join(', ')}`);
  const hub = await startHub(connectionString, (error) => console.error(`listen: ${error.message}`));
  const app = await buildApp({
    store: createStore(pool),
    hub,
    trustProxy: process.env.TRUST_PROXY === '1',
    rateLimit: Number(process.env.RATE_LIMIT || 1200),
  });
  const address = await app.listen({
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST || '127.0.0.1',
  });
  // Tests and the load test read this line to find the port.
  console.log(`Concierge team server listening on ${address}`);
  const stop = async () => {
    await app.close();
    await hub.close();
    await closePool(pool);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
