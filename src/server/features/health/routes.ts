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
        summary: 'Liveness and database check; whether the directory search index is built yet',
        response: {
          200: z.object({ ok: z.boolean(), engine: z.string(), directorySearchReady: z.boolean() }),
        },
      },
      config: { access: access.public() },
    },
    async () => {
      await app.db.execute(sql`select 1`);
      // Searches made before the index is built wait for it: a balancer may prefer a ready process.
      return { ok: true, engine: app.dbEngine, directorySearchReady: app.directoryIndex.ready };
    },
  );
};
