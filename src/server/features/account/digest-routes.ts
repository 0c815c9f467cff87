// /api/me/digest: the daily digest by e-mail, for the signed-in user only (features/account/digest.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { digestConfirmRequest, digestSettings, digestSubscribeRequest } from '../../../shared/schemas/digest';
import { access } from '../../platform/access';
import { sha256Hex } from '../../platform/crypto';
import { SESSION_COOKIE } from '../../platform/sessions';
import { confirmDigest, digestSettingsOf, subscribeDigest, unsubscribeDigest } from './digest';

export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['account'];
  const config = { access: access.signedIn() };
  const response = { 200: digestSettings };

  app.get(
    '/api/me/digest',
    {
      schema: { tags, summary: 'My daily digest by e-mail, and whether mail can be sent', response },
      config,
    },
    async (request) => digestSettingsOf(request),
  );

  app.put(
    '/api/me/digest',
    {
      schema: {
        tags,
        summary: 'Set the address and hour; a new address is mailed a confirmation code',
        body: digestSubscribeRequest,
        response,
      },
      // Each call may send a mail: a few per quarter hour for each session.
      config: {
        ...config,
        rateLimit: {
          max: 10,
          timeWindow: '15 minutes',
          keyGenerator: (request) => sha256Hex(request.cookies[SESSION_COOKIE] ?? request.ip),
        },
      },
    },
    async (request) => subscribeDigest(request, request.body),
  );

  app.post(
    '/api/me/digest/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the address with the mailed code',
        body: digestConfirmRequest,
        response,
      },
      config,
    },
    async (request) => confirmDigest(request, request.body.code),
  );

  app.delete(
    '/api/me/digest',
    { schema: { tags, summary: 'Stop the daily digest', response }, config },
    async (request) => unsubscribeDigest(request),
  );
};
