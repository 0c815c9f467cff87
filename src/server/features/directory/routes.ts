// /api/directory/…: the resource directory (在宅医療・介護資源マップ). Search and detail are public;
// each further concern (maintenance, ケアマネタイム, import, export) registers its own routes file here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/schemas/common';
import {
  directorySearchQuery,
  directorySearchResult,
  servicePointDetail,
} from '../../../shared/schemas/directory';
import { access } from '../../platform/access';
import { approvalRoutes } from './approval-routes';
import { careManagerTimeRoutes } from './care-manager-time-routes';
import { exportRoutes } from './export-routes';
import { importRoutes } from './import-routes';
import { maintenanceRoutes } from './maintenance-routes';
import { readServicePointDetail } from './point-detail';
import { searchDirectory } from './search/search';

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['directory'];
  // Any write here has committed by the time its answer is sent: the next search reads it first.
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') app.directoryIndex.changed();
  });
  await app.register(maintenanceRoutes);
  await app.register(approvalRoutes);
  await app.register(careManagerTimeRoutes);
  await app.register(exportRoutes);
  await app.register(importRoutes);

  app.get(
    '/api/directory/search',
    {
      schema: {
        tags,
        summary: 'Search service points by words (any script) and filters; paged by cursor',
        querystring: directorySearchQuery,
        response: { 200: directorySearchResult },
      },
      // The busiest public route: its answer is built field by field (search/summaries.ts) and typed
      // by the schema, so it is written out as it is rather than checked again on the way.
      serializerCompiler: () => (data) => JSON.stringify(data),
      config: { access: access.public() },
    },
    async (request) =>
      searchDirectory(
        { db: app.db, index: app.directoryIndex, staleAfterDays: app.config.directoryStaleDays },
        request.query,
      ),
  );

  app.get(
    '/api/directory/points/:id',
    {
      schema: {
        tags,
        summary: 'One service point, everything public about it',
        params: idParams,
        response: { 200: servicePointDetail },
      },
      config: { access: access.public() },
    },
    async (request) =>
      readServicePointDetail(app.db, request.params.id, {
        professional: request.actor?.stage === 'active',
        staleAfterDays: app.config.directoryStaleDays,
      }),
  );
};
