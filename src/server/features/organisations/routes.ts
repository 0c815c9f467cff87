// /api/orgs/*: an organisation's own administration (members, invites), and organisation choices.
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisationKindSchema } from '../../../shared/identity';
import { okResponse } from '../../../shared/schemas/common';
import {
  handOverRequest,
  inviteCreated,
  inviteCreateRequest,
  inviteList,
  memberList,
  memberRoleUpdateRequest,
  organisationChoices,
  organisationChoicesQuery,
  orgInviteParams,
  orgMemberParams,
  orgParams,
  orgTeamPlaceParams,
  passwordResetCreated,
  teamPlaceList,
} from '../../../shared/schemas/organisations';
import { organisations } from '../../db/schema';
import { access } from '../../platform/access';
import { createInvite, listInvites, revokeInvite } from './invites';
import { changeMemberRole, createPasswordReset, listMembers, removeMember, unlockMember } from './members';
import { handOverPlace, teamPlacesOf } from './team-places';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisations'];
  const anyMember = access.orgRole('orgId', ['member', 'admin'], ['system_admin']);
  const orgAdmin = access.orgRole('orgId', ['admin'], ['system_admin']);

  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Active organisations, for choosing one (optionally of one kind)',
        querystring: organisationChoicesQuery,
        response: { 200: organisationChoices },
      },
      config: { access: access.signedIn() },
    },
    async (request) => {
      const kind = request.query.kind;
      const rows = await app.db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
        .from(organisations)
        .where(and(eq(organisations.active, true), kind ? eq(organisations.kind, kind) : undefined))
        .orderBy(asc(organisations.kana));
      return { organisations: rows.map((row) => ({ ...row, kind: organisationKindSchema.parse(row.kind) })) };
    },
  );

  app.get(
    '/api/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'The organisation and its members',
        params: orgParams,
        response: { 200: memberList },
      },
      config: { access: anyMember },
    },
    async (request) => listMembers(request, request.params.orgId),
  );

  app.patch(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role",
        params: orgMemberParams,
        body: memberRoleUpdateRequest,
        response: { 200: okResponse },
      },
      config: { access: orgAdmin },
    },
    async (request) => {
      await changeMemberRole(request, request.params.orgId, request.params.userId, request.body.role);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (their sessions end at once)',
        params: orgMemberParams,
        response: { 200: okResponse },
      },
      config: { access: orgAdmin },
    },
    async (request) => {
      await removeMember(request, request.params.orgId, request.params.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/orgs/:orgId/members/:userId/password-reset',
    {
      schema: {
        tags,
        summary: "Issue a one-time link resetting a member's password and TOTP",
        params: orgMemberParams,
        response: { 200: passwordResetCreated },
      },
      config: { access: orgAdmin },
    },
    async (request) => createPasswordReset(request, request.params.orgId, request.params.userId),
  );

  app.post(
    '/api/orgs/:orgId/members/:userId/unlock',
    {
      schema: {
        tags,
        summary: 'Lift a sign-in lockout',
        params: orgMemberParams,
        response: { 200: okResponse },
      },
      config: { access: orgAdmin },
    },
    async (request) => {
      await unlockMember(request, request.params.orgId, request.params.userId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/orgs/:orgId/invites',
    {
      schema: {
        tags,
        summary: 'Invites of the organisation',
        params: orgParams,
        response: { 200: inviteList },
      },
      config: { access: orgAdmin },
    },
    async (request) => ({ invites: await listInvites(request, request.params.orgId) }),
  );

  app.post(
    '/api/orgs/:orgId/invites',
    {
      schema: {
        tags,
        summary: 'Create a one-time invite link (shown once)',
        params: orgParams,
        body: inviteCreateRequest,
        response: { 200: inviteCreated },
      },
      config: { access: orgAdmin },
    },
    async (request) => createInvite(request, request.params.orgId, request.body),
  );

  app.delete(
    '/api/orgs/:orgId/invites/:inviteId',
    {
      schema: {
        tags,
        summary: 'Revoke an unused invite',
        params: orgInviteParams,
        response: { 200: okResponse },
      },
      config: { access: orgAdmin },
    },
    async (request) => {
      await revokeInvite(request, request.params.orgId, request.params.inviteId);
      return { ok: true as const };
    },
  );

  // The organisation's own admins only: a system admin has no business in who cares for whom.
  const ownAdmin = { access: access.orgRole('orgId', ['admin']) };

  app.get(
    '/api/orgs/:orgId/team-places',
    {
      schema: {
        tags,
        summary: 'The care-team places held for the organisation (teams and roles, no patient data)',
        params: orgParams,
        response: { 200: teamPlaceList },
      },
      config: ownAdmin,
    },
    async (request) => teamPlacesOf(request, request.params.orgId),
  );

  app.post(
    '/api/orgs/:orgId/team-places/:memberId/hand-over',
    {
      schema: {
        tags,
        summary: 'Hand a place over to another member of the organisation (same role; ownership too)',
        params: orgTeamPlaceParams,
        body: handOverRequest,
        response: { 200: teamPlaceList },
      },
      config: ownAdmin,
    },
    async (request) =>
      handOverPlace(request, request.params.orgId, request.params.memberId, request.body.userId),
  );
};
