// Live updates: a post reaches the open streams of the team's members and nobody else's; on
// PostgreSQL through NOTIFY, so another server process hears it too; a stream ends with its session.
import http, { type IncomingMessage } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../tests/support/test-app';
import type { LiveEvent } from '../../shared/schemas/teams';
import { sessions } from '../db/schema';
import { Realtime } from './realtime';

/** An open /api/live stream and the events read from it so far (node:http: no connection pool). */
function openStream(base: string, client: TestClient) {
  return new Promise<{
    response: IncomingMessage;
    events: LiveEvent[];
    ended: () => boolean;
    close: () => void;
  }>((resolve, reject) => {
    const request = http.get(`${base}/api/live`, { headers: { cookie: `tsunagu_session=${client.cookie}` } });
    request.on('error', reject);
    request.on('response', (response) => {
      const events: LiveEvent[] = [];
      let ended = false;
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
      });
      response.on('close', () => {
        ended = true;
      });
      resolve({ response, events, ended: () => ended, close: () => request.destroy() });
    });
  });
}

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(engines())('live updates (%s)', (engine) => {
  let t: TestApp;
  let base: string;
  let careManager: TestClient;
  let doctor: TestClient;
  let pharmacist: TestClient;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { liveHeartbeatMs: 200 });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    careManager = await t.signIn('caremanager');
    doctor = await t.signIn('doctor');
    pharmacist = await t.signIn('pharmacist');
    ({ teamId } = await setUpTeam(t, careManager, [
      { client: doctor, loginId: 'doctor', teamRole: 'physician' },
    ]));
  });
  afterAll(() => t.close());

  it('sends a new post to the members’ streams only, naming ids and no content', async () => {
    const member = await openStream(base, doctor);
    const outsider = await openStream(base, pharmacist);
    expect(member.response.headers['content-type']).toContain('text/event-stream');
    expect(member.response.headers['cache-control']).toBe('no-store');
    await waitFor(() => t.app.realtime.subscribers >= 2);
    const post = await careManager.post(`/api/teams/${teamId}/posts`, { body: '明日の訪問は14時です。' });
    await waitFor(() => member.events.length > 0);
    expect(member.events).toEqual([{ type: 'post', teamId, postId: post.json().id }]);
    await doctor.post(`/api/teams/${teamId}/reads`, { postIds: [post.json().id] });
    await waitFor(() => member.events.length > 1);
    expect(member.events[1]).toEqual({ type: 'read', teamId });
    expect(outsider.events).toEqual([]);
    member.close();
    outsider.close();
  });

  it('refuses a stream without a session, and ends one when its session ends', async () => {
    expect((await t.client().get('/api/live')).statusCode).toBe(401);
    const signedIn = await t.signIn('doctor');
    const stream = await openStream(base, signedIn);
    await t.database.db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(eq(sessions.userId, await t.userId('doctor')));
    await waitFor(stream.ended);
    doctor = await t.signIn('doctor');
  });

  it.runIf(engine === 'postgres')('reaches another server process through NOTIFY', async () => {
    const other = await Realtime.start(t.database, () => {});
    const heard: LiveEvent[] = [];
    const doctorId = await t.userId('doctor');
    other.subscribe(doctorId, (event) => heard.push(event));
    await careManager.post(`/api/teams/${teamId}/posts`, { body: '別の工程へも届く' });
    await waitFor(() => heard.length > 0);
    expect(heard[0]).toMatchObject({ type: 'post', teamId });
    await other.close();
  });
});
