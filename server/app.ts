/**
 * The team server's HTTP API and live channel (docs/team-api.md). It keeps no state of its own
 * beyond connections: every answer comes from PostgreSQL, and every change reaches the other
 * processes through it (./hub.ts), so any number of processes can stand behind a load balancer.
 */
import { createHash } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import * as v from 'valibot';
import {
  ClaimSchema,
  LiveHelloSchema,
  MAX_BODY,
  MAX_CHANGES,
  PostKeySchema,
  PushSchema,
  type ApiError,
  type LiveMessage,
} from '../lib/team/protocol';
import type { Hub } from './hub';
import { StoreError, type Principal, type Store } from './store';

export interface AppOptions {
  store: Store;
  hub: Hub;
  /** Requests per minute per token (or per address without one). */
  rateLimit?: number;
  /** Trust X-Forwarded-Proto from a TLS proxy in front (production). */
  trustProxy?: boolean;
  logger?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const PING_MS = 20_000;
const HELLO_MS = 5_000;

const AgentNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80));
const InviteSchema = v.strictObject({
  agent: AgentNameSchema,
  role: v.optional(v.picklist(['admin', 'agent']), 'agent'),
});
const PullQuerySchema = v.strictObject({
  since: v.optional(v.pipe(v.string(), v.regex(/^\d{1,18}$/), v.transform(Number)), '0'),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(MAX_CHANGES)),
    String(MAX_CHANGES),
  ),
});

type RateCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The rate limiter's store (the plugin's own interface), counting in the team's database. */
function sharedRateStore(store: Store) {
  return class SharedRateStore {
    incr(key: string, done: RateCallback, timeWindow: number): void {
      store.countRequest(key, timeWindow).then(
        (result) => done(null, result),
        (error: Error) => done(error),
      );
    }
    child(): SharedRateStore {
      return new SharedRateStore();
    }
  };
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ApiFailure(400, 'invalid', `${v.getDotPath(issue) ?? 'body'}: ${issue.message}`);
}

const bearer = (request: FastifyRequest) =>
  /^Bearer (\S{1,200})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

export async function buildApp(options: AppOptions) {
  const { store, hub } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY,
    trustProxy: options.trustProxy ?? false,
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error instanceof ApiFailure)
      return reply.code(error.status).send({ error: error.code, message: error.message } satisfies ApiError);
    if (error instanceof StoreError) {
      const status = { 'not-found': 404, forbidden: 403, invalid: 400 }[error.code];
      return reply.code(status).send({ error: error.code, message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    return reply.code(status).send({
      error:
        status === 429
          ? 'rate-limited'
          : status === 413
            ? 'too-large'
            : status < 500
              ? 'bad-request'
              : 'server',
      message: status < 500 ? error.message : 'The server failed; the change was not applied. Try again.',
    } satisfies ApiError);
  });

  // Plain HTTP only from the same machine: elsewhere the server stands behind TLS.
  app.addHook('onRequest', async (request) => {
    if (request.protocol !== 'https' && !LOOPBACK.has(request.socket.remoteAddress ?? ''))
      throw new ApiFailure(403, 'tls-required', 'Use https: plain HTTP is accepted only on loopback.');
  });

  await app.register(rateLimit, {
    max: options.rateLimit ?? 1200,
    timeWindow: '1 minute',
    // Counted in PostgreSQL, so the limit holds across every process behind the load balancer.
    store: sharedRateStore(options.store),
    keyGenerator: (request) => {
      const token = bearer(request);
      return token ? createHash('sha256').update(token).digest('hex') : request.ip;
    },
  });
  await app.register(websocket, { options: { maxPayload: 4096 } });
  // The extension reaches the server with the host permission the agent granted; without it (the
  // permission revoked, or a browser that grants it late) the browser's CORS check applies. The
  // token is a header, never a cookie, so letting any origin ask carries no ambient authority.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });

  async function principal(request: FastifyRequest): Promise<Principal> {
    const token = bearer(request);
    const who = token ? await store.authenticate(token) : null;
    if (!who)
      throw new ApiFailure(401, 'unauthorized', 'A valid bearer token is needed (npm run team:token).');
    return who;
  }

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/v1/me', async (request) => store.me(await principal(request)));

  app.post('/v1/push', async (request) => {
    const who = await principal(request);
    const { mutations } = parse(PushSchema, request.body);
    const changes = mutations.reduce((n, m) => n + m.changes.length, 0);
    if (changes > MAX_CHANGES)
      throw new ApiFailure(
        413,
        'too-large',
        `At most ${MAX_CHANGES} record changes in one push; this has ${changes}.`,
      );
    return store.push(who, mutations);
  });

  app.get('/v1/pull', async (request) => {
    const who = await principal(request);
    const { since, limit } = parse(PullQuerySchema, request.query);
    return store.pull(who, Number(since), Number(limit));
  });

  app.get('/v1/claims', async (request) => store.claims(await principal(request)));

  app.post('/v1/claims', async (request, reply: FastifyReply) => {
    const who = await principal(request);
    const { post } = parse(ClaimSchema, request.body);
    const { held, claim } = await store.claim(who, post);
    return held
      ? reply.code(409).send({ error: 'held', message: `${claim.agent} is replying to this post.`, claim })
      : reply.code(201).send(claim);
  });

  app.delete<{ Params: { post: string } }>('/v1/claims/:post', async (request, reply) => {
    const who = await principal(request);
    const post = parse(PostKeySchema, request.params.post);
    await store.release(who, post);
    return reply.code(204).send();
  });

  app.post('/v1/agents', async (request, reply) => {
    const who = await principal(request);
    const { agent, role } = parse(InviteSchema, request.body);
    return reply.code(201).send({ agent, role, token: await store.invite(who, agent, role) });
  });

  app.delete<{ Params: { agent: string } }>('/v1/agents/:agent/tokens', async (request) => {
    const who = await principal(request);
    return { revoked: await store.revoke(who, parse(AgentNameSchema, request.params.agent)) };
  });

  app.get('/v1/export', async (request) => ({
    records: await store.exportRecords(await principal(request)),
  }));

  app.get('/v1/audit', async (request) => ({ entries: await store.auditLog(await principal(request), 500) }));

  // Live: the first message carries the token (a browser's WebSocket cannot set headers). The
  // server then tells of every change and claim of the team; a ping every 20 s keeps the
  // extension's service worker awake while it listens.
  app.get('/v1/live', { websocket: true }, (socket) => {
    const send = (message: LiveMessage) => socket.send(JSON.stringify(message));
    let unsubscribe: (() => void) | null = null;
    const hello = setTimeout(() => socket.close(4401, 'hello expected'), HELLO_MS);
    const ping = setInterval(() => send({ type: 'ping' }), PING_MS);
    socket.on('close', () => {
      clearTimeout(hello);
      clearInterval(ping);
      unsubscribe?.();
    });
    socket.once('message', (data: Buffer) => {
      void (async () => {
        let message: unknown;
        try {
          message = JSON.parse(data.toString('utf8'));
        } catch {
          message = null;
        }
        const parsed = v.safeParse(LiveHelloSchema, message);
        const who = parsed.success ? await store.authenticate(parsed.output.token) : null;
        clearTimeout(hello);
        if (!who) return socket.close(4401, 'unauthorized');
        unsubscribe = hub.subscribe(who.teamId, (event) => {
          if (event.type === 'change') send({ type: 'change', version: event.version });
          else if (event.type === 'claim') send({ type: 'claim', claim: event.claim });
          else send({ type: 'release', post: event.post, agentId: event.agentId });
        });
        const [me, claims] = await Promise.all([store.me(who), store.claims(who)]);
        send({ type: 'ready', version: me.version, claims });
      })().catch(() => socket.close(1011, 'server error'));
    });
  });

  return app;
}
