// Demo mode only: the current TOTP code of a demo account, so a newcomer can sign in without an
// authenticator app. Registered only in demo mode, and only for accounts marked as demo.
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { demoTotpCode } from '../../../shared/schemas/auth';
import { users } from '../../db/schema';
import { access, requireActor } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { usableTotpCode } from '../../platform/totp';

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/demo/totp-code',
    {
      schema: {
        tags: ['demo'],
        summary: 'Demo mode: the current TOTP code of this demo account',
        response: { 200: demoTotpCode },
      },
      config: { access: access.signingIn(['totp_required']) },
    },
    async (request) => {
      const actor = requireActor(request);
      const [user] = await app.db
        .select({ secret: users.totpSecret, lastStep: users.totpLastStep })
        .from(users)
        .where(eq(users.id, actor.user.id));
      if (!actor.user.isDemo || !user?.secret)
        throw notFound('デモ用のアカウントではありません。', 'not_demo_account');
      return { code: usableTotpCode(user.secret, user.lastStep) };
    },
  );
};
