/**
 * Fan-out between server processes: each process listens on PostgreSQL's channel, and every
 * commit that changes a team's records or claims is heard by all of them (store.ts notifies in
 * the transaction, so nothing is heard that did not commit). The process passes each event to
 * its own live clients of that team.
 */
import pg from 'pg';
import { CHANNEL, type TeamEvent } from './store';

type Listener = (event: TeamEvent) => void;

export interface Hub {
  subscribe(team: string, listener: Listener): () => void;
  close(): Promise<void>;
}

export async function startHub(connectionString: string, onError: (error: Error) => void): Promise<Hub> {
  const listeners = new Map<string, Set<Listener>>();
  let client: pg.Client | null = null;
  let closed = false;

  const dispatch = (payload: string | undefined) => {
    let event: TeamEvent;
    try {
      event = JSON.parse(payload ?? '') as TeamEvent;
    } catch {
      return;
    }
    for (const listener of listeners.get(event.team) ?? []) listener(event);
  };

  // A lost connection is made again; live clients then pull, and miss nothing committed meanwhile.
  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => dispatch(message.payload));
    next.on('error', (error) => {
      onError(error);
      if (!closed) setTimeout(() => void connect().catch(onError), 1000);
    });
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    client = next;
  }
  await connect();

  return {
    subscribe(team, listener) {
      const set = listeners.get(team) ?? new Set();
      set.add(listener);
      listeners.set(team, set);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(team);
      };
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
