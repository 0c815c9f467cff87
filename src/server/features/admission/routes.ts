// /api/admission/*: admission and discharge support (入退院支援). The rule is read by every signed-in
// user and written by city and support-center staff; participation is read by every signed-in user and
// declared by the entry's organisation admins or the support center.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  participationList,
  participationQuery,
  participationRates as participationRatesSchema,
  participationUpdate,
  participationWriteResult,
} from '../../../shared/schemas/admission-participation';
import {
  ruleOverview as ruleOverviewSchema,
  ruleVersionRequest,
} from '../../../shared/schemas/admission-rule';
import { idParams } from '../../../shared/schemas/common';
import { access } from '../../platform/access';
import { pointMaintainer } from '../directory/point-access';
import { declareParticipation, listParticipation, participationRates } from './participation';
import { addRuleVersion, RULE_EDITORS, ruleOverview } from './rule';

export const admissionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admission'];

  app.get(
    '/api/admission/rule',
    {
      schema: {
        tags,
        summary: 'The rule in force, every version, and example deadlines',
        response: { 200: ruleOverviewSchema },
      },
      config: { access: access.signedIn() },
    },
    async (request) => ruleOverview(request),
  );

  app.post(
    '/api/admission/rule/versions',
    {
      schema: {
        tags,
        summary: 'Add a version of the rule (from the latest one)',
        body: ruleVersionRequest,
        response: { 201: ruleOverviewSchema },
      },
      config: { access: access.systemRole(...RULE_EDITORS) },
    },
    async (request, reply) => reply.code(201).send(await addRuleVersion(request, request.body)),
  );
  app.get(
    '/api/admission/participation',
    {
      schema: {
        tags,
        summary:
          'Hospitals or care-management offices and their participation in the rule, with their windows',
        querystring: participationQuery,
        response: { 200: participationList },
      },
      config: { access: access.signedIn() },
    },
    async (request) => listParticipation(request, request.query),
  );

  app.get(
    '/api/admission/participation/rates',
    {
      schema: {
        tags,
        summary: 'The participation rate by kind and area, and for the whole city (live)',
        response: { 200: participationRatesSchema },
      },
      config: { access: access.signedIn() },
    },
    async () => participationRates(app.db),
  );

  app.put(
    '/api/admission/participation/:id',
    {
      schema: {
        tags,
        summary: "Declare a directory entry's participation and window (send the version read; 409 if stale)",
        params: idParams,
        body: participationUpdate,
        response: { 200: participationWriteResult },
      },
      config: { access: pointMaintainer },
    },
    async (request) => ({ entry: await declareParticipation(request, request.params.id, request.body) }),
  );
};
