// /api/public/settings, /api/settings and /api/areas: the city's own data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../shared/schemas/common';
import {
  areaFields,
  areaList,
  areaUpdateRequest,
  areaView,
  citySettings,
  publicSettings,
} from '../../../shared/schemas/settings';
import { access, requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { createArea, deleteArea, listAreas, updateArea } from './areas';
import { readCitySettings, writeCitySettings } from './city-settings';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['settings'];
  // The city maintains its settings and areas; the system admin can step in.
  const cityMaintainer = access.systemRole('system_admin', 'city_staff');

  app.get(
    '/api/public/settings',
    {
      schema: { tags, summary: 'City name and public settings', response: { 200: publicSettings } },
      config: { access: access.public() },
    },
    async () => ({
      ...(await readCitySettings(app.db)),
      demoMode: app.config.demoMode,
      map: { tileUrl: app.config.mapTileUrl, attribution: app.config.mapTileAttribution },
      directoryStaleDays: app.config.directoryStaleDays,
    }),
  );

  app.put(
    '/api/settings',
    {
      schema: {
        tags,
        summary: 'Update the city settings',
        body: citySettings,
        response: { 200: citySettings },
      },
      config: { access: cityMaintainer },
    },
    async (request) => {
      await app.db.transaction(async (tx) => {
        const before = await readCitySettings(tx);
        await writeCitySettings(tx, request.body, requireActor(request).user.id);
        await appendAudit(tx, {
          ...requestAuditFields(request),
          action: 'settings.city_updated',
          targetType: 'settings',
          targetId: 'city',
          details: { before, after: request.body },
        });
      });
      return request.body;
    },
  );

  app.get(
    '/api/areas',
    {
      schema: { tags, summary: 'Areas and their responsible centers', response: { 200: areaList } },
      config: { access: access.public() },
    },
    async () => ({ areas: await listAreas(app.db) }),
  );

  app.post(
    '/api/areas',
    {
      schema: { tags, summary: 'Add an area', body: areaFields, response: { 200: areaView } },
      config: { access: cityMaintainer },
    },
    async (request) => createArea(request, request.body),
  );

  app.put(
    '/api/areas/:id',
    {
      schema: {
        tags,
        summary: 'Edit an area (send the version you read; 409 if it changed)',
        params: idParams,
        body: areaUpdateRequest,
        response: { 200: areaView },
      },
      config: { access: cityMaintainer },
    },
    async (request) => updateArea(request, request.params.id, request.body),
  );

  app.delete(
    '/api/areas/:id',
    {
      schema: { tags, summary: 'Delete an unused area', params: idParams, response: { 200: okResponse } },
      config: { access: cityMaintainer },
    },
    async (request) => {
      await deleteArea(request, request.params.id);
      return { ok: true as const };
    },
  );
};
