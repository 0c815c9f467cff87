// /api/admission/*: admission and discharge support (入退院支援). The rule is read by every signed-in
// user and written by city and support-center staff.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ruleOverview as ruleOverviewSchema,
  ruleVersionRequest,
} from '../../../shared/schemas/admission-rule';
import { access } from '../../platform/access';
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
};
