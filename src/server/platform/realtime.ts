// Live updates: what changed (a team's new post, a read, a change of members) reaches the browsers of
// the people concerned as server-sent events. An event names ids only, never content: the browser
// fetches what it may see through the normal routes. On PostgreSQL events go through NOTIFY, so every
// server process (TSUNAGU_WORKERS) hears every event, its own included; PGlite is one process, so
// events stay in it.
import type { Socket } from 'node:net';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import type { LiveEvent } from '../../shared/schemas/teams';
import type { DatabaseHandle } from '../db/client';
import { access, requireActor } from './access';
import { sessionHolds } from './sessions';

const CHANNEL = 'tsunagu_live';
const RECONNECT_MS = 2000;

type Message = { to: string[]; event: LiveEvent };
type Listener = (event: LiveEvent) => void;

export class Realtime {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly database: DatabaseHandle,
    private readonly log: (error: unknown) => void,
  ) {}

  static async start(database: DatabaseHandle, log: (error: unknown) => void): Promise<Realtime> {
    const realtime = new Realtime(database, log);
    if (database.newClient) await realtime.listen();
    return realtime;
  }

  /** Sends the event to these users' open streams, in every server process. */
  async publish(to: string[], event: LiveEvent): Promise<void> {
    if (to.length === 0) return;
    const message: Message = { to, event };
    if (!this.database.pool) {
      this.deliver(message);
      return;
    }
    await this.database.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
  }

  /** Calls `listener` with every event for the user until the returned function is called. */
  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Open streams in this process (the tests wait for them). */
  get subscribers(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private deliver(message: Message): void {
    for (const userId of message.to)
      for (const listener of this.listeners.get(userId) ?? []) listener(message.event);
  }

  private async listen(): Promise<void> {
    const client = (this.database.newClient as () => pg.Client)();
    client.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      this.deliver(JSON.parse(notification.payload) as Message);
    });
    // A lost connection loses the events meanwhile: pages catch up with the team's next event or load.
    client.on('error', (error) => {
      this.log(error);
      this.client = null;
      client.end().catch(() => {});
      if (!this.closed) setTimeout(() => this.listen().catch(this.log), RECONNECT_MS);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }
}

/**
 * GET /api/live: the signed-in user's event stream. Every config.liveHeartbeatMs it sends a comment
 * (so proxies keep it open) and checks the session: it ends when the session does (sign-out, expiry,
 * idle timeout). The stream itself does not count as activity.
 */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  const open = new Set<Socket>();
  // Streams never end by themselves: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    for (const socket of open) socket.destroy();
  });
  app.get(
    '/api/live',
    {
      schema: { tags: ['live'], summary: 'Server-sent events for the signed-in user (ids only, no content)' },
      config: { access: access.signedIn() },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        // Not kept alive for another request once the stream ends: nothing waits on it at shutdown.
        connection: 'close',
      });
      stream.write('retry: 3000\n\n');
      const unsubscribe = app.realtime.subscribe(actor.user.id, (event) => {
        stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => {
        sessionHolds(app.db, app.config, actor.sessionId)
          .then((holds) => (holds ? stream.write(': keep-alive\n\n') : stream.end()))
          .catch(() => stream.end());
      }, app.config.liveHeartbeatMs);
      const socket = request.raw.socket;
      open.add(socket);
      stream.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(socket);
        socket.destroy();
      });
    },
  );
};
