/** Team server processes as `npm run team` starts them, on a test database and a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import type { LiveMessage } from '../../lib/team/protocol';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A process on a free port, or on `port` (a process started again where the last one was);
 * `env` adds to its environment (RATE_LIMIT, say).
 */
export function startServer(
  databaseUrl: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        child,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

/** A live channel as the extension opens it: messages are collected with when they came. */
export async function openLive(base: string, token: string) {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/v1/live`);
  const messages: { at: number; message: LiveMessage }[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    messages.push({ at: performance.now(), message: JSON.parse(data.toString()) as LiveMessage });
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', token }));
  /** The first message since `from` (an index into messages) that passes the test. */
  async function next(test: (m: LiveMessage) => boolean, from = 0, timeout = 5000) {
    const deadline = performance.now() + timeout;
    for (;;) {
      const found = messages.slice(from).find((m) => test(m.message));
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error('no such live message in time');
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, left);
      });
    }
  }
  await next((m) => m.type === 'ready');
  return { socket, messages, next, close: () => socket.close() };
}
