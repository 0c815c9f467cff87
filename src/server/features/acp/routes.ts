// /api/patients/:patientId/acp: 人生会議 (ACP) records — patient data, each patient opened through
// platform/patient-access.ts (whoever may see the patient: the care team under consent), audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acpConfirmRequest,
  acpCreateRequest,
  acpOverview,
  acpParams,
  acpSaveRequest,
  acpVersionParams,
} from '../../../shared/schemas/acp';
import { access } from '../../platform/access';
import { confirmAcp, createAcp, readAcp, saveAcp } from './records';

export const acpRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['acp'];
  const rule = { access: access.patientData() };

  app.get(
    '/api/patients/:patientId/acp',
    {
      schema: {
        tags,
        summary: "Every version of the patient's ACP record, newest first, with what changed",
        params: acpParams,
        response: { 200: acpOverview },
      },
      config: rule,
    },
    async (request) => readAcp(request, request.params.patientId),
  );

  app.post(
    '/api/patients/:patientId/acp',
    {
      schema: {
        tags,
        summary: 'Start a new version as a draft (409 while a draft is open)',
        params: acpParams,
        body: acpCreateRequest,
        response: { 201: acpOverview },
      },
      config: rule,
    },
    async (request, reply) =>
      reply.code(201).send(await createAcp(request, request.params.patientId, request.body)),
  );

  app.put(
    '/api/patients/:patientId/acp/:number',
    {
      schema: {
        tags,
        summary: 'Save a version: a draft in place; a confirmed one becomes the next version (409 if stale)',
        params: acpVersionParams,
        body: acpSaveRequest,
        response: { 200: acpOverview },
      },
      config: rule,
    },
    async (request) => saveAcp(request, request.params.patientId, request.params.number, request.body),
  );

  app.post(
    '/api/patients/:patientId/acp/:number/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the draft: it becomes the current record (409 if stale)',
        params: acpVersionParams,
        body: acpConfirmRequest,
        response: { 200: acpOverview },
      },
      config: rule,
    },
    async (request) =>
      confirmAcp(request, request.params.patientId, request.params.number, request.body.version),
  );
};
