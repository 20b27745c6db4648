/**
 * `npm run bench:team`: the team server under a bounded load, on loopback only. Two server
 * processes on one PostgreSQL database; 200 agents, each with its live channel open (half on each
 * process); 20 record changes a second pushed by random agents; every half second five agents
 * race to claim one post. Reports whether every race had exactly one winner, how long a change
 * and a claim took to reach every other agent (p50 / p95), the servers' CPU and the database's
 * connections. `--seconds N` sets the length (30 by default); `--ci` checks the budgets.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createStore } from '../server/store';
import { freshDatabase } from '../server/test/database';
import { openLive, startServer, type ServerProcess } from '../server/test/process';

const AGENTS = 200;
const CHANGES_PER_SECOND = 20;
const RACE_EVERY_MS = 500;
const RACERS = 5;
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 30;
const ci = process.argv.includes('--ci');
/** The issue's budget: a claim shows on another agent's badge p95 ≤ 1 s on loopback. */
const PROPAGATION_P95_MS = 1000;

const CLOCK_TICKS = 100;
/** CPU seconds a process has used, from /proc (user + system). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  const database = await freshDatabase();
  const servers: ServerProcess[] = await Promise.all([startServer(database.url), startServer(database.url)]);
  const store = createStore(database.pool);
  const tokens: string[] = [];
  for (let i = 0; i < AGENTS; i++) tokens.push(await store.issueToken('Load', `Agent ${i + 1}`));
  const agentIds = await Promise.all(
    tokens.map(async (token, i) => {
      const me = await fetch(`${servers[i % 2]!.url}/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await me.json()) as { agentId: string }).agentId;
    }),
  );
  const lives = await Promise.all(tokens.map((token, i) => openLive(servers[i % 2]!.url, token)));

  const changeSent = new Map<number, { at: number; by: number }>();
  const claimSent = new Map<string, number>();
  // Arrivals are kept and matched at the end: a change is often heard before its push is answered.
  const changeHeard: { version: number; agent: number; at: number }[] = [];
  const claimDelays: number[] = [];
  lives.forEach((live, i) => {
    live.socket.on('message', (data: Buffer) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as {
        type: string;
        version?: number;
        claim?: { post: string; agentId: string };
      };
      if (message.type === 'change') changeHeard.push({ version: message.version!, agent: i, at });
      else if (message.type === 'claim') {
        const sent = claimSent.get(message.claim!.post);
        if (sent !== undefined && message.claim!.agentId !== agentIds[i]) claimDelays.push(at - sent);
      }
    });
  });

  const connections: number[] = [];
  const sampleConnections = setInterval(() => {
    void database.pool
      .query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = current_database()',
      )
      .then(({ rows }) => connections.push(rows[0]!.n));
  }, 1000);
  const cpuBefore = servers.map((s) => cpuSeconds(s.child.pid!));
  const started = performance.now();
  const random = (n: number) => Math.floor(Math.random() * n);
  const pushes: Promise<void>[] = [];
  const races: Promise<number>[] = [];
  let pushFailures = 0;

  const pushTimer = setInterval(() => {
    const by = random(AGENTS);
    const at = performance.now();
    const body = {
      mutations: [
        {
          id: randomUUID(),
          part: 0,
          name: 'addNote',
          at: new Date().toISOString(),
          changes: [
            {
              t: 'customers',
              k: `c-${random(500)}`,
              set: { name: 'Load customer' },
              add: { notes: [{ at: new Date().toISOString(), text: `note ${at}`, by: `Agent ${by + 1}` }] },
            },
          ],
        },
      ],
    };
    pushes.push(
      fetch(`${servers[by % 2]!.url}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[by]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const { version } = (await response.json()) as { version: number };
          changeSent.set(version, { at, by });
        })
        .catch(() => void pushFailures++),
    );
  }, 1000 / CHANGES_PER_SECOND);

  let round = 0;
  const raceTimer = setInterval(() => {
    const post = `x:${1_880_000_000_000_000_000n + BigInt(round++)}`;
    const racers = new Set<number>();
    while (racers.size < RACERS) racers.add(random(AGENTS));
    const at = performance.now();
    claimSent.set(post, at);
    races.push(
      Promise.all(
        [...racers].map((i) =>
          fetch(`${servers[i % 2]!.url}/v1/claims`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
            body: JSON.stringify({ post }),
          }).then((r) => r.status),
        ),
      ).then((statuses) => statuses.filter((s) => s === 201).length),
    );
  }, RACE_EVERY_MS);

  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(pushTimer);
  clearInterval(raceTimer);
  await Promise.all(pushes);
  const winners = await Promise.all(races);
  // Let the last events arrive.
  await new Promise((r) => setTimeout(r, 1000));
  const wall = (performance.now() - started) / 1000;
  const changeDelays = changeHeard.flatMap(({ version, agent, at }) => {
    const sent = changeSent.get(version);
    return sent && sent.by !== agent ? [at - sent.at] : [];
  });
  const cpu = servers.map((s, i) => (cpuSeconds(s.child.pid!) - cpuBefore[i]!) / wall);
  clearInterval(sampleConnections);

  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores`,
    seconds: Math.round(wall),
    agents: AGENTS,
    processes: servers.length,
    changesPushed: pushes.length,
    pushFailures,
    claimRaces: winners.length,
    racesWithExactlyOneWinner: winners.filter((n) => n === 1).length,
    changePropagationMs: {
      p50: percentile(changeDelays, 50),
      p95: percentile(changeDelays, 95),
      samples: changeDelays.length,
    },
    claimPropagationMs: {
      p50: percentile(claimDelays, 50),
      p95: percentile(claimDelays, 95),
      samples: claimDelays.length,
    },
    serverCpuPercentOfOneCore: cpu.map((c) => Math.round(c * 1000) / 10),
    databaseConnections: { max: Math.max(...connections), samples: connections.length },
  };
  for (const live of lives) live.close();
  await Promise.all(servers.map((s) => s.stop()));
  await database.drop();

  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/team.json', `${JSON.stringify(result, null, 2)}\n`);
  const problems = [
    result.racesWithExactlyOneWinner !== result.claimRaces &&
      `${result.claimRaces - result.racesWithExactlyOneWinner} claim races without exactly one winner`,
    result.pushFailures && `${result.pushFailures} pushes failed`,
    result.claimPropagationMs.p95 > PROPAGATION_P95_MS &&
      `claim propagation p95 ${result.claimPropagationMs.p95.toFixed(0)} ms > ${PROPAGATION_P95_MS} ms`,
    result.changePropagationMs.p95 > PROPAGATION_P95_MS &&
      `change propagation p95 ${result.changePropagationMs.p95.toFixed(0)} ms > ${PROPAGATION_P95_MS} ms`,
  ].filter(Boolean);
  if (problems.length) {
    console.error(`Team load test: ${problems.join('; ')}`);
    if (ci) process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
