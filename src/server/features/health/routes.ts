// /api/health: for load balancers and the test harness.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ ok: z.boolean(), engine: z.string() }) },
      },
      config: { access: access.public() },
    },
    async () => {
      await app.db.execute(sql`select 1`);
      return { ok: true, engine: app.dbEngine };
    },
  );
};
