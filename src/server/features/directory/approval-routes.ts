// The support center's approval queue: requests with each field before → after, and the decision.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/schemas/common';
import {
  changeDecision,
  changeRequestList,
  changeRequestListQuery,
  changeRequestView,
} from '../../../shared/schemas/directory-maintenance';
import { access } from '../../platform/access';
import { listChangeRequests } from './change-requests';
import { decideChange } from './decide-change';

export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['directory'];
  const centerStaff = access.systemRole('center_staff');

  app.get(
    '/api/directory/change-requests',
    {
      schema: {
        tags,
        summary: 'The approval queue (pending, oldest first) or the latest decided requests',
        querystring: changeRequestListQuery,
        response: { 200: changeRequestList },
      },
      config: { access: centerStaff },
    },
    async (request) => ({
      requests: await listChangeRequests(app.db, { status: request.query.status, limit: 200 }),
    }),
  );

  app.post(
    '/api/directory/change-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (published at once, version source approval) or return with a comment (required)',
        params: idParams,
        body: changeDecision,
        response: { 200: changeRequestView },
      },
      config: { access: centerStaff },
    },
    async (request) => decideChange(request, request.params.id, request.body),
  );
};
