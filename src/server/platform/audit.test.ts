import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../../tests/support/test-app';
import { type DatabaseHandle, queryRows } from '../db/client';
import { AuditBatcher, appendAudit, verifyAuditChain } from './audit';

describe.each(engines())('audit chain (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (let i = 0; i < 25; i++) {
      await appendAudit(database.db, {
        action: 'test.event',
        actorUserId: null,
        targetType: 'thing',
        targetId: String(i),
        ip: '127.0.0.1',
        details: { i, nested: { b: 1, a: 2 } },
      });
    }
  });
  afterAll(() => database.close());

  it('verifies an intact chain, in batches', async () => {
    const result = await verifyAuditChain(database.db, 7);
    expect(result).toMatchObject({ ok: true, checked: 25, brokenAt: null });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the chain whole when records are appended concurrently', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        appendAudit(database.db, { action: 'test.parallel', targetId: String(i) }),
      ),
    );
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('writes the records of concurrent reads in batches, each in order and committed when answered', async () => {
    const batcher = new AuditBatcher(database.db);
    const ids = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) =>
        batcher.append({ action: 'test.batched', targetId: String(i) }),
      ),
      appendAudit(database.db, { action: 'test.alone' }),
    ]);
    expect(new Set(ids).size).toBe(61);
    const batched = ids.slice(0, 60);
    expect([...batched].sort((a, b) => a - b)).toEqual(batched);
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.batched'`,
    );
    expect(row?.n).toBe(60);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });

  it('detects a tampered record and names the first broken link', async () => {
    // Someone with owner rights switches the guard off and rewrites history.
    await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await database.db.execute(sql`UPDATE audit_log SET target_id = 'rewritten' WHERE id = 12`);
    await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, brokenAt: 12, checked: 11 });
    expect(result.problem).toMatch(/hash/);
  });
});
