// /api/me/digest: the signed-in user's daily digest by e-mail (毎日のお知らせメール). An address is
// used only once the code mailed to it is entered, so nobody's digest goes to a mistyped address.
// What is sent, and when: features/teams/digest.ts.
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  DIGEST_CODE_LENGTH,
  type DigestSettings,
  type DigestSubscribeRequest,
} from '../../../shared/schemas/digest';
import type { DbOrTx } from '../../db/client';
import { digestSubscriptions } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { constantTimeEqual, sha256Hex } from '../../platform/crypto';
import { AppError, badRequest, conflict } from '../../platform/errors';
import type { Mailer } from '../../platform/mail';

const CODE_MINUTES = 30;
const MAX_ATTEMPTS = 5;

type SubscriptionRow = typeof digestSubscriptions.$inferSelect;

const codeHash = (userId: string, code: string) => sha256Hex(`digest:${userId}:${code}`);

function settingsOf(request: FastifyRequest, row: SubscriptionRow | undefined): DigestSettings {
  return {
    available: request.server.mailer !== null,
    subscription: row
      ? {
          email: row.email,
          sendHour: row.sendHour,
          confirmed: row.confirmedAt !== null,
          lastSentOn: row.lastSentOn,
          codeExpiresAt: row.confirmedAt ? null : (row.codeExpiresAt?.toISOString() ?? null),
        }
      : null,
  };
}

async function subscriptionOf(db: DbOrTx, userId: string, forUpdate = false) {
  const query = db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, userId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function digestSettingsOf(request: FastifyRequest): Promise<DigestSettings> {
  const row = await subscriptionOf(request.server.db, requireActor(request).user.id);
  return settingsOf(request, row);
}

function mailerOf(request: FastifyRequest): Mailer {
  const { mailer } = request.server;
  if (!mailer)
    throw conflict(
      'digest_unavailable',
      'このサーバーはメールを送る設定になっていないため、メールでのお知らせは使えません。システム管理者にお問い合わせください。',
    );
  return mailer;
}

const audit = (db: DbOrTx, request: FastifyRequest, action: string, details?: Record<string, unknown>) =>
  appendAudit(db, {
    ...requestAuditFields(request),
    action,
    targetType: 'user',
    targetId: requireActor(request).user.id,
    details: details ?? null,
  });

function confirmationMail(code: string) {
  return {
    subject: '【つなぐ】メールアドレスの確認コード',
    text: [
      'つなぐ の「毎日のお知らせメール」にこのアドレスが登録されました。',
      '',
      `確認コード: ${code}`,
      '',
      `アカウントのページでこのコードを入力すると配信が始まります（有効期限 ${CODE_MINUTES}分）。`,
      'お心当たりがなければ、このメールは破棄してください。配信は始まりません。',
    ].join('\n'),
  };
}

/**
 * Sets the address and hour. The same confirmed address only moves the hour; a new address waits for
 * the code mailed to it (sent inside the transaction: if the mail fails, nothing changes).
 */
export async function subscribeDigest(
  request: FastifyRequest,
  body: DigestSubscribeRequest,
): Promise<DigestSettings> {
  const mailer = mailerOf(request);
  const userId = requireActor(request).user.id;
  const row = await request.server.db.transaction(async (tx) => {
    const current = await subscriptionOf(tx, userId, true);
    if (current?.confirmedAt && current.email === body.email) {
      const [updated] = await tx
        .update(digestSubscriptions)
        .set({ sendHour: body.sendHour, updatedAt: new Date() })
        .where(eq(digestSubscriptions.userId, userId))
        .returning();
      await audit(tx, request, 'account.digest_hour', { sendHour: body.sendHour });
      return updated;
    }
    const code = String(randomInt(10 ** DIGEST_CODE_LENGTH)).padStart(DIGEST_CODE_LENGTH, '0');
    const fields = {
      email: body.email,
      sendHour: body.sendHour,
      confirmedAt: null,
      codeHash: codeHash(userId, code),
      codeExpiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
      codeAttempts: 0,
      updatedAt: new Date(),
    };
    const [saved] = await tx
      .insert(digestSubscriptions)
      .values({ userId, ...fields })
      .onConflictDoUpdate({ target: digestSubscriptions.userId, set: fields })
      .returning();
    await audit(tx, request, 'account.digest_code_sent', { sendHour: body.sendHour });
    await sendOrFail(mailer, { to: body.email, ...confirmationMail(code) });
    return saved;
  });
  return settingsOf(request, row);
}

async function sendOrFail(mailer: Mailer, message: Parameters<Mailer['send']>[0]): Promise<void> {
  try {
    await mailer.send(message);
  } catch {
    throw new AppError(
      502,
      'mail_failed',
      '確認メールを送れませんでした。アドレスを確かめて、しばらくしてからもう一度お試しください。',
    );
  }
}

type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked' | 'none';

const codeErrors: Record<Exclude<CodeCheck, 'ok'>, () => AppError> = {
  none: () =>
    conflict('digest_no_code', '確認待ちのメールアドレスがありません。アドレスを登録し直してください。'),
  expired: () =>
    new AppError(
      410,
      'digest_code_expired',
      '確認コードの有効期限が切れました。「確認コードを送る」でもう一度送ってください。',
    ),
  locked: () =>
    badRequest(
      'digest_code_locked',
      '確認コードを何度も間違えたため、このコードは使えなくなりました。もう一度送ってください。',
    ),
  wrong: () =>
    badRequest(
      'digest_code_wrong',
      `確認コードが違います。メールに記載された${DIGEST_CODE_LENGTH}桁の数字を入力してください。`,
    ),
};

function checkCode(row: SubscriptionRow | undefined, userId: string, code: string): CodeCheck {
  if (!row?.codeHash || !row.codeExpiresAt || row.confirmedAt) return 'none';
  if (row.codeAttempts >= MAX_ATTEMPTS) return 'locked';
  if (row.codeExpiresAt.getTime() <= Date.now()) return 'expired';
  return constantTimeEqual(row.codeHash, codeHash(userId, code)) ? 'ok' : 'wrong';
}

/** The code from the mail starts the digest. A wrong one counts (and is kept counted) towards the lock. */
export async function confirmDigest(request: FastifyRequest, code: string): Promise<DigestSettings> {
  const userId = requireActor(request).user.id;
  const { check, row } = await request.server.db.transaction(async (tx) => {
    const current = await subscriptionOf(tx, userId, true);
    const check = checkCode(current, userId, code);
    const set =
      check === 'ok'
        ? { confirmedAt: new Date(), codeHash: null, codeExpiresAt: null, codeAttempts: 0 }
        : check === 'wrong'
          ? { codeAttempts: (current?.codeAttempts ?? 0) + 1 }
          : null;
    if (!set) return { check, row: current };
    const [updated] = await tx
      .update(digestSubscriptions)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(digestSubscriptions.userId, userId))
      .returning();
    await audit(tx, request, check === 'ok' ? 'account.digest_confirmed' : 'account.digest_code_wrong');
    return { check, row: updated };
  });
  if (check !== 'ok') throw codeErrors[check]();
  return settingsOf(request, row);
}

export async function unsubscribeDigest(request: FastifyRequest): Promise<DigestSettings> {
  const userId = requireActor(request).user.id;
  await request.server.db.transaction(async (tx) => {
    const removed = await tx
      .delete(digestSubscriptions)
      .where(eq(digestSubscriptions.userId, userId))
      .returning({ userId: digestSubscriptions.userId });
    if (removed.length > 0) await audit(tx, request, 'account.digest_stopped');
  });
  return settingsOf(request, undefined);
}
