// /api/teams/:teamId/files, …/posts/:postId/files/:fileId and …/vitals: attachments (the file is the
// raw body, its name in the x-file-name header) and the vitals chart's series. For team members only,
// through platform/patient-access.ts like every team route.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { storedFile } from '../../../shared/schemas/files';
import { vitalsSeries, vitalsSeriesQuery } from '../../../shared/schemas/structured-posts';
import { postFileParams, teamParams } from '../../../shared/schemas/teams';
import { access } from '../../platform/access';
import { acceptFileUploads } from '../../platform/files';
import { readTeamFile, uploadTeamFile, vitalsOf } from './files';

export const teamFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['teams'];
  const config = { access: access.patientData() };
  acceptFileUploads(app);

  app.post(
    '/api/teams/:teamId/files',
    {
      schema: {
        tags,
        summary:
          'Upload a photo or PDF to attach to a post (raw body, application/octet-stream; name URI-encoded in x-file-name)',
        params: teamParams,
        response: { 201: storedFile },
      },
      config,
    },
    async (request, reply) => reply.status(201).send(await uploadTeamFile(request, request.params.teamId)),
  );

  app.get(
    '/api/teams/:teamId/posts/:postId/files/:fileId',
    {
      schema: {
        tags,
        summary: 'An attachment of a post (images inline, PDF as download)',
        params: postFileParams,
      },
      config,
    },
    async (request, reply) => readTeamFile(request, reply, request.params),
  );

  app.get(
    '/api/teams/:teamId/vitals',
    {
      schema: {
        tags,
        summary: 'The vitals recorded on the timeline in the last days, by time measured',
        params: teamParams,
        querystring: vitalsSeriesQuery,
        response: { 200: vitalsSeries },
      },
      config,
    },
    async (request) => vitalsOf(request, request.params.teamId, request.query.days),
  );
};
