// The daily digest (毎日のお知らせメール): once a day, from the hour each user chose (in Japan), a mail
// saying how much waits for them in the app — unread posts, urgent posts not acknowledged, unread
// mentions, invitations, meeting polls. Counts only: a mail leaves the app, so it never names a
// patient or a team (a team's name is usually its patient's). Nothing waiting, nothing sent.
// Each server process looks every DIGEST_CHECK_SECONDS; a subscription is claimed for the day under a
// row lock (SKIP LOCKED) before its mail goes, so several processes send each digest once, and a mail
// that fails releases the claim for the next look. Subscriptions: features/account/digest.ts.
import { count, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { clockInJapan, formatDate, todayInJapan } from '../../../shared/dates';
import type { DigestCounts } from '../../../shared/schemas/digest';
import { type DbOrTx, queryRows } from '../../db/client';
import { teamPosts } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Mailer } from '../../platform/mail';
import { shownPostsOf, teamSummaries, waitingPosts } from './home';
import { pollsWaitingFor } from './meetings';
import { invitationsOf } from './members';

/** Subscriptions claimed at once (a look goes on until none is due). */
const CLAIM_BATCH = 50;

async function postCount(db: DbOrTx, teamIds: string[], where: SQL) {
  if (teamIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(teamPosts).where(shownPostsOf(teamIds, where));
  return row?.n ?? 0;
}

/** What waits for the user, counted as their home page lists it. */
export async function digestCountsOf(db: DbOrTx, userId: string): Promise<DigestCounts> {
  const teams = await teamSummaries(db, userId);
  const teamIds = teams.map((team) => team.id);
  const openIds = teams.filter((team) => team.status === 'open').map((team) => team.id);
  const waiting = waitingPosts(db, userId);
  const [urgent, mentions, invitations, polls] = await Promise.all([
    postCount(db, teamIds, waiting.urgent),
    postCount(db, teamIds, waiting.mentions),
    invitationsOf(db, userId),
    pollsWaitingFor(db, userId, openIds),
  ]);
  return {
    unread: teams.reduce((sum, team) => sum + team.unread, 0),
    urgent,
    mentions,
    invitations: invitations.length,
    polls: polls.length,
  };
}

const countLines: [keyof DigestCounts, string][] = [
  ['urgent', '至急の投稿（未確認）'],
  ['mentions', 'あなたへのメンション（未読）'],
  ['unread', '未読の投稿'],
  ['invitations', 'チームへの招待'],
  ['polls', '担当者会議の日程調整（回答待ち）'],
];

/** The digest's words: the recipient's own name, counts, links; nothing about any patient. */
export function digestMail(displayName: string, counts: DigestCounts, now: Date, publicUrl?: string) {
  const waiting = countLines.filter(([key]) => counts[key] > 0);
  const base = publicUrl?.replace(/\/$/, '');
  return {
    subject: `【つなぐ】お知らせ ${waiting.map(([key, label]) => `${label.replace(/（.*）/, '')} ${counts[key]}件`).join('、')}`,
    text: [
      `${displayName} 様`,
      '',
      `つなぐ に、次のお知らせがあります（${formatDate(now)} ${clockInJapan(now)} 時点）。`,
      '',
      ...waiting.map(([key, label]) => `・${label}: ${counts[key]}件`),
      '',
      base
        ? `内容は、つなぐにログインしてご確認ください: ${base}/`
        : '内容は、つなぐにログインしてご確認ください。',
      '',
      'このメールには利用者の情報は含まれません。',
      base
        ? `配信の停止や時刻の変更は、アカウントのページで行えます: ${base}/account`
        : '配信の停止や時刻の変更は、つなぐのアカウントのページで行えます。',
    ].join('\n'),
  };
}

type Claimed = { userId: string; email: string; displayName: string; previous: string | null };

/** Claims up to CLAIM_BATCH subscriptions due today (confirmed, hour reached, not yet sent today). */
function claimDue(db: DbOrTx, today: string, hour: number): Promise<Claimed[]> {
  return queryRows<Claimed>(
    db,
    sql`UPDATE digest_subscriptions s SET last_sent_on = ${today}
      FROM (SELECT d.user_id, d.last_sent_on AS previous, u.display_name
        FROM digest_subscriptions d JOIN users u ON u.id = d.user_id
        WHERE d.confirmed_at IS NOT NULL AND NOT u.disabled AND d.send_hour <= ${hour}
          AND (d.last_sent_on IS NULL OR d.last_sent_on < ${today})
        ORDER BY d.user_id LIMIT ${CLAIM_BATCH} FOR UPDATE OF d SKIP LOCKED) due
      WHERE s.user_id = due.user_id
      RETURNING s.user_id AS "userId", s.email, due.display_name AS "displayName", due.previous`,
  );
}

async function sendOne(app: FastifyInstance, mailer: Mailer, claimed: Claimed, now: Date, today: string) {
  const counts = await digestCountsOf(app.db, claimed.userId);
  if (Object.values(counts).every((n) => n === 0)) return false;
  try {
    await mailer.send({
      to: claimed.email,
      ...digestMail(claimed.displayName, counts, now, app.config.publicUrl),
    });
  } catch (error) {
    app.log.warn(
      { err: error, userId: claimed.userId },
      'daily digest: the mail was not accepted; tried again later',
    );
    await app.db.execute(sql`UPDATE digest_subscriptions SET last_sent_on = ${claimed.previous}
      WHERE user_id = ${claimed.userId} AND last_sent_on = ${today}`);
    return false;
  }
  await appendAudit(app.db, {
    action: 'digest.sent',
    targetType: 'user',
    targetId: claimed.userId,
    details: { ...counts },
  });
  return true;
}

/** Sends every digest due at `now`; how many went out. */
export async function sendDueDigests(app: FastifyInstance, now = new Date()): Promise<number> {
  const { mailer } = app;
  if (!mailer) return 0;
  const today = todayInJapan(now);
  const hour = Number(clockInJapan(now).slice(0, 2));
  let sent = 0;
  for (;;) {
    const claimed = await claimDue(app.db, today, hour);
    for (const one of claimed) if (await sendOne(app, mailer, one, now, today)) sent++;
    if (claimed.length < CLAIM_BATCH) return sent;
  }
}

/** Looks for due digests every DIGEST_CHECK_SECONDS while the server runs (when mail is configured). */
export function scheduleDigests(app: FastifyInstance): void {
  const seconds = app.config.digestCheckSeconds;
  if (!app.mailer || seconds === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const look = () => {
    if (running) return;
    running = true;
    // Followed, so a stop waits for the mails being sent before the mailer and the database close.
    void app.inFlight.track(
      sendDueDigests(app)
        .catch((error: unknown) =>
          app.log.error({ err: error }, 'daily digest: the look for due digests failed'),
        )
        .finally(() => {
          running = false;
        }),
    );
  };
  app.addHook('onReady', async () => {
    timer = setInterval(look, seconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
