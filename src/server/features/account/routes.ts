// /api/me/*: the signed-in user's own account.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  meResponse,
  passwordChangeRequest,
  profileUpdateRequest,
  sessionList,
} from '../../../shared/schemas/account';
import {
  passwordConfirmRequest,
  recoveryCodesResponse,
  totpEnrolmentStartResponse,
} from '../../../shared/schemas/auth';
import { idParams, okResponse } from '../../../shared/schemas/common';
import {
  passkeyList,
  passkeyOptions,
  passkeyRegistrationRequest,
  passkeyView,
} from '../../../shared/schemas/passkeys';
import { sessions, users } from '../../db/schema';
import { access, requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { revokeSession, revokeUserSessions } from '../../platform/sessions';
import {
  deletePasskey,
  finishPasskeyRegistration,
  listPasskeys,
  startPasskeyRegistration,
} from '../auth/passkeys';
import { assertPassword, regenerateRecoveryCodes, startTotpReenrolment } from '../auth/second-factor';
import { digestRoutes } from './digest-routes';
import { describeMe } from './me';
import { assertStrongPassword } from './users';

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['account'];
  await app.register(digestRoutes);
  const own = (request: Parameters<typeof requireActor>[0]) => ({
    ...requestAuditFields(request),
    targetType: 'user',
    targetId: requireActor(request).user.id,
  });

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, organisations and session',
        response: { 200: meResponse },
      },
      config: { access: access.signingIn(['totp_required', 'totp_enrolment_required', 'active']) },
    },
    async (request) => describeMe(request),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Update own name, kana or profession',
        body: profileUpdateRequest,
        response: { 200: meResponse },
      },
      config: { access: access.signedIn() },
    },
    async (request) => {
      await app.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ ...request.body, updatedAt: new Date() })
          .where(eq(users.id, requireActor(request).user.id));
        await appendAudit(tx, {
          ...own(request),
          action: 'account.profile_updated',
          details: { fields: Object.keys(request.body) },
        });
      });
      // The answer is built from the request's actor, read before the change.
      const actor = requireActor(request);
      actor.user = { ...actor.user, ...request.body };
      return describeMe(request);
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change password; other sessions end',
        body: passwordChangeRequest,
        response: { 200: okResponse },
      },
      config: { access: access.signedIn() },
    },
    async (request) => {
      const actor = requireActor(request);
      await assertPassword(request, request.body.currentPassword);
      assertStrongPassword(request.body.newPassword, [actor.user.loginId]);
      const passwordHash = await hashPassword(request.body.newPassword, app.config.scryptCost);
      await app.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, passwordChangedAt: new Date() })
          .where(eq(users.id, actor.user.id));
        await revokeUserSessions(tx, actor.user.id, actor.sessionId);
        await appendAudit(tx, { ...own(request), action: 'account.password_changed' });
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/sessions',
    {
      schema: { tags, summary: 'My open sessions', response: { 200: sessionList } },
      config: { access: access.signedIn() },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await app.db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, actor.user.id),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, new Date()),
          ),
        )
        .orderBy(desc(sessions.lastSeenAt));
      const idleCutoff = Date.now() - app.config.sessionIdleSeconds * 1000;
      return {
        sessions: rows
          .filter((row) => row.lastSeenAt.getTime() > idleCutoff)
          .map((row) => ({
            // The id is the token's hash: safe to show, and enough to revoke by.
            id: row.id,
            createdAt: row.createdAt.toISOString(),
            lastSeenAt: row.lastSeenAt.toISOString(),
            expiresAt: row.expiresAt.toISOString(),
            ip: row.ip,
            userAgent: row.userAgent,
            current: row.id === actor.sessionId,
          })),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 200: okResponse },
      },
      config: { access: access.signedIn() },
    },
    async (request) => {
      const actor = requireActor(request);
      const [row] = await app.db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.id, request.params.id), eq(sessions.userId, actor.user.id)));
      if (!row) throw notFound('そのセッションは見つかりません。');
      await revokeSession(app.db, row.id);
      await appendAudit(app.db, { ...own(request), action: 'account.session_revoked' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/sessions/revoke-others',
    {
      schema: { tags, summary: 'Sign out of every other browser', response: { 200: okResponse } },
      config: { access: access.signedIn() },
    },
    async (request) => {
      const actor = requireActor(request);
      await revokeUserSessions(app.db, actor.user.id, actor.sessionId);
      await appendAudit(app.db, { ...own(request), action: 'account.other_sessions_revoked' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/totp/reenrol',
    {
      schema: {
        tags,
        summary: 'Set up a new authenticator (confirm with /api/auth/totp/enrolment/confirm)',
        body: passwordConfirmRequest,
        response: { 200: totpEnrolmentStartResponse },
      },
      config: { access: access.signedIn() },
    },
    async (request) => startTotpReenrolment(request, request.body.password),
  );

  app.post(
    '/api/me/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Replace my recovery codes (shown once)',
        body: passwordConfirmRequest,
        response: { 200: recoveryCodesResponse },
      },
      config: { access: access.signedIn() },
    },
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(request, request.body.password) }),
  );

  app.get(
    '/api/me/passkeys',
    {
      schema: { tags, summary: 'My passkeys', response: { 200: passkeyList } },
      config: { access: access.signedIn() },
    },
    async (request) => ({ passkeys: await listPasskeys(request) }),
  );

  app.post(
    '/api/me/passkeys/options',
    {
      schema: {
        tags,
        summary: 'Start registering a passkey (password asked again)',
        body: passwordConfirmRequest,
        response: { 200: passkeyOptions },
      },
      config: { access: access.signedIn() },
    },
    async (request) => startPasskeyRegistration(request, request.body.password),
  );

  app.post(
    '/api/me/passkeys',
    {
      schema: {
        tags,
        summary: 'Finish registering a passkey',
        body: passkeyRegistrationRequest,
        response: { 200: passkeyView },
      },
      config: { access: access.signedIn() },
    },
    async (request) => finishPasskeyRegistration(request, request.body.name, request.body.response),
  );

  app.delete(
    '/api/me/passkeys/:id',
    {
      schema: { tags, summary: 'Remove one of my passkeys', params: idParams, response: { 200: okResponse } },
      config: { access: access.signedIn() },
    },
    async (request) => {
      await deletePasskey(request, request.params.id);
      return { ok: true as const };
    },
  );
};
