// ケアマネタイム: the search care managers use (public, narrowed to the clinics that made theirs public
// when the reader is not signed in) and the clinic's replace-all of its windows.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/schemas/common';
import {
  careManagerTimeQuery,
  careManagerTimeResult,
  careManagerTimesUpdate,
  pointWriteResult,
} from '../../../shared/schemas/directory-maintenance';
import { access } from '../../platform/access';
import { replaceCareManagerTimes, searchCareManagerTimes } from './care-manager-times';
import { pointMaintainer } from './point-access';

export const careManagerTimeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['directory'];

  app.get(
    '/api/directory/care-manager-times',
    {
      schema: {
        tags,
        summary:
          'ケアマネタイム by area, weekday and time of day; signed-in professionals see all, others only public ones',
        querystring: careManagerTimeQuery,
        response: { 200: careManagerTimeResult },
      },
      config: { access: access.public() },
    },
    async (request) => searchCareManagerTimes(app.db, request.query, request.actor?.stage === 'active'),
  );

  app.put(
    '/api/directory/points/:id/care-manager-times',
    {
      schema: {
        tags,
        summary:
          "Replace a clinic's ケアマネタイム windows and their visibility (send the version read; 409 if stale)",
        params: idParams,
        body: careManagerTimesUpdate,
        response: { 200: pointWriteResult },
      },
      config: { access: pointMaintainer },
    },
    async (request) => replaceCareManagerTimes(request, request.params.id, request.body),
  );
};
