/**
 * `npm run team:token -- <team> <agent> [admin|agent]`: the operator's command. Makes the team and
 * the agent when missing (a team's first agent is its admin) and prints a new bearer token for
 * the agent on the last line.
 */
import { closePool, defaultDatabaseUrl, ensureDatabase, openPool } from './database';
import { migrate } from './migrate';
import { createStore } from './store';

async function main(): Promise<void> {
  const [team, agent, role] = process.argv.slice(2);
  if (!team?.trim() || !agent?.trim() || (role && role !== 'admin' && role !== 'agent')) {
    console.error('Usage: npm run team:token -- <team> <agent> [admin|agent]');
    process.exit(2);
  }
  const connectionString = process.env.DATABASE_URL || defaultDatabaseUrl();
  await ensureDatabase(connectionString);
  const pool = openPool(connectionString, 1, (error) => console.error(`database: ${error.message}`));
  try {
    await migrate(pool);
    const token = await createStore(pool).issueToken(
      team.trim(),
      agent.trim(),
      role as 'admin' | 'agent' | undefined,
    );
    console.log(`Token for ${agent.trim()} of team ${team.trim()} (keep it secret; it is shown once):`);
    console.log(token);
  } finally {
    await closePool(pool);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
