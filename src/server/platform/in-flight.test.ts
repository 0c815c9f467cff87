// InFlightWork: the server's shutdown waits for work it no longer holds a socket for.
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../tests/support/test-app';
import { auditLog } from '../db/schema';
import { DEMO_PASSWORD } from '../demo/accounts';
import { InFlightWork } from './in-flight';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('InFlightWork', () => {
  it('waits for tracked work, and for work started while waiting', async () => {
    const work = new InFlightWork();
    const done: string[] = [];
    void work.track(
      later(20, 'first').then((value) => {
        done.push(value);
        void work.track(later(20, 'second').then((next) => done.push(next)));
      }),
    );
    expect(work.size).toBe(1);
    await work.settled();
    expect(done).toEqual(['first', 'second']);
    expect(work.size).toBe(0);
  });

  it('hands the work back unchanged, and a failure neither stops the wait nor goes unhandled', async () => {
    const work = new InFlightWork();
    const failing = work.track(later(10, null).then(() => Promise.reject(new Error('boom'))));
    await expect(failing).rejects.toThrow('boom');
    expect(await work.track(later(5, 42))).toBe(42);
    await work.settled();
    expect(work.size).toBe(0);
  });

  it('resolves at once with nothing in flight, and stops waiting for work that hangs', async () => {
    const work = new InFlightWork();
    expect(await work.settled()).toBe(0);
    void work.track(new Promise(() => {}));
    expect(await work.settled(20)).toBe(1);
  });
});

describe.each(engines())('the server stops after the work it no longer holds a socket for (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.database.close());

  it('waits for a handler still running and for work after an answer, then flushes their audit records', async () => {
    // A sign-in still hashing the password when the server is told to stop (a request whose client
    // left looks the same to the server: nothing waits for its socket), and work after an answer that
    // audits in the batch.
    const signingIn = t.client().post('/api/auth/login', { loginId: 'doctor', password: DEMO_PASSWORD });
    void t.app.inFlight.track(
      later(30, null).then(() => t.app.auditBatcher.append({ action: 'test.after_answer' })),
    );
    await later(1, null);
    await t.app.close();
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.action, ['auth.password_accepted', 'test.after_answer']));
    expect(actions.map((row) => row.action).sort()).toEqual(['auth.password_accepted', 'test.after_answer']);
    expect((await signingIn).statusCode).toBe(200);
  });
});
