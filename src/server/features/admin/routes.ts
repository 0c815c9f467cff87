// /api/admin/*: system administration (organisations, users, audit log). System admins only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditList,
  auditQuery,
  auditVerification,
  organisationCreateRequest,
  organisationList,
  organisationUpdateRequest,
  supportAccessGrant,
  supportAccessList,
  supportAccessRequest,
  systemRolesUpdateRequest,
  userDisableRequest,
  userList,
  userQuery,
  userView,
} from '../../../shared/schemas/admin';
import { idParams } from '../../../shared/schemas/common';
import { organisationView } from '../../../shared/schemas/organisations';
import { access } from '../../platform/access';
import { verifyAuditChain } from '../../platform/audit';
import { searchAudit } from './audit-search';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisations';
import { grantSupportAccess, listSupportAccess } from './support-access';
import { listUsers, setDisabled, setSystemRoles } from './users';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  const systemAdmin = access.systemRole('system_admin');

  app.get(
    '/api/admin/organisations',
    {
      schema: { tags, summary: 'All organisations', response: { 200: organisationList } },
      config: { access: systemAdmin },
    },
    async (request) => ({ organisations: await listOrganisations(request) }),
  );

  app.post(
    '/api/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation',
        body: organisationCreateRequest,
        response: { 200: organisationView },
      },
      config: { access: systemAdmin },
    },
    async (request) => createOrganisation(request, request.body),
  );

  app.patch(
    '/api/admin/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Edit an organisation',
        params: idParams,
        body: organisationUpdateRequest,
        response: { 200: organisationView },
      },
      config: { access: systemAdmin },
    },
    async (request) => updateOrganisation(request, request.params.id, request.body),
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Find users by login ID, name or kana',
        querystring: userQuery,
        response: { 200: userList },
      },
      config: { access: systemAdmin },
    },
    async (request) => ({ users: await listUsers(request, request.query.q) }),
  );

  app.put(
    '/api/admin/users/:id/system-roles',
    {
      schema: {
        tags,
        summary: "Set a user's system roles",
        params: idParams,
        body: systemRolesUpdateRequest,
        response: { 200: userView },
      },
      config: { access: systemAdmin },
    },
    async (request) => setSystemRoles(request, request.params.id, request.body.systemRoles),
  );

  app.put(
    '/api/admin/users/:id/disabled',
    {
      schema: {
        tags,
        summary: 'Disable or enable an account (disabling ends its sessions)',
        params: idParams,
        body: userDisableRequest,
        response: { 200: userView },
      },
      config: { access: systemAdmin },
    },
    async (request) => setDisabled(request, request.params.id, request.body.disabled),
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags,
        summary: 'Search the audit log (newest first)',
        querystring: auditQuery,
        response: { 200: auditList },
      },
      config: { access: systemAdmin },
    },
    async (request) => searchAudit(request, request.query),
  );

  app.get(
    '/api/admin/audit/verify',
    {
      schema: { tags, summary: 'Check the audit hash chain', response: { 200: auditVerification } },
      config: { access: systemAdmin },
    },
    async () => verifyAuditChain(app.db),
  );

  app.post(
    '/api/admin/support-access',
    {
      schema: {
        tags,
        summary: 'Read one care team for an hour, with a reason (audited, shown to its members)',
        body: supportAccessRequest,
        response: { 201: supportAccessGrant },
      },
      config: { access: systemAdmin },
    },
    async (request, reply) => reply.status(201).send(await grantSupportAccess(request, request.body)),
  );

  app.get(
    '/api/admin/support-access',
    {
      schema: {
        tags,
        summary: 'The latest audited looks at care teams',
        response: { 200: supportAccessList },
      },
      config: { access: systemAdmin },
    },
    async (request) => listSupportAccess(request),
  );
};
