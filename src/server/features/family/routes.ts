// /api/family/* for a care team's family members (家族: a family session, no account), and
// /api/teams/:teamId/family/* for the team's owner, who invites and ends family members.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../shared/schemas/common';
import {
  familyFileParams,
  familyHome as familyHomeSchema,
  familyInvitation,
  familyInviteRequest,
  familyJoinRequest,
  familyParams,
  familyPostRequest,
} from '../../../shared/schemas/family';
import { teamParams } from '../../../shared/schemas/teams';
import { access } from '../../platform/access';
import { endFamilySession } from '../../platform/family-sessions';
import { endFamily, inviteFamily, joinWithCode } from './invitations';
import { familyFile, familyHome, familyPost } from './timeline';

export const familyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['family'];
  const family = { access: access.family() };
  const owner = { access: access.patientData() };

  app.post(
    '/api/teams/:teamId/family',
    {
      schema: {
        tags,
        summary: 'Invite a family member with a one-time code (owner)',
        params: teamParams,
        body: familyInviteRequest,
        response: { 201: familyInvitation },
      },
      config: owner,
    },
    async (request, reply) =>
      reply.status(201).send(await inviteFamily(request, request.params.teamId, request.body)),
  );

  app.post(
    '/api/teams/:teamId/family/:familyId/end',
    {
      schema: {
        tags,
        summary: 'End a family member’s place or invitation (owner)',
        params: familyParams,
        response: { 200: okResponse },
      },
      config: owner,
    },
    async (request) => endFamily(request, request.params.teamId, request.params.familyId),
  );

  app.post(
    '/api/family/join',
    {
      schema: {
        tags,
        summary: 'Join with the one-time code (starts a family session)',
        body: familyJoinRequest,
        response: { 200: z.object({ teamName: z.string() }) },
      },
      // Public, and codes are short: few tries per address.
      config: { access: access.public(), rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => joinWithCode(request, reply, request.body.code),
  );

  app.get(
    '/api/family/home',
    {
      schema: { tags, summary: 'The posts shared with the family', response: { 200: familyHomeSchema } },
      config: family,
    },
    async (request) => familyHome(request),
  );

  app.post(
    '/api/family/posts',
    {
      schema: {
        tags,
        summary: 'Write to the team (always shared with the family)',
        body: familyPostRequest,
        response: { 201: okResponse },
      },
      config: family,
    },
    async (request, reply) => reply.status(201).send(await familyPost(request, request.body.body)),
  );

  app.get(
    '/api/family/posts/:postId/files/:fileId',
    {
      schema: { tags, summary: 'An attachment of a post shared with the family', params: familyFileParams },
      config: family,
    },
    async (request, reply) => familyFile(request, reply, request.params),
  );

  app.post(
    '/api/family/logout',
    { schema: { tags, summary: 'End the family session', response: { 200: okResponse } }, config: family },
    async (request, reply) => {
      if (request.family) await endFamilySession(request.server.db, reply, request.family.sessionId);
      return { ok: true as const };
    },
  );
};
