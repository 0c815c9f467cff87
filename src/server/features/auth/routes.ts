// /api/auth/* (sign-in, second factor, sign-out), /api/invites/:token and /api/password-resets/:token.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  inviteAcceptRequest,
  inviteJoined,
  invitePreview,
  loginRequest,
  loginResponse,
  passwordResetPreview,
  passwordResetRequest,
  recoveryCodesResponse,
  tokenParams,
  totpEnrolmentConfirmRequest,
  totpEnrolmentStartResponse,
  totpVerifyRequest,
} from '../../../shared/schemas/auth';
import { okResponse } from '../../../shared/schemas/common';
import { passkeyAuthenticationRequest, passkeyOptions } from '../../../shared/schemas/passkeys';
import { access, requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { clearSessionCookie, revokeSession, revokeUserSessions } from '../../platform/sessions';
import { acceptInvite, acceptInviteAsMember, previewInvite } from './invite-accept';
import { login } from './login';
import { finishPasskeySignIn, startPasskeySignIn } from './passkeys';
import { completePasswordReset, previewPasswordReset } from './password-reset';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor } from './second-factor';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per IP and process; the per-account limit is the lockout counter in the database.
  // Counted in each process: with several workers (platform/workers.ts) each takes its share.
  const max = Math.ceil(app.config.loginRateLimitPerMinute / app.config.workers);
  const rateLimit = { max, timeWindow: '1 minute' };
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with login ID and password',
        body: loginRequest,
        response: { 200: loginResponse },
      },
      config: { access: access.public(), rateLimit },
    },
    async (request, reply) => login(request, reply, request.body),
  );

  app.post(
    '/api/auth/totp',
    {
      schema: {
        tags,
        summary: 'Second factor: TOTP or a recovery code',
        body: totpVerifyRequest,
        response: { 200: loginResponse },
      },
      config: { access: access.signingIn(['totp_required']), rateLimit },
    },
    async (request) => {
      await verifySecondFactor(request, request.body);
      return { stage: 'active' as const };
    },
  );

  app.post(
    '/api/auth/passkey/options',
    {
      schema: {
        tags,
        summary: 'Second factor with a passkey: challenge for navigator.credentials.get',
        response: { 200: passkeyOptions },
      },
      config: { access: access.signingIn(['totp_required']), rateLimit },
    },
    async (request) => startPasskeySignIn(request),
  );

  app.post(
    '/api/auth/passkey',
    {
      schema: {
        tags,
        summary: 'Second factor with a passkey: the signed challenge',
        body: passkeyAuthenticationRequest,
        response: { 200: loginResponse },
      },
      config: { access: access.signingIn(['totp_required']), rateLimit },
    },
    async (request) => {
      await finishPasskeySignIn(request, request.body.response as unknown as AuthenticationResponseJSON);
      return { stage: 'active' as const };
    },
  );

  app.post(
    '/api/auth/totp/enrolment',
    {
      schema: {
        tags,
        summary: 'Start TOTP enrolment (QR code)',
        response: { 200: totpEnrolmentStartResponse },
      },
      config: { access: access.signingIn(['totp_enrolment_required']) },
    },
    async (request) => startTotpEnrolment(request),
  );

  app.post(
    '/api/auth/totp/enrolment/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment; returns recovery codes once',
        body: totpEnrolmentConfirmRequest,
        response: { 200: recoveryCodesResponse },
      },
      config: { access: access.signingIn(['totp_enrolment_required', 'active']), rateLimit },
    },
    async (request) => ({ recoveryCodes: await confirmTotpEnrolment(request, request.body.code) }),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'Sign out of this browser', response: { 200: okResponse } },
      config: { access: access.signingIn(['totp_required', 'totp_enrolment_required', 'active']) },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeSession(app.db, actor.sessionId);
      await appendAudit(app.db, {
        ...requestAuditFields(request),
        action: 'auth.logout',
        targetType: 'user',
        targetId: actor.user.id,
      });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: { tags, summary: 'Sign out everywhere', response: { 200: okResponse } },
      config: { access: access.signedIn() },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeUserSessions(app.db, actor.user.id);
      await appendAudit(app.db, {
        ...requestAuditFields(request),
        action: 'auth.logout_all',
        targetType: 'user',
        targetId: actor.user.id,
      });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invites/:token',
    {
      schema: {
        tags,
        summary: 'What an invite link is for',
        params: tokenParams,
        response: { 200: invitePreview },
      },
      config: { access: access.public(), rateLimit },
    },
    async (request) => previewInvite(request, request.params.token),
  );

  app.post(
    '/api/invites/:token/accept',
    {
      schema: {
        tags,
        summary: 'Create an account from an invite',
        params: tokenParams,
        body: inviteAcceptRequest,
        response: { 200: loginResponse },
      },
      config: { access: access.public(), rateLimit },
    },
    async (request, reply) => {
      await acceptInvite(request, reply, request.params.token, request.body);
      return { stage: 'totp_enrolment_required' as const };
    },
  );

  app.post(
    '/api/invites/:token/join',
    {
      schema: {
        tags,
        summary: 'Join the organisation of an invite with the signed-in account',
        params: tokenParams,
        response: { 200: inviteJoined },
      },
      config: { access: access.signedIn(), rateLimit },
    },
    async (request) => ({ organisationId: await acceptInviteAsMember(request, request.params.token) }),
  );

  app.get(
    '/api/password-resets/:token',
    {
      schema: {
        tags,
        summary: 'What a password-reset link is for',
        params: tokenParams,
        response: { 200: passwordResetPreview },
      },
      config: { access: access.public(), rateLimit },
    },
    async (request) => previewPasswordReset(request, request.params.token),
  );

  app.post(
    '/api/password-resets/:token',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset link',
        params: tokenParams,
        body: passwordResetRequest,
        response: { 200: loginResponse },
      },
      config: { access: access.public(), rateLimit },
    },
    async (request, reply) => {
      await completePasswordReset(request, reply, request.params.token, request.body.password);
      return { stage: 'totp_enrolment_required' as const };
    },
  );
};
